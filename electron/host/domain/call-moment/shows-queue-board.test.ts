import { describe, expect, it } from 'vitest';
import type { LayoutPlan } from '../../../contract/messages.js';
import { showsCall, showsQueueBoard } from './shows-queue-board.js';

const zone = (name: string, kind: string) => ({ name, kind }) as unknown as LayoutPlan['zones'][number];
const state = (kinds: [string, string][], counter: number | null, hideZones: string[] = []) => ({
  layout: { zones: kinds.map(([name, kind]) => zone(name, kind)) } as unknown as LayoutPlan,
  programme: { hideZones } as never,
  display: { counter },
});

describe('which displays flash a call', () => {
  it('every display showing the board flashes every call', () => {
    const waiting = state([['main', 'programme'], ['queue', 'queue']], null);
    expect(showsQueueBoard(waiting)).toBe(true);
    expect(showsCall(waiting, 5)).toBe(true);
    expect(showsCall(waiting, 4)).toBe(true);
  });

  it('a counter screen flashes its own counter\'s calls only', () => {
    const counter5 = state([['counter', 'counter']], 5);
    expect(showsQueueBoard(counter5)).toBe(false);
    expect(showsCall(counter5, 5)).toBe(true);
    expect(showsCall(counter5, 4)).toBe(false);
    // A counter zone on a display given no counter flashes nothing.
    expect(showsCall(state([['counter', 'counter']], null), 5)).toBe(false);
  });

  it('a zone the programme hides is not shown', () => {
    expect(showsCall(state([['main', 'programme'], ['queue', 'queue']], null, ['queue']), 5)).toBe(false);
    expect(showsCall(state([['counter', 'counter']], 5, ['counter']), 5)).toBe(false);
  });
});
