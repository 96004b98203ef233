import { describe, expect, it } from 'vitest';
import type { QueueBoardCall, QueueBoardState } from '../../../../electron/contract/messages.js';
import { CallHold } from './call-hold.js';

/** `flashAt` null: the call has none (not fresh, or from a host before the call moment). */
const call = (ticket: string, fresh = true, flashAt: number | null = 1_000): QueueBoardCall => ({
  key: `${ticket}@5@1`,
  ticket,
  counter: 5,
  at: 1,
  recall: false,
  priority: false,
  fresh,
  ...(flashAt === null ? {} : { flashAt }),
});
let seq = 0;
const board = (...calls: QueueBoardCall[]): QueueBoardState => ({ seq: ++seq, at: 0, services: [], serving: [], calls, feed: { kind: 'push', state: 'up', delayed: false, lastEventAt: null } });

describe('CallHold', () => {
  it('shows the first board at once, its newest call listed, not flashed: the hall as it is', () => {
    const h = new CallHold();
    const first = board(call('A001'));
    expect(h.receive(first)).toStrictEqual({ kind: 'show', board: first, listed: 'A001@5@1' });
  });

  it('holds a board with a fresh new call until its moment, with the newer figures that come meanwhile', () => {
    const h = new CallHold();
    h.receive(board(call('A001')));
    const news = board(call('A002', true, 5_150), call('A001'));
    expect(h.receive(news)).toStrictEqual({ kind: 'hold', key: 'A002@5@1', flashAt: 5_150 });
    const figures = board(call('A002', true, 5_150), call('A001'));
    expect(h.receive(figures)).toStrictEqual({ kind: 'kept' });
    expect(h.moment('A002@5@1')).toBe(figures);
    // Once up, its later boards show at once, nothing listed anew.
    const after = board(call('A002', true, 5_150), call('A001'));
    expect(h.receive(after)).toStrictEqual({ kind: 'show', board: after, listed: null });
  });

  it('shows a call that is not fresh at once, listed, and a held one then stays down at its moment', () => {
    const h = new CallHold();
    h.receive(board(call('A001')));
    h.receive(board(call('A002'), call('A001')));
    const catchUp = board(call('A003', false, null), call('A002'), call('A001'));
    expect(h.receive(catchUp)).toStrictEqual({ kind: 'show', board: catchUp, listed: 'A003@5@1' });
    expect(h.moment('A002@5@1')).toBeNull();
  });

  it('holds two calls a moment apart, each board going up at its own moment', () => {
    const h = new CallHold();
    h.receive(board(call('A001')));
    const second = board(call('A002', true, 2_000), call('A001'));
    const third = board(call('A003', true, 2_500), call('A002'), call('A001'));
    expect(h.receive(second)).toMatchObject({ kind: 'hold', key: 'A002@5@1' });
    expect(h.receive(third)).toMatchObject({ kind: 'hold', key: 'A003@5@1' });
    expect(h.moment('A002@5@1')).toBe(second);
    expect(h.moment('A003@5@1')).toBe(third);
  });

  it('a board with no moment (an older host) is held for the next frame all the same', () => {
    const h = new CallHold();
    h.receive(board(call('A001')));
    expect(h.receive(board(call('A002', true, null)))).toStrictEqual({ kind: 'hold', key: 'A002@5@1', flashAt: undefined });
  });
});
