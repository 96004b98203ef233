/**
 * What the queue board says, from the host's board and the display's clock: the call being shown
 * big (and whether it is flashing), who each counter serves, the latest calls with how long ago,
 * and who waits for how long. Pure, so the words and the flash timing are tested without pixi.
 */
import type { QueueBoardState } from '../../../../electron/contract/messages.js';

/** A new call flashes this many times, then settles (a customer looking up mid-flash still sees it). */
export const FLASHES = 3;
export const FLASH_PERIOD_MS = 800;

export interface Headline {
  ticket: string;
  counter: number;
  priority: boolean;
  recall: boolean;
  zh: string;
  en: string;
  /** Highlight on in this phase of the flash; false once it has settled. */
  lit: boolean;
  flashing: boolean;
}

export interface BoardView {
  headline: Headline | null;
  serving: { counter: number; ticket: string; priority: boolean; zh: string }[];
  recent: { ticket: string; counter: number; priority: boolean; zh: string; en: string }[];
  services: { id: string; zh: string; en: string; priority: boolean; waiting: string; waitingEn: string; wait: string; waitEn: string }[];
  delayed: boolean;
}

/** Whether a call's highlight is on `elapsedMs` after it was first shown. */
export function flashLit(elapsedMs: number): boolean {
  return elapsedMs >= 0 && elapsedMs < FLASHES * FLASH_PERIOD_MS && elapsedMs % FLASH_PERIOD_MS < FLASH_PERIOD_MS / 2;
}

/** "刚刚 / just now", "3 分钟前 / 3 min ago", "1 小时前 / 1 h ago". */
export function ago(ms: number): { zh: string; en: string } {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return { zh: '刚刚', en: 'just now' };
  if (minutes < 60) return { zh: `${minutes} 分钟前`, en: `${minutes} min ago` };
  const hours = Math.floor(minutes / 60);
  return { zh: `${hours} 小时前`, en: `${hours} h ago` };
}

/**
 * `queueNow`: the queue's clock now (the board's `at` plus the time since it arrived).
 * `flashStartedAt`: when this display first showed the newest call, if it is flashing at all.
 */
export function boardView(board: QueueBoardState, queueNow: number, flash: { key: string; startedAt: number; now: number } | null, recentCount: number): BoardView {
  const newest = board.calls[0];
  let headline: Headline | null = null;
  if (newest) {
    const key = newest.key;
    const elapsed = flash && flash.key === key ? flash.now - flash.startedAt : Infinity;
    const flashing = elapsed < FLASHES * FLASH_PERIOD_MS;
    headline = {
      ticket: newest.ticket,
      counter: newest.counter,
      priority: newest.priority,
      recall: newest.recall,
      zh: `请 ${newest.ticket} 号到 ${newest.counter} 号窗口${newest.recall ? '（重呼）' : ''}`,
      en: `${newest.ticket}, please go to counter ${newest.counter}${newest.recall ? ' (recall)' : ''}`,
      flashing,
      lit: flashLit(elapsed),
    };
  }
  return {
    headline,
    serving: board.serving
      .filter((s) => s.ticket !== null)
      .map((s) => ({ counter: s.counter, ticket: s.ticket!, priority: s.priority, zh: `${s.counter} 号窗口` })),
    recent: board.calls.slice(1, 1 + recentCount).map((c) => {
      const when = ago(queueNow - c.at);
      return { ticket: c.ticket, counter: c.counter, priority: c.priority, zh: `${c.counter} 号窗口 · ${when.zh}`, en: `counter ${c.counter} · ${when.en}` };
    }),
    services: board.services.map((s) => ({
      id: s.id,
      zh: s.name['zh-CN'],
      en: s.name.en ?? '',
      priority: s.priority,
      waiting: `等候 ${s.waiting} 人`,
      waitingEn: `${s.waiting} waiting`,
      wait: s.wait.zh,
      waitEn: s.wait.en,
    })),
    delayed: board.feed.delayed,
  };
}
