import { describe, expect, it } from 'vitest';
import type { EmergencyActor } from '../../../contract/emergency.js';
import { acknowledge, clear, emergencyStatus, emergencyView, raise, read, type EmergencyRequest } from './emergency.js';

const T0 = Date.parse('2026-12-01T10:00:00+08:00');
const pa: EmergencyActor = { via: 'http', who: '10.0.0.7' };
const floor: EmergencyActor = { via: 'console', who: 'console session from 10.0.0.9' };
const evacuate: EmergencyRequest = { level: 'evacuate', lines: [{ lang: 'zh-CN', text: '请立即疏散' }, { lang: 'en', text: 'Please leave now' }], template: null };

describe('the emergency lifecycle', () => {
  it('raises one, logging who, when, the level and the words', () => {
    const step = raise(null, evacuate, 'e1', pa, T0);
    expect(emergencyView(step.state)).toStrictEqual({ id: 'e1', level: 'evacuate', lines: evacuate.lines, template: null, raisedAt: T0 });
    expect(step.records).toStrictEqual([{ event: 'emergency-raised', at: T0, id: 'e1', level: 'evacuate', template: null, lines: evacuate.lines, by: pa, replaces: null }]);
  });

  it('replaces an active one with a newer one, naming the one replaced, with no displays acknowledged yet', () => {
    const first = acknowledge(raise(null, evacuate, 'e1', pa, T0).state, 'd1', 'e1', T0 + 150, T0 + 160).state;
    const step = raise(first, { level: 'notice', lines: [{ lang: 'zh-CN', text: '提前结束营业' }], template: 'closing-early' }, 'e2', floor, T0 + 5_000);
    expect(step.state).toMatchObject({ id: 'e2', level: 'notice', template: 'closing-early', acknowledged: [], plays: 0 });
    expect(step.records[0]).toMatchObject({ event: 'emergency-raised', id: 'e2', replaces: 'e1', by: floor });
  });

  it('keeps and logs the first acknowledgement of each display for the active emergency only', () => {
    let state = raise(null, evacuate, 'e1', pa, T0).state;
    const first = acknowledge(state, 'd1', 'e1', T0 + 180, T0 + 200);
    expect(first.records).toStrictEqual([{ event: 'emergency-acknowledged', at: T0 + 200, id: 'e1', display: 'd1', shownAt: T0 + 180, afterMs: 180 }]);
    state = first.state;
    // A repeat (a reconnecting page), a stale id (a late word about a replaced emergency): nothing.
    expect(acknowledge(state, 'd1', 'e1', T0 + 900, T0 + 900)).toStrictEqual({ state, records: [] });
    expect(acknowledge(state, 'd2', 'e0', T0 + 900, T0 + 900)).toStrictEqual({ state, records: [] });
    expect(acknowledge(null, 'd2', 'e1', T0 + 900, T0 + 900)).toStrictEqual({ state: null, records: [] });
    state = acknowledge(state, 'd2', 'e1', T0 + 400, T0 + 410).state;
    expect(emergencyStatus(state)?.acknowledged).toStrictEqual([
      { display: 'd1', at: T0 + 180 },
      { display: 'd2', at: T0 + 400 },
    ]);
  });

  it('counts and logs each play the speaker starts', () => {
    let state = raise(null, evacuate, 'e1', pa, T0).state;
    state = read(state, 'a1', 'd3', T0 + 1_000).state;
    const second = read(state, 'a2', 'd3', T0 + 40_000);
    expect(second.records).toStrictEqual([{ event: 'emergency-read', at: T0 + 40_000, id: 'e1', announcement: 'a2', display: 'd3', play: 2 }]);
    expect(emergencyStatus(second.state)?.plays).toBe(2);
    expect(read(null, 'a3', 'd3', T0)).toStrictEqual({ state: null, records: [] });
  });

  it('clears the active one, logging who, how long it lasted and which displays showed it; nothing to clear is null', () => {
    const state = acknowledge(raise(null, evacuate, 'e1', pa, T0).state, 'd1', 'e1', T0 + 100, T0 + 120).state;
    const step = clear(state, floor, T0 + 90_000);
    expect(step).toStrictEqual({ state: null, records: [{ event: 'emergency-cleared', at: T0 + 90_000, id: 'e1', by: floor, lastedMs: 90_000, acknowledged: ['d1'] }] });
    expect(clear(null, floor, T0)).toBeNull();
    expect(emergencyView(null)).toBeNull();
  });
});
