import { describe, expect, it } from 'vitest';
import type { DisplayIdentity, QueueBoardCall, QueueBoardState } from '../../../../electron/contract/messages.js';
import { callToFlash, counterView } from './counter-view.js';

const counter5: DisplayIdentity = { id: 'counter-5', name: { 'zh-CN': '5号窗口屏' }, area: 'counter', counter: 5, viewingDistanceMetres: 3 };
const call = (key: string, counter: number, fresh = true): QueueBoardCall => ({ key, ticket: key.split('#')[0]!, counter, at: 0, recall: false, priority: false, fresh });
function board(serving: QueueBoardState['serving'], calls: QueueBoardCall[] = []): QueueBoardState {
  return { seq: 1, at: 0, services: [], serving, calls, feed: { kind: 'push', state: 'up', delayed: false, lastEventAt: null } };
}

describe('counter screen', () => {
  it('shows the ticket its counter serves, under its name', () => {
    expect(counterView(counter5, board([{ counter: 4, ticket: 'B011', priority: false }, { counter: 5, ticket: 'A023', priority: false }]))).toStrictEqual({
      kind: 'serving',
      name: { zh: '5号窗口', en: 'Counter 5' },
      ticket: 'A023',
      priority: false,
    });
  });

  it('a counter not among the open ones is closed: 暂停服务 · Closed', () => {
    expect(counterView(counter5, board([{ counter: 4, ticket: 'B011', priority: false }]))).toMatchObject({ kind: 'closed', zh: '暂停服务', en: 'Closed' });
  });

  it('open between customers: no ticket', () => {
    expect(counterView(counter5, board([{ counter: 5, ticket: null, priority: false }]))).toMatchObject({ kind: 'serving', ticket: null });
  });

  it('a display with no counter gets a hint naming the fix, not a crash', () => {
    expect(counterView({ ...counter5, id: 'lobby', counter: null }, board([]))).toStrictEqual({
      kind: 'no-counter',
      zh: '未设置窗口号',
      en: 'No counter set: give display "lobby" a "counter" in displays.json',
    });
    expect(counterView(null, null).kind).toBe('no-counter');
    expect(counterView(counter5, null)).toMatchObject({ kind: 'no-queue' });
  });

  it("flashes on a fresh call of its own counter, once; not on another counter's, a late one, or the board it starts with", () => {
    const first = board([], [call('A020#1', 5)]);
    expect(callToFlash(first, 5, undefined)).toMatchObject({ flash: false, call: { key: 'A020#1' } });
    const next = board([], [call('B011#2', 4), call('A023#3', 5), call('A020#1', 5)]);
    expect(callToFlash(next, 5, 'A020#1')).toMatchObject({ flash: true, call: { key: 'A023#3' } });
    expect(callToFlash(next, 5, 'A023#3').flash).toBe(false);
    expect(callToFlash(next, 4, 'A999#0')).toMatchObject({ flash: true, call: { key: 'B011#2' } });
    expect(callToFlash(board([], [call('A024#4', 5, false)]), 5, 'A023#3').flash).toBe(false);
    expect(callToFlash(next, null, 'x').flash).toBe(false);
  });
});
