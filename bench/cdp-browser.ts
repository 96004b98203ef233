/**
 * Debian Chromium launched the way the kiosk runs it, driven over the DevTools protocol with only
 * the commands the caller sends — for memory figures.
 *
 * Playwright enables the Network domain on every page it drives, and Chromium's network agent then
 * keeps copies of what the page loads, in the renderer, for DevTools to show (up to the buffer
 * limits `Network.enable` takes). A display that loads the same clips again all day grew by those
 * copies (its buffer partition +1.4 MB a minute under Playwright, flat without: BENCHMARKS.md,
 * "Soak"); a hall screen, with nothing attached, does not — the kiosk attaches only for a moment
 * to navigate (electron/cli/kiosk-browser.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';

/** One DevTools connection (a browser's or a page's endpoint, or Node's inspector). */
export class CdpConnection {
  private next = 1;
  private readonly waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private readonly listeners = new Map<string, ((params: unknown) => void)[]>();
  private readonly subscribers = new Map<string, Set<(params: unknown) => void>>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown };
      if (msg.id !== undefined) {
        const w = this.waiting.get(msg.id);
        if (msg.error) w?.fail(new Error(msg.error.message));
        else w?.ok(msg.result);
      } else if (msg.method) {
        for (const l of this.listeners.get(msg.method)?.splice(0) ?? []) l(msg.params);
        for (const l of this.subscribers.get(msg.method) ?? []) l(msg.params);
      }
    });
  }

  static async open(url: string): Promise<CdpConnection> {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    return new CdpConnection(ws);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`DevTools: ${method} timed out`)), 60_000);
      this.waiting.set(id, {
        ok: (v) => {
          clearTimeout(timer);
          this.waiting.delete(id);
          ok(v as T);
        },
        fail: (e) => {
          clearTimeout(timer);
          this.waiting.delete(id);
          fail(new Error(`DevTools: ${method}: ${e.message}`));
        },
      });
    });
  }

  /** The next event named `method`. */
  once<T = Record<string, unknown>>(method: string): Promise<T> {
    return new Promise((ok) => {
      const list = this.listeners.get(method) ?? [];
      list.push((p) => ok(p as T));
      this.listeners.set(method, list);
    });
  }

  /** Every `method` event until the returned function is called (a heap snapshot comes in many chunks). */
  on<T = Record<string, unknown>>(method: string, listener: (params: T) => void): () => void {
    const set = this.subscribers.get(method) ?? new Set();
    const l = listener as (params: unknown) => void;
    set.add(l);
    this.subscribers.set(method, set);
    return () => set.delete(l);
  }

  close(): void {
    this.ws.close();
  }
}

/** A page (target) of the browser, on its own connection. */
export class CdpPage {
  constructor(
    readonly cdp: CdpConnection,
    readonly targetId: string,
  ) {}

  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.cdp.send<{ result: { value?: unknown }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`page: ${expression}: ${r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  async waitFor(expression: string, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false))) {
      if (Date.now() > end) throw new Error(`page: ${expression} not true within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export interface CdpBrowser {
  pid: number;
  browser: CdpConnection;
  /** A new window showing `url` in a 1920×1080 viewport, each a visible page as a hall screen (pages of one site may share a renderer). */
  open(url: string): Promise<CdpPage>;
  close(): Promise<void>;
}

/**
 * Starts `executable` headless with `args`, a 1920×1080 window, a fresh profile in `profileDir`
 * and a DevTools port. Playwright's own headless switches that matter here are repeated (no
 * sandbox as root, muted output, no background throttling) so that only the driver differs.
 */
export async function launchCdpBrowser(executable: string, args: string[], profileDir: string): Promise<CdpBrowser> {
  const child: ChildProcess = spawn(
    executable,
    [
      ...args,
      '--headless',
      '--no-sandbox',
      '--mute-audio',
      '--hide-scrollbars',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--window-size=1920,1080',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((ok, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error(`chromium: no DevTools address within 30 s: ${err}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`chromium exited (${code}): ${err}`)));
  });
  const browser = await CdpConnection.open(endpoint);
  const origin = new URL(endpoint).host;
  const pages: CdpPage[] = [];
  return {
    pid: child.pid!,
    browser,
    async open(url) {
      const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', newWindow: true });
      const page = new CdpPage(await CdpConnection.open(`ws://${origin}/devtools/page/${targetId}`), targetId);
      // A 1920×1080 viewport (a headless window keeps room for its toolbar), set before the page loads.
      await page.cdp.send('Emulation.setDeviceMetricsOverride', { width: 1920, height: 1080, deviceScaleFactor: 1, mobile: false });
      await page.cdp.send('Page.navigate', { url });
      pages.push(page);
      return page;
    },
    async close() {
      for (const p of pages) p.cdp.close();
      const exited = new Promise((ok) => child.once('exit', ok));
      await browser.send('Browser.close').catch(() => child.kill('SIGKILL'));
      browser.close();
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
