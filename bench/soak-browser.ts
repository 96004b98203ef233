/**
 * The browser a soak measures, opened by one of two drivers:
 * - `cdp` (default): Debian Chromium launched directly and driven over the DevTools protocol with
 *   only the commands the soak sends (bench/cdp-browser.ts) — a hall screen has nothing attached;
 * - `playwright`: Chromium under Playwright, as the soak ran until December 2026. Playwright turns
 *   on the Network domain for every page, and Chromium then keeps a copy of the response bodies
 *   the page loads in its renderer: the display, re-loading its clips all day, grew by that copy.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { chromiumTree, parentOf, rendererMarked } from '../e2e/chromium-processes.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { launchCdpBrowser } from './cdp-browser.js';

export type Driver = 'cdp' | 'playwright';

/** The DevTools commands the soak sends to one target, whichever driver opened it. */
export interface Session {
  // Protocol results are read (and typed) where they are used.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(method: string, params?: object): Promise<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  once(event: string): Promise<any>;
  /** Every `event` until the returned function is called. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (params: any) => void): () => void;
}

export interface SoakPage extends Session {
  evaluate<T>(expression: string): Promise<T>;
  /** The page's renderer process. */
  pid: number;
}

export interface SoakBrowser {
  /** The browser process. */
  pid: number;
  /** A 1920×1080 page showing `url`, once `ready` (an expression) is true. */
  open(url: string, ready?: string): Promise<SoakPage>;
  /** The browser target (for memory-infra dumps). */
  browser(): Promise<Session>;
  close(): Promise<void>;
}

function wrap(s: CDPSession): Session {
  return {
    send: (method, params) => s.send(method as never, params as never),
    once: (event) => new Promise((ok) => s.once(event as never, ok as never)),
    on: (event, listener) => {
      s.on(event as never, listener as never);
      return () => s.off(event as never, listener as never);
    },
  };
}

/**
 * `network`: with the cdp driver, turn on the Network domain in each page as Playwright does (and
 * nothing else of Playwright's), to show what it alone costs.
 */
export async function openSoakBrowser(driver: Driver, dir: string, network = false): Promise<SoakBrowser> {
  if (driver === 'cdp') {
    const profile = path.join(dir, 'profile');
    mkdirSync(profile, { recursive: true });
    const b = await launchCdpBrowser(CHROMIUM, CHROMIUM_ARGS, profile);
    const known: number[] = [];
    return {
      pid: b.pid,
      async open(url, ready) {
        const page = await b.open(url);
        if (network) await page.cdp.send('Network.enable');
        if (ready) await page.waitFor(ready, 30_000);
        else await page.waitFor('document.readyState === "complete"', 30_000);
        const evaluate = <T>(expression: string): Promise<T> => page.evaluate<T>(expression);
        const pid = await rendererMarked(evaluate, b.pid, known);
        known.push(pid);
        return { pid, evaluate, send: (m, p) => page.cdp.send(m, p), once: (e) => page.cdp.once(e), on: (e, l) => page.cdp.on(e, l) };
      },
      async browser() {
        return { send: (m, p) => b.browser.send(m, p), once: (e) => b.browser.once(e), on: (e, l) => b.browser.on(e, l) };
      },
      close: () => b.close(),
    };
  }
  // Ctrl-C is the soak's (stop early, report), not Playwright's.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, handleSIGINT: false });
  const pid = chromiumTree(process.pid).find((p) => p.type === 'browser' && parentOf(p.pid) === process.pid)?.pid;
  if (!pid) throw new Error('soak: Chromium browser process not found');
  const known: number[] = [];
  return {
    pid,
    async open(url, ready) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(url);
      if (ready) await page.waitForFunction(ready, null, { timeout: 30_000 });
      const cdp = wrap(await page.context().newCDPSession(page));
      const evaluate = <T>(expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
      const renderer = await rendererMarked(evaluate, pid, known);
      known.push(renderer);
      return { pid: renderer, evaluate, ...cdp };
    },
    async browser() {
      return wrap(await browser.newBrowserCDPSession());
    },
    close: () => browser.close(),
  };
}
