import { describe, expect, it } from 'vitest';
import { beat, check, DEFAULT_RECOVERY, heartbeat, initialRecovery, stepTaken, trouble, waitFrom, type RecoveryState, type RecoveryTuning } from './recovery-policy.js';

const T0 = 1_000_000;
const KIOSK: RecoveryTuning = { ...DEFAULT_RECOVERY, silenceMs: 20_000, maxBackoffMs: 30_000, reloadsBeforeRestart: 1, capAttempts: 4, cappedBackoffMs: 300_000 };

/** Fails `n` times in a row, each step taken at once: the steps decided. */
function failRepeatedly(n: number, tuning: RecoveryTuning, reason: Parameters<typeof trouble>[1] = 'crashed') {
  let state: RecoveryState = initialRecovery(T0);
  const steps = [];
  for (let i = 0; i < n; i++) {
    const decision = trouble(state, reason, T0 + i, tuning);
    steps.push(decision.step!);
    state = stepTaken(decision.state, T0 + i);
  }
  return { state, steps };
}

describe('recovery policy', () => {
  it('reloads a crashed page at once, then restarts the browser when the reload did not bring it back', () => {
    const { steps } = failRepeatedly(3, KIOSK);
    expect(steps.map((s) => [s.action, s.delayMs, s.attempt])).toStrictEqual([
      ['reload', 0, 1],
      ['restart', 1_000, 2],
      ['restart', 2_000, 3],
    ]);
  });

  it('never restarts where the shell has no browser to restart (the Electron window)', () => {
    const { steps } = failRepeatedly(8, DEFAULT_RECOVERY);
    expect(steps.every((s) => s.action === 'reload')).toBe(true);
    expect(steps.map((s) => s.delayMs)).toStrictEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
  });

  it('restarts a browser that exited, never at once, even when a reload was waiting', () => {
    let state = initialRecovery(T0);
    const reload = trouble(state, 'crashed', T0, KIOSK);
    expect(reload.step?.action).toBe('reload');
    const exited = trouble(reload.state, 'browser-exited', T0 + 10, KIOSK);
    expect(exited.step).toMatchObject({ action: 'restart', delayMs: 2_000, attempt: 2 });
    state = initialRecovery(T0);
    expect(trouble(state, 'browser-exited', T0, KIOSK).step).toMatchObject({ action: 'restart', delayMs: 1_000, attempt: 1 });
  });

  it('takes one step per trouble: more trouble while a step waits is the same trouble', () => {
    const first = trouble(initialRecovery(T0), 'crashed', T0, KIOSK);
    expect(trouble(first.state, 'crashed', T0 + 5, KIOSK).step).toBeNull();
    expect(check(first.state, T0 + 60_000, KIOSK).step).toBeNull();
  });

  it('slows to the capped backoff after too many failures in a row, and says so', () => {
    const { steps, state } = failRepeatedly(6, KIOSK);
    expect(steps.map((s) => [s.delayMs, s.capped])).toStrictEqual([
      [0, false],
      [1_000, false],
      [2_000, false],
      [4_000, false],
      [300_000, true],
      [300_000, true],
    ]);
    expect(state.capped).toBe(true);
    const back = heartbeat(state, T0 + 10);
    expect(back.recovered).toBe(true);
    expect(back.state.capped).toBe(false);
    expect(trouble(back.state, 'crashed', T0 + 20, KIOSK).step).toMatchObject({ action: 'reload', delayMs: 0, attempt: 1 });
  });

  it('a heartbeat resets the ladder; a heartbeat of a healthy page recovers nothing', () => {
    const { state } = failRepeatedly(2, KIOSK);
    const back = heartbeat(state, T0 + 100);
    expect(back).toMatchObject({ recovered: true, state: { failures: 0, lastSignAt: T0 + 100 } });
    expect(heartbeat(back.state, T0 + 200).recovered).toBe(false);
  });

  it('calls a page silent for the silence bound hung (or never said hello), not a moment before', () => {
    let state = initialRecovery(T0);
    expect(check(state, T0 + 19_999, KIOSK).step).toBeNull();
    expect(check(state, T0 + 20_000, KIOSK).step).toMatchObject({ action: 'reload', reason: 'no-heartbeat', delayMs: 0 });
    state = heartbeat(state, T0 + 15_000).state;
    expect(check(state, T0 + 34_999, KIOSK).step).toBeNull();
    // A reload that brought no heartbeat back within the bound: the browser is restarted.
    const reload = check(state, T0 + 35_000, KIOSK);
    state = stepTaken(reload.state, T0 + 35_000);
    expect(check(state, T0 + 54_999, KIOSK).step).toBeNull();
    expect(check(state, T0 + 55_000, KIOSK).step).toMatchObject({ action: 'restart', reason: 'no-heartbeat', attempt: 2, delayMs: 1_000 });
  });

  it('waitFrom restarts the silence clock without resetting the ladder', () => {
    const { state } = failRepeatedly(2, KIOSK);
    const waited = waitFrom(state, T0 + 50_000);
    expect(check(waited, T0 + 69_999, KIOSK).step).toBeNull();
    expect(check(waited, T0 + 70_000, KIOSK).step?.attempt).toBe(3);
  });

  it('kills a hung renderer before reloading, and does not count the crash that kill causes', () => {
    const hung = trouble(initialRecovery(T0), 'unresponsive', T0, DEFAULT_RECOVERY);
    expect(hung.step).toMatchObject({ action: 'reload', killRenderer: true });
    let state = stepTaken(hung.state, T0);
    const ownKill = trouble(state, 'crashed', T0 + 500, DEFAULT_RECOVERY);
    expect(ownKill.step).toBeNull();
    state = ownKill.state;
    // A second crash is a real one.
    expect(trouble(state, 'crashed', T0 + 600, DEFAULT_RECOVERY).step).toMatchObject({ action: 'reload', delayMs: 1_000 });
    // And so is one after the grace.
    const later = stepTaken(hung.state, T0);
    expect(trouble(later, 'crashed', T0 + DEFAULT_RECOVERY.ownKillGraceMs, DEFAULT_RECOVERY).step).not.toBeNull();
  });

  it('kills no renderer when a hang is answered by a browser restart', () => {
    const { state } = failRepeatedly(1, KIOSK);
    expect(trouble(state, 'unresponsive', T0 + 10, KIOSK).step).toMatchObject({ action: 'restart', killRenderer: false });
  });

  describe('a picture that stands still while the page heartbeats', () => {
    /** Beats every 2 s from `from` to `to` (exclusive), none of them with a moving picture. */
    const stillBeats = (state: RecoveryState, from: number, to: number): RecoveryState => {
      for (let t = from; t < to; t += 2_000) state = beat(state, t);
      return state;
    };

    it('is a frozen picture after frozenMs of beats (before the silence rule would see anything): reload, then restart', () => {
      let state = stillBeats(initialRecovery(T0), T0, T0 + 20_000);
      expect(check(state, T0 + 19_999, KIOSK).step).toBeNull();
      const first = check(state, T0 + 20_000, KIOSK);
      expect(first.step).toMatchObject({ action: 'reload', reason: 'picture-frozen', attempt: 1 });
      // The reloaded page heartbeats at once, its picture never moving: still no sign of life.
      state = stillBeats(stepTaken(first.state, T0 + 20_000), T0 + 20_500, T0 + 40_500);
      const second = check(state, T0 + 40_000, KIOSK);
      expect(second.step).toMatchObject({ action: 'restart', reason: 'picture-frozen', attempt: 2 });
    });

    it('is nothing while the picture moves again within frozenMs (one stalled item the display skipped itself)', () => {
      let state = stillBeats(initialRecovery(T0), T0, T0 + 12_000);
      state = heartbeat(state, T0 + 12_000).state;
      state = stillBeats(state, T0 + 14_000, T0 + 30_000);
      expect(check(state, T0 + 30_000, KIOSK).step).toBeNull();
      expect(check(state, T0 + 32_000, KIOSK).step?.reason).toBe('picture-frozen');
    });

    it('a page that sends nothing at all is still the silence rule, not a frozen picture', () => {
      const state = initialRecovery(T0);
      const slowSilence = { ...KIOSK, silenceMs: 30_000 };
      expect(check(state, T0 + 25_000, slowSilence).step).toBeNull();
      expect(check(state, T0 + 30_000, slowSilence).step?.reason).toBe('no-heartbeat');
    });
  });
});
