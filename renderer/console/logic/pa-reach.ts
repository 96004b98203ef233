/**
 * Whether the hall hears the PA, as one line for the floor manager (the status and announcements
 * pages): who speaks, or why nobody can and what the player refuses meanwhile. Pure: the component
 * only picks the words.
 */
import type { PaReach } from '../../../electron/contract/announcements-view.js';

export type PaReachLine =
  | { tone: 'ok'; key: 'pa.reach.speaks'; display: string }
  /** Nobody speaks, but requests still wait for one (the grace): only emergencies are refused. */
  | { tone: 'warn'; key: 'pa.reach.grace'; reason: string; until: number | null }
  | { tone: 'bad'; key: 'pa.reach.silent'; reason: string };

export function paReachLine(reach: PaReach): PaReachLine {
  if (reach.canSpeak) return { tone: 'ok', key: 'pa.reach.speaks', display: reach.display ?? '?' };
  const reason = reach.reason ?? 'no display with working audio';
  if (reach.refuses === 'everything') return { tone: 'bad', key: 'pa.reach.silent', reason };
  return { tone: 'warn', key: 'pa.reach.grace', reason, until: reach.graceUntil };
}
