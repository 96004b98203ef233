import { describe, expect, it } from 'vitest';
import type { FromDisplay } from './messages.js';
import { parseFromDisplay } from './from-display.js';

const duck = { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 };

describe('parseFromDisplay', () => {
  it.each<FromDisplay>([
    { type: 'announcement', announcement: { id: 'a1', event: 'started', at: 5, duck } },
    { type: 'announcement', announcement: { id: 'a1', event: 'ended', at: 6, reason: 'stopped' } },
    { type: 'announcement', announcement: { id: 'a1', event: 'failed', at: 6, reason: 'clip "x" could not be loaded' } },
    { type: 'report', report: { event: 'ended', programme: 'p', item: 'p#0', url: null, at: 1 } },
    { type: 'report', report: { event: 'skipped', programme: 'p', item: 'p#1', url: '/media/v.mp4', at: 1, reason: 'stalled', detail: 'no-first-frame' } },
    { type: 'fault', fault: { kind: 'gpu-context-lost', at: 7 } },
    { type: 'acknowledge', acknowledge: { id: 'e1', at: 8 } },
    { type: 'fault', fault: { kind: 'code-load-failed', at: 7, part: 'queue zone' } },
  ])('takes the envelope the bridges send: %o', (message) => {
    expect(parseFromDisplay(message)).toStrictEqual(message);
    expect(parseFromDisplay(JSON.parse(JSON.stringify(message)))).toStrictEqual(message);
  });

  it.each([
    { type: 'announcement', report: { id: 'a1', event: 'started', at: 5 } },
    { type: 'announcement', announcement: { id: 'a1', event: 'sung', at: 5 } },
    { type: 'announcement', announcement: { id: 7, event: 'ended', at: 5 } },
    { type: 'announcement', announcement: { id: 'a1', event: 'started', at: 5, duck: { depthDb: 'deep' } } },
    { type: 'fault', fault: { kind: 'disk-on-fire', at: 7 } },
    { type: 'fault', fault: { kind: 'gpu-context-lost' } },
    { type: 'fault', fault: { kind: 'code-load-failed', at: 7 } },
    { type: 'fault', fault: { kind: 'code-load-failed', at: 7, part: 'x'.repeat(81) } },
    { type: 'report', report: { event: 'skipped', programme: 'p', item: 'p#1', url: null, at: 1, detail: 3 } },
    { type: 'clock', clock: { sent: '12' } },
    { type: 'clock', clock: { sent: Number.NaN } },
    { type: 'painted', painted: { key: 'A023@5@1', at: 1 } },
    { type: 'painted', painted: { key: 'A023@5@1', at: Infinity, late: false } },
    { type: 'painted', painted: { key: 'k'.repeat(201), at: 1, late: false } },
  ])('refuses a malformed display message: %o', (message) => {
    expect(parseFromDisplay(message)).toBeNull();
  });

  it('takes a clock ping and a call paint, fields it knows only', () => {
    expect(parseFromDisplay({ type: 'clock', clock: { sent: 1.5, host: 9 } })).toStrictEqual({ type: 'clock', clock: { sent: 1.5 } });
    expect(parseFromDisplay({ type: 'painted', painted: { key: 'A023@5@1', at: 2.25, late: true, x: 1 } })).toStrictEqual({ type: 'painted', painted: { key: 'A023@5@1', at: 2.25, late: true } });
  });

  it('returns a copy of the fields it knows, never the object it was given', () => {
    const heartbeat = { at: 1, programme: 'p', item: 'p#0', position: 2, extra: { deep: true } };
    const message = parseFromDisplay({ type: 'heartbeat', heartbeat });
    expect(message).toStrictEqual({ type: 'heartbeat', heartbeat: { at: 1, programme: 'p', item: 'p#0', position: 2 } });
    expect(message?.type === 'heartbeat' && message.heartbeat).not.toBe(heartbeat);
  });

  it("keeps the heartbeat's picture stillness (a number or null) and refuses anything else there", () => {
    const beat = { at: 1, programme: null, item: null, position: null };
    expect(parseFromDisplay({ type: 'heartbeat', heartbeat: { ...beat, stillForMs: 2500 } })).toStrictEqual({ type: 'heartbeat', heartbeat: { ...beat, stillForMs: 2500 } });
    expect(parseFromDisplay({ type: 'heartbeat', heartbeat: { ...beat, stillForMs: null } })).toStrictEqual({ type: 'heartbeat', heartbeat: { ...beat, stillForMs: null } });
    expect(parseFromDisplay({ type: 'heartbeat', heartbeat: { ...beat, stillForMs: 'still' } })).toBeNull();
  });

  it.each([null, undefined, 'hello', 7, [], { type: 'hello' }, { type: 'constructor', constructor: {} }])('refuses what is no message at all: %o', (value) => {
    expect(parseFromDisplay(value)).toBeNull();
  });
});
