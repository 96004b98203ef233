import { beforeEach, describe, expect, it } from 'vitest';
import { createDisplayRecovery, HEARTBEAT_SILENCE_MS, type DisplayRecovery } from './display-recovery.js';
import { FakeTimers, recordingLog, type RecordingLog } from './fake-electron.test-support.js';

let timers: FakeTimers;
let log: RecordingLog;
let reloads: number[];
let kills: number;
let recovery: DisplayRecovery;

beforeEach(() => {
  timers = new FakeTimers();
  log = recordingLog();
  reloads = [];
  kills = 0;
  recovery = createDisplayRecovery({ clock: timers, timers, log, reload: () => reloads.push(timers.now()), killRenderer: () => kills++ });
});

/** Advances in heartbeat-sized steps, the page sending one each step. */
function healthyFor(ms: number): void {
  for (let t = 0; t < ms; t += 3_000) {
    timers.advance(3_000);
    recovery.heartbeat();
  }
}

describe('display recovery', () => {
  it('reloads a renderer that crashed, once', () => {
    recovery.gone('crashed', 139);
    recovery.gone('crashed', 139);
    timers.advance(0);
    expect(reloads).toHaveLength(1);
    expect(log.lines.find((l) => l.message === 'reloading the display')?.fields).toMatchObject({ reason: 'renderer gone', delayMs: 0 });
  });

  it('kills a hung renderer and reloads it into a fresh process, not twice for the kill it caused', () => {
    recovery.unresponsive();
    expect(kills).toBe(1);
    timers.advance(0);
    expect(reloads).toHaveLength(1);
    // Electron then reports the renderer we killed as gone: that is not a second failure.
    recovery.gone('killed', 0);
    recovery.heartbeat();
    timers.advance(5_000);
    expect(reloads).toHaveLength(1);
    expect(log.lines.filter((l) => l.fields?.reason === 'renderer gone')).toHaveLength(0);
    // A real crash later is one again.
    recovery.gone('crashed', 139);
    timers.advance(0);
    expect(reloads).toHaveLength(2);
  });

  it('keeps a page that sends heartbeats', () => {
    healthyFor(10 * 60_000);
    expect(reloads).toHaveLength(0);
  });

  it('reloads after 30 s without a heartbeat, not before', () => {
    healthyFor(60_000);
    const lastBeat = timers.now();
    timers.advance(HEARTBEAT_SILENCE_MS - 5_001);
    expect(reloads).toHaveLength(0);
    timers.advance(10_000);
    expect(reloads).toHaveLength(1);
    expect(reloads[0]! - lastBeat).toBeGreaterThanOrEqual(HEARTBEAT_SILENCE_MS);
    expect(reloads[0]! - lastBeat).toBeLessThanOrEqual(HEARTBEAT_SILENCE_MS + 5_000);
    expect(log.lines.at(-1)?.fields).toMatchObject({ reason: 'no heartbeat' });
  });

  it('spaces out reloads that do not bring the page back, and resets once it beats again', () => {
    recovery.gone('crashed', 1);
    timers.advance(0);
    recovery.gone('crashed', 1);
    timers.advance(999);
    expect(reloads).toHaveLength(1);
    timers.advance(1);
    expect(reloads).toHaveLength(2);
    recovery.gone('crashed', 1);
    timers.advance(1_999);
    expect(reloads).toHaveLength(2);
    timers.advance(1);
    expect(reloads).toHaveLength(3);
    recovery.heartbeat();
    recovery.gone('crashed', 1);
    timers.advance(0);
    expect(reloads).toHaveLength(4);
  });

  it('retries a page that failed to load', () => {
    recovery.failedLoad(-6, 'ERR_FILE_NOT_FOUND');
    timers.advance(0);
    expect(reloads).toHaveLength(1);
  });

  it('does nothing more once stopped', () => {
    recovery.gone('crashed', 1);
    recovery.stop();
    timers.advance(10 * 60_000);
    expect(reloads).toHaveLength(0);
  });

  it('reloads a page that heartbeats while its picture stands still, after 20 s of it', () => {
    healthyFor(9_000);
    for (let t = 0; t < 18_000; t += 3_000) {
      timers.advance(3_000);
      recovery.heartbeat(null);
    }
    expect(reloads).toHaveLength(0);
    for (let t = 0; t < 6_000; t += 3_000) {
      timers.advance(3_000);
      recovery.heartbeat(25_000);
    }
    expect(reloads).toHaveLength(1);
    expect(log.lines.find((l) => l.message === 'reloading the display')?.fields).toMatchObject({ reason: 'picture frozen' });
  });

  it('says once that its ladder is spent at the cap, for the shell to relaunch the app', () => {
    const spent: string[] = [];
    recovery.stop();
    recovery = createDisplayRecovery({ clock: timers, timers, log, reload: () => reloads.push(timers.now()), killRenderer: () => kills++, spent: (why) => spent.push(why) });
    for (let i = 0; i < 14; i++) {
      recovery.gone('crashed', 139);
      timers.advance(6 * 60_000);
    }
    expect(spent).toHaveLength(1);
    expect(spent[0]).toMatch(/^the display did not come back after 10 reloads \(last: /);
  });
});
