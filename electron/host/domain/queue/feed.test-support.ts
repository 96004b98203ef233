/** Builds event traces for tests: seq numbers count up by themselves, times are minutes after 09:00 Shanghai. */
import type { QueueEvent } from './events.js';

export const NINE_AM = Date.UTC(2026, 11, 1, 1, 0);
export const minutes = (m: number): number => NINE_AM + m * 60_000;

/** Asia/Shanghai has no DST: a fixed +8 h is the whole rule. */
export const shanghaiMinuteOfDay = (ms: number): number => Math.floor((ms + 8 * 3_600_000) / 60_000) % 1440;

type Body = QueueEvent extends infer E ? (E extends QueueEvent ? Omit<E, 'seq' | 'at'> : never) : never;

export function feed(firstSeq = 1): (at: number, body: Body) => QueueEvent {
  let seq = firstSeq;
  return (at, body) => ({ ...body, seq: seq++, at }) as QueueEvent;
}
