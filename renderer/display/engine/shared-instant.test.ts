import { describe, expect, it } from 'vitest';
import type { CallPainted } from '../../../electron/contract/messages.js';
import { paintsNow, SharedInstants, type MomentFrame } from './shared-instant.js';

const REFRESH = 16.7;

describe('paintsNow: the frame a moment is painted in', () => {
  it('paints in the first frame expected on screen at or after the moment, not the one before', () => {
    // Frames at 0, 16.7, 33.4 are on screen at 16.7, 33.4, 50.1: a moment at 30 is the frame of 16.7.
    expect(paintsNow(0, REFRESH, 30)).toBe(false);
    expect(paintsNow(16.7, REFRESH, 30)).toBe(true);
    // On the vsync itself: that frame.
    expect(paintsNow(16.7, REFRESH, 33.4)).toBe(true);
    expect(paintsNow(16.6, REFRESH, 33.4)).toBe(false);
  });

  it('follows the screen\'s refresh: a 50 Hz screen paints one frame earlier for the same moment', () => {
    expect(paintsNow(20, 20, 40)).toBe(true);
    expect(paintsNow(20, REFRESH, 40)).toBe(false);
  });
});

/** A display whose frame clock reads `frameNow`, `hostMinusFrame` behind the host's. */
function display(hostMinusFrame: number) {
  const t = { frameNow: 1_000, hostMinusFrame };
  const instants = new SharedInstants({ hostMinusFrame: () => t.hostMinusFrame, frameNow: () => t.frameNow, refreshMs: () => REFRESH });
  const reports: CallPainted[] = [];
  instants.onPainted((p) => reports.push(p));
  const paints: [string, MomentFrame][] = [];
  const at = (key: string, hostTime: number | undefined, by: string = 'zone') => instants.at(key, hostTime, (f) => paints.push([key, f]), by);
  /** Runs the frames from `from` every refresh until `to`. */
  const run = (from: number, to: number) => {
    for (let f = from; f <= to; f += REFRESH) {
      t.frameNow = f;
      instants.frame(f);
    }
  };
  return { t, instants, reports, paints, at, run };
}

describe('SharedInstants', () => {
  it('paints a moment in the frame on screen at or just after it, on the host\'s clock, and reports it', () => {
    // Host clock = frame clock + 5,000,000.
    const d = display(5_000_000);
    d.at('A023@5@1', 5_001_100);
    d.run(1_000, 1_200);
    // Frame clock 1,100 is the moment: the frame starting at 1,083.5 + k·16.7 that is on screen at/after it.
    expect(d.paints).toHaveLength(1);
    const [, frame] = d.paints[0]!;
    expect(frame.frameTime).toBeCloseTo(1_083.5, 6);
    expect(frame.hostAt - 5_001_100).toBeGreaterThanOrEqual(0);
    expect(frame.hostAt - 5_001_100).toBeLessThan(REFRESH);
    expect(d.reports).toStrictEqual([{ key: 'A023@5@1', at: frame.hostAt, late: false }]);
  });

  it('two displays with different clocks paint the same moment within one refresh of each other', () => {
    const a = display(5_000_000);
    const b = display(4_999_123.4);
    a.at('k', 5_001_300);
    b.at('k', 5_001_300);
    a.run(1_000, 1_400);
    // b's frame clock reads 876.6 ms ahead of a's (another page, another time origin), its vsync 7 ms later in the refresh.
    b.run(1_000 + 876.6 + 7, 2_300);
    expect(Math.abs(a.reports[0]!.at - b.reports[0]!.at)).toBeLessThan(REFRESH);
  });

  it('turns the moment into frame time with the offset of the frame: a better clock exchange after the board never paints it early', () => {
    const d = display(5_000_000);
    d.at('k', 5_001_100);
    // An exchange with a shorter round trip finds the host 13 ms further behind than thought.
    d.t.hostMinusFrame = 4_999_987;
    d.run(1_000, 1_200);
    expect(d.reports[0]!.at - 5_001_100).toBeGreaterThanOrEqual(0);
    expect(d.reports[0]!.at - 5_001_100).toBeLessThan(REFRESH);
  });

  it('paints a moment that has passed in the next frame, counted late, never skipped', () => {
    const d = display(0);
    d.t.frameNow = 2_000;
    d.at('late', 1_900);
    d.run(2_010, 2_010);
    expect(d.paints.map(([k, f]) => [k, f.late])).toStrictEqual([['late', true]]);
    expect(d.reports[0]).toMatchObject({ key: 'late', late: true });
  });

  it('paints on arrival when there is no moment, or when scheduling is off (the bench\'s baseline)', () => {
    const d = display(0);
    d.at('no-moment', undefined);
    d.instants.scheduling = false;
    d.at('baseline', 5_000);
    d.run(1_001, 1_001);
    expect(d.paints.map(([k, f]) => [k, f.late])).toStrictEqual([
      ['no-moment', false],
      ['baseline', false],
    ]);
  });

  it('paints a key once, even when its board comes again, and not at all once cancelled', () => {
    const d = display(0);
    d.at('once', 1_050);
    d.at('once', 1_050);
    const cancel = d.at('gone', 1_050);
    cancel();
    d.run(1_000, 1_100);
    d.at('once', 1_200);
    d.run(1_100, 1_300);
    expect(d.paints.map(([k]) => k)).toStrictEqual(['once']);
  });

  it('paints one moment for every zone that asked, in one frame, and reports it once', () => {
    const d = display(0);
    d.at('A023', 1_050, 'board');
    d.at('A023', 1_050, 'counter');
    const cancel = d.at('A024', 1_050, 'board');
    d.at('A024', 1_050, 'counter');
    cancel();
    d.run(1_000, 1_100);
    expect(d.paints.map(([k]) => k)).toStrictEqual(['A023', 'A023', 'A024']);
    const [a, b] = d.paints;
    expect(a![1].frameTime).toBe(b![1].frameTime);
    expect(d.reports.map((r) => r.key)).toStrictEqual(['A023', 'A024']);
  });
});
