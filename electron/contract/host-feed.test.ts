import { describe, expect, it, vi } from 'vitest';
import type { AnnounceMessage, DisplayState, QueueBoardState } from './messages.js';
import { aged, createHostFeed, hear } from './host-feed.js';

const state = (seq: number, serverTime = 1_000_000) => ({ seq, serverTime }) as unknown as DisplayState;
const board = { seq: 3, at: 5, services: [], serving: [], calls: [], feed: { kind: 'push', state: 'up', delayed: false, lastEventAt: 5 } } satisfies QueueBoardState;
const stop: AnnounceMessage = { type: 'stop', id: 'a1', reason: 'ended' };

describe('aged', () => {
  it('moves a waiting state\'s serverTime on by the time it waited, so the display clock is not set behind', () => {
    const state = { serverTime: 1_000_000 } as unknown as Parameters<typeof aged>[0];
    expect(aged(state, 5_000, 5_480).serverTime).toBe(1_000_480);
    expect(aged(state, 5_000, 4_000).serverTime).toBe(1_000_000);
  });
});

describe('the host feed', () => {
  it('starts a late state listener from the latest state, aged by its wait', () => {
    let now = 5_000;
    const feed = createHostFeed(() => now);
    hear(feed, { type: 'state', state: state(7) });
    now = 5_300;
    const late: DisplayState[] = [];
    feed.state.add((s) => late.push(s));
    expect(late).toStrictEqual([{ seq: 7, serverTime: 1_000_300 }]);
  });

  it('starts a late board listener from the latest board, but not from a null one', () => {
    const feed = createHostFeed(() => 0);
    const before: (QueueBoardState | null)[] = [];
    feed.queue.add((b) => before.push(b));
    expect(before).toStrictEqual([]);
    hear(feed, { type: 'queue', queue: board });
    const late: (QueueBoardState | null)[] = [];
    feed.queue.add((b) => late.push(b));
    expect(late).toStrictEqual([board]);
    hear(feed, { type: 'queue', queue: null });
    const later: (QueueBoardState | null)[] = [];
    feed.queue.add((b) => later.push(b));
    expect(later).toStrictEqual([]);
    expect(before).toStrictEqual([board, null]);
  });

  it('gives a late announce listener no past message', () => {
    const feed = createHostFeed(() => 0);
    const early: AnnounceMessage[] = [];
    const unsubscribe = feed.announce.add((m) => early.push(m));
    hear(feed, { type: 'announce', announce: stop });
    const late: AnnounceMessage[] = [];
    feed.announce.add((m) => late.push(m));
    expect(late).toStrictEqual([]);
    unsubscribe();
    hear(feed, { type: 'announce', announce: stop });
    expect(early).toStrictEqual([stop]);
    expect(late).toStrictEqual([stop]);
  });

  it('keeps the other listeners when one throws, and logs it', () => {
    const feed = createHostFeed(() => 0);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    feed.state.add(() => {
      throw new Error('broken zone');
    });
    feed.state.add((s) => seen.push(s.seq));
    hear(feed, { type: 'state', state: state(1) });
    // The replay to a late listener is guarded as well.
    feed.state.add(() => {
      throw new Error('broken too');
    });
    expect(seen).toStrictEqual([1]);
    expect(error).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith('hallcast: a state listener threw', expect.any(Error));
    error.mockRestore();
  });
});
