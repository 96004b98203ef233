import { describe, expect, it } from 'vitest';
import type { QueueBoardState } from '../../../../electron/contract/messages.js';
import { ago, boardView, FLASH_PERIOD_MS, FLASHES } from './board-view.js';

const T = Date.parse('2026-12-01T10:17:00+08:00');
const board: QueueBoardState = {
  seq: 9,
  at: T,
  services: [
    { id: 'A', name: { 'zh-CN': '综合业务', en: 'General business' }, priority: false, waiting: 12, wait: { zh: '15–20 分钟', en: '15–20 min' }, minutes: { low: 15, high: 20 } },
    { id: 'V', name: { 'zh-CN': '爱心通道', en: 'Priority' }, priority: true, waiting: 0, wait: { zh: '—', en: '—' }, minutes: null },
  ],
  serving: [
    { counter: 1, ticket: 'A021', priority: false },
    { counter: 2, ticket: null, priority: false },
    { counter: 6, ticket: 'V003', priority: true },
  ],
  calls: [
    { key: 'A023@5@a', ticket: 'A023', counter: 5, at: T - 10_000, recall: false, priority: false, fresh: true },
    { key: 'V003@6@b', ticket: 'V003', counter: 6, at: T - 3 * 60_000, recall: false, priority: true, fresh: true },
    { key: 'A021@1@c', ticket: 'A021', counter: 1, at: T - 65 * 60_000, recall: false, priority: false, fresh: false },
  ],
  feed: { kind: 'simulator', state: 'up', delayed: false, lastEventAt: T },
};

describe('boardView', () => {
  it('says who is called, who is served, who waits and for how long, in zh-CN and English', () => {
    const view = boardView(board, T, null, 4);
    expect(view.headline).toMatchObject({ ticket: 'A023', counter: 5, zh: '请 A023 号到 5 号窗口', en: 'A023, please go to counter 5', flashing: false, lit: false });
    expect(view.serving.map((s) => `${s.zh} ${s.ticket}${s.priority ? ' ♥' : ''}`)).toEqual(['1 号窗口 A021', '6 号窗口 V003 ♥']);
    expect(view.recent.map((r) => `${r.ticket} ${r.zh} / ${r.en}`)).toEqual(['V003 6 号窗口 · 3 分钟前 / counter 6 · 3 min ago', 'A021 1 号窗口 · 1 小时前 / counter 1 · 1 h ago']);
    expect(view.services.map((s) => `${s.zh} ${s.waiting} ${s.wait}`)).toEqual(['综合业务 等候 12 人 15–20 分钟', '爱心通道 等候 0 人 —']);
    expect(view.delayed).toBe(false);
  });

  it('flashes a new call a few times, then settles', () => {
    const key = board.calls[0]!.key;
    const at = (ms: number) => boardView(board, T, { key, startedAt: 1000, now: 1000 + ms }, 4).headline!;
    expect(at(0)).toMatchObject({ flashing: true, lit: true });
    expect(at(FLASH_PERIOD_MS * 0.75)).toMatchObject({ flashing: true, lit: false });
    expect(at(FLASH_PERIOD_MS * (FLASHES - 1) + 10)).toMatchObject({ flashing: true, lit: true });
    expect(at(FLASH_PERIOD_MS * FLASHES)).toMatchObject({ flashing: false, lit: false });
    // Another call's flash does not light this one.
    expect(boardView(board, T, { key: 'B001@1@0', startedAt: 1000, now: 1000 }, 4).headline!.flashing).toBe(false);
  });

  it('marks a recall and a delayed feed', () => {
    const recall = { ...board, calls: [{ ...board.calls[0]!, recall: true }], feed: { ...board.feed, state: 'down' as const, delayed: true } };
    const view = boardView(recall, T, null, 4);
    expect(view.headline!.zh).toBe('请 A023 号到 5 号窗口（重呼）');
    expect(view.delayed).toBe(true);
  });

  it('counts time ago in whole minutes', () => {
    expect(ago(59_999)).toEqual({ zh: '刚刚', en: 'just now' });
    expect(ago(-5)).toEqual({ zh: '刚刚', en: 'just now' });
    expect(ago(120_000)).toEqual({ zh: '2 分钟前', en: '2 min ago' });
  });
});
