import { describe, expect, it } from 'vitest';
import { createHealth } from '../host/domain/health/health.js';
import type { KioskBrowser } from './kiosk-browser.js';
import { kioskArgs, superviseKiosk, type SupervisorDeps } from './kiosk-supervisor.js';

class FakeBrowser implements KioskBrowser {
  pid = 4242;
  ended = false;
  reloads: string[] = [];
  reloadFails = false;
  stderr: string[] = [];
  constructor(readonly args: string[] = []) {}
  lastLines(): string[] {
    return this.stderr;
  }
  private exits: ((code: number | null, signal: NodeJS.Signals | null) => void)[] = [];
  private crashes: ((status: string) => void)[] = [];
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.exits.push(listener);
  }
  onPageCrashed(listener: (status: string) => void): void {
    this.crashes.push(listener);
  }
  reloadPage(url: string): Promise<void> {
    this.reloads.push(url);
    return this.reloadFails ? Promise.reject(new Error('the browser has no page to reload')) : Promise.resolve();
  }
  capturePage(): Promise<Buffer> {
    return Promise.resolve(Buffer.alloc(0));
  }
  end(): void {
    this.ended = true;
    this.exit(null, 'SIGTERM');
  }
  exit(code: number | null, signal: NodeJS.Signals | null): void {
    for (const listener of this.exits.splice(0)) listener(code, signal);
  }
  crash(status = 'killed'): void {
    for (const listener of this.crashes) listener(status);
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function harness(options: { stale?: number | null; screen?: { width: number; height: number } | null; stderr?: string[] } = {}) {
  let now = 1_000_000;
  const browsers: FakeBrowser[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  const logs: string[] = [];
  const quiet = { info: () => undefined, warn: () => undefined };
  const health = createHealth({ now: () => now, log: quiet });
  /** The newest heartbeat the player heard; null: no player yet. */
  let beat: number | null = 0;
  /** What the display's heartbeats say of its picture (stillForMs); undefined: they do not say. */
  let still: number | null | undefined = undefined;
  const spent: string[] = [];
  let staleChecks = 0;
  let screenReads = 0;
  const gaveUp: string[] = [];
  const deps: SupervisorDeps = {
    launch: (_command, args) => {
      const b = new FakeBrowser(args);
      b.stderr = options.stderr ?? [];
      browsers.push(b);
      return b;
    },
    screenSize: () => {
      screenReads++;
      return Promise.resolve(options.screen ?? null);
    },
    gaveUp: (why) => void gaveUp.push(why),
    endStale: () => {
      staleChecks++;
      return Promise.resolve(staleChecks === 1 ? (options.stale ?? null) : null);
    },
    timers: {
      after: (ms, fn) => {
        const timer = { at: now + ms, fn };
        timers.push(timer);
        return () => void (timers.includes(timer) && timers.splice(timers.indexOf(timer), 1));
      },
    },
    clock: { now: () => now },
    log: (m) => logs.push(m),
    heartbeats: () => beat,
    pictureStill: () => still,
    ladderSpent: (why) => void spent.push(why),
    health: () => health,
  };
  /** Moves time on in steps of at most 1 s, firing due timers and letting launches settle. */
  const advance = async (ms: number, beating = false): Promise<void> => {
    const end = now + ms;
    while (now < end) {
      now = Math.min(end, now + 1000);
      if (beating) beat = now;
      for (const t of timers.filter((x) => x.at <= now).sort((a, b) => a.at - b.at)) {
        if (!timers.includes(t)) continue;
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
      await flush();
    }
  };
  const restarts = () => health.view().classes['browser-restarts'];
  return {
    deps,
    browsers,
    logs,
    advance,
    restarts,
    health,
    setBeat: (v: number | null) => void (beat = v),
    setStill: (v: number | null | undefined) => void (still = v),
    spent,
    gaveUp,
    get staleChecks() {
      return staleChecks;
    },
    get screenReads() {
      return screenReads;
    },
  };
}

const options = { browser: '/usr/bin/chromium', url: 'http://127.0.0.1:8080/', profileDir: '/tmp/p', noSandbox: false };

describe('kiosk supervisor', () => {
  it('starts Chromium in kiosk mode with autoplay, no translate bar, no first-run, no background networking, DevTools on a pipe only', () => {
    const args = kioskArgs(options);
    for (const flag of ['--kiosk', '--autoplay-policy=no-user-gesture-required', '--disable-features=Translate', '--no-first-run', '--disable-background-networking', '--remote-debugging-pipe']) {
      expect(args).toContain(flag);
    }
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
    expect(args.at(-1)).toBe('--app=http://127.0.0.1:8080/');
    expect(args).not.toContain('--no-sandbox');
    expect(kioskArgs({ ...options, noSandbox: true })).toContain('--no-sandbox');
    // One pixel larger each way: Chromium shrinks a window of exactly the screen's size by one (kiosk-display.ts).
    expect(kioskArgs({ ...options, windowSize: '1080x1920' })).toEqual(expect.arrayContaining(['--window-position=0,0', '--window-size=1081,1921']));
    expect(kioskArgs(options, { width: 1920, height: 1080 })).toEqual(expect.arrayContaining(['--window-position=0,0', '--window-size=1921,1081']));
    expect(kioskArgs(options).some((a) => a.startsWith('--window-'))).toBe(false);
    expect(() => kioskArgs({ ...options, windowSize: 'big' })).toThrow('--window-size "big": write WIDTHxHEIGHT, e.g. 1920x1080');
  });

  it('ends a stale browser on the profile before the first launch', async () => {
    const h = harness({ stale: 777 });
    superviseKiosk(options, h.deps);
    await flush();
    expect(h.staleChecks).toBe(1);
    expect(h.browsers).toHaveLength(1);
    expect(h.logs[0]).toBe('ended a stale browser (pid 777) that held the kiosk profile');
  });

  it('reloads a crashed page through DevTools and counts a tab reload; no browser restart while heartbeats come back', async () => {
    const h = harness();
    superviseKiosk(options, h.deps);
    await h.advance(10_000, true);
    h.browsers[0]!.crash();
    await h.advance(1_000);
    expect(h.browsers[0]!.reloads).toStrictEqual(['http://127.0.0.1:8080/']);
    expect(h.restarts()).toMatchObject({ count: 1, last: { message: 'kiosk page reloaded', fields: { kind: 'tab-reload', reason: 'crashed' } } });
    await h.advance(120_000, true);
    expect(h.browsers).toHaveLength(1);
    expect(h.logs).toContain('kiosk display is back');
  });

  it('restarts the browser when the reload does not bring heartbeats back within the bound', async () => {
    const h = harness();
    superviseKiosk(options, h.deps);
    await h.advance(10_000, true);
    h.browsers[0]!.crash();
    await h.advance(29_000);
    expect(h.browsers).toHaveLength(1);
    await h.advance(7_000);
    expect(h.browsers[0]!.ended).toBe(true);
    expect(h.browsers).toHaveLength(2);
    expect(h.restarts()).toMatchObject({ count: 2, last: { message: 'kiosk browser restarted', fields: { kind: 'browser-restart', reason: 'no-heartbeat', attempt: 2 } } });
  });

  it('reloads a page that never said hello, and does not count the time before the player ran', async () => {
    const h = harness();
    h.setBeat(null);
    superviseKiosk(options, h.deps);
    await h.advance(120_000);
    expect(h.browsers[0]!.reloads).toHaveLength(0);
    h.setBeat(0);
    await h.advance(29_000);
    expect(h.browsers[0]!.reloads).toHaveLength(0);
    await h.advance(7_000);
    expect(h.browsers[0]!.reloads).toHaveLength(1);
    expect(h.restarts().last?.fields).toMatchObject({ kind: 'tab-reload', reason: 'no-heartbeat' });
  });

  it('restarts a browser that dies, backing off, and counts an exit with code 0 at once as a failure', async () => {
    const h = harness();
    superviseKiosk(options, h.deps);
    await flush();
    h.browsers[0]!.exit(0, null);
    expect(h.logs.at(-2)).toBe('kiosk browser exited at once (code 0): failed start 1 of 5');
    expect(h.logs.at(-1)).toBe('kiosk browser exited: restarting the browser in 1 s (attempt 1)');
    await h.advance(1_000);
    expect(h.browsers).toHaveLength(2);
    h.browsers[1]!.exit(0, null);
    await h.advance(1_000);
    expect(h.browsers).toHaveLength(2);
    await h.advance(1_000);
    expect(h.browsers).toHaveLength(3);
    // A run that brought the display back resets the ladder.
    await h.advance(60_000, true);
    h.browsers[2]!.exit(null, 'SIGSEGV');
    expect(h.logs.at(-2)).toBe('kiosk browser exited (SIGSEGV)');
    await h.advance(1_000);
    expect(h.browsers).toHaveLength(4);
  });

  it('stops hot-looping past the cap: retries every 5 min and says so in health until the display is back', async () => {
    const h = harness();
    superviseKiosk(options, h.deps);
    await flush();
    for (let i = 0; i < 8; i++) {
      h.browsers.at(-1)!.exit(0, null);
      await h.advance(31_000);
    }
    expect(h.browsers).toHaveLength(9);
    h.browsers.at(-1)!.exit(0, null);
    expect(h.logs.at(-1)).toBe('kiosk browser exited: restarting the browser in 300 s (attempt 9)');
    expect(h.restarts().active).toMatchObject([{ key: 'kiosk', message: 'the kiosk keeps failing (8 attempts in a row): retrying every 5 min' }]);
    expect(h.health.view().ok).toBe(false);
    await h.advance(299_000);
    expect(h.browsers).toHaveLength(9);
    await h.advance(1_000);
    expect(h.browsers).toHaveLength(10);
    await h.advance(5_000, true);
    expect(h.restarts().active).toStrictEqual([]);
  });

  it('says once that the ladder is spent when it reaches its cap (the last rung is the command\'s), and again only after a recovery', async () => {
    const h = harness();
    superviseKiosk(options, h.deps);
    await flush();
    for (let i = 0; i < 8; i++) {
      h.browsers.at(-1)!.exit(0, null);
      await h.advance(31_000);
    }
    expect(h.spent).toStrictEqual([]);
    h.browsers.at(-1)!.exit(0, null);
    expect(h.spent).toStrictEqual(['the kiosk display did not come back after 8 reloads and browser restarts (last: browser exited)']);
    await h.advance(300_000);
    h.browsers.at(-1)!.exit(0, null);
    await h.advance(1_000);
    expect(h.spent).toHaveLength(1);
  });

  describe('a picture that stands still while the page heartbeats', () => {
    it('is reloaded after 20 s, then the browser restarted, each counted with its reason', async () => {
      const h = harness();
      superviseKiosk(options, h.deps);
      await h.advance(10_000, true);
      h.setStill(null);
      // Heartbeats go on, the picture does not move: no silence, yet no sign of life either.
      await h.advance(15_000, true);
      expect(h.browsers[0]!.reloads).toHaveLength(0);
      await h.advance(10_000, true);
      expect(h.browsers[0]!.reloads).toHaveLength(1);
      expect(h.logs).toContain('kiosk picture frozen (the display heartbeats, its picture does not move): reloading the page in 0 s (attempt 1)');
      expect(h.restarts().last?.fields).toMatchObject({ kind: 'tab-reload', reason: 'picture-frozen', attempt: 1 });
      // The reloaded page heartbeats at once and its picture never moves: the browser is restarted next.
      await h.advance(30_000, true);
      expect(h.browsers).toHaveLength(2);
      expect(h.restarts().last?.fields).toMatchObject({ kind: 'browser-restart', reason: 'picture-frozen', attempt: 2 });
      h.setStill(0);
      await h.advance(10_000, true);
      expect(h.logs).toContain('kiosk display is back');
      expect(h.restarts().count).toBe(2);
    });

    it('does nothing about a stall the display fixes itself (still for a few seconds, then moving again)', async () => {
      const h = harness();
      superviseKiosk(options, h.deps);
      for (let i = 0; i < 10; i++) {
        h.setStill(i % 2 ? 3_000 : 12_000);
        await h.advance(10_000, true);
      }
      expect(h.browsers[0]!.reloads).toHaveLength(0);
      expect(h.restarts().count).toBe(0);
    });
  });

  it('restarts the browser when its page cannot be reloaded and stays silent', async () => {
    const h = harness();
    superviseKiosk(options, h.deps);
    await h.advance(10_000, true);
    h.browsers[0]!.reloadFails = true;
    h.browsers[0]!.crash();
    await h.advance(1_000);
    expect(h.logs).toContain('could not reload the kiosk page: the browser has no page to reload');
    await h.advance(40_000);
    expect(h.browsers).toHaveLength(2);
  });

  it('stops for good when asked: the browser is ended and never started again', async () => {
    const h = harness();
    const supervisor = superviseKiosk(options, h.deps);
    await flush();
    supervisor.stop();
    expect(h.browsers[0]!.ended).toBe(true);
    await h.advance(600_000);
    expect(h.browsers).toHaveLength(1);
  });

  it('covers the screen it reads from the X server before each launch, unless --window-size names one', async () => {
    const h = harness({ screen: { width: 1280, height: 720 } });
    superviseKiosk(options, h.deps);
    await flush();
    expect(h.browsers[0]!.args).toEqual(expect.arrayContaining(['--window-position=0,0', '--window-size=1281,721']));
    h.browsers[0]!.exit(1, null);
    await h.advance(1_000);
    expect(h.screenReads).toBe(2);

    const given = harness({ screen: { width: 1280, height: 720 } });
    superviseKiosk({ ...options, windowSize: '1920x1080' }, given.deps);
    await flush();
    expect(given.screenReads).toBe(0);
    expect(given.browsers[0]!.args).toContain('--window-size=1921,1081');
  });

  it('gives up on a browser that cannot start: five exits in a row within 5 s, then one line quoting its stderr, and no more launches', async () => {
    const h = harness({
      stderr: [
        '[1611:1611:1207/111235.549986:ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY',
        '[1611:1611:1207/111235.552807:ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting.',
        '[1641:1641:0100/000000.443105:ERROR:content/zygote/zygote_linux.cc:662] write: Broken pipe (32)',
      ],
    });
    superviseKiosk(options, h.deps);
    await flush();
    for (let n = 1; n <= 4; n++) {
      h.browsers.at(-1)!.exit(1, null);
      expect(h.logs).toContain(`kiosk browser exited at once (code 1): failed start ${n} of 5`);
      await h.advance(2 ** (n - 1) * 1_000);
      expect(h.browsers).toHaveLength(n + 1);
    }
    expect(h.logs).toContain(
      'kiosk browser\'s last stderr lines: "ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY" "ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting."',
    );
    expect(h.gaveUp).toEqual([]);
    h.browsers.at(-1)!.exit(1, null);
    expect(h.gaveUp).toEqual([
      'the kiosk browser failed to start 5 times in a row (last: code 1); Chromium said: "ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY" "ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting."',
    ]);
    await h.advance(600_000);
    expect(h.browsers).toHaveLength(5);
  });

  it('does not give up on a browser that ran before it died: the count of failed starts begins again', async () => {
    const h = harness();
    superviseKiosk(options, h.deps);
    await flush();
    /** The newest browser exits now; then time runs until the next one is launched. */
    const quickExit = async (): Promise<void> => {
      const count = h.browsers.length;
      h.browsers.at(-1)!.exit(1, null);
      for (let waited = 0; h.browsers.length === count && waited < 400_000; waited += 1_000) await h.advance(1_000);
    };
    for (let n = 0; n < 4; n++) await quickExit();
    await h.advance(10_000);
    await quickExit();
    expect(h.logs).toContain('kiosk browser exited (code 1)');
    for (let n = 0; n < 4; n++) await quickExit();
    expect(h.gaveUp).toEqual([]);
    expect(h.logs.filter((l) => l.endsWith('failed start 4 of 5'))).toHaveLength(2);
    h.browsers.at(-1)!.exit(1, null);
    expect(h.gaveUp).toHaveLength(1);
  });
});
