/** Plain-language summaries of schedule entries, for the timeline CLI and the status API. */
import type { ScheduleEntry } from '../../../contract/hall-config.js';

export function describeEntry(entry: ScheduleEntry): string {
  const parts: string[] = [];
  if (entry.daypart) parts.push(`daypart ${entry.daypart.from}–${entry.daypart.to}`);
  if (entry.cron !== undefined) {
    parts.push(`cron "${entry.cron}"${entry.duration ? ` for ${entry.duration}` : ''}${entry.until ? ` until ${entry.until}` : ''}`);
  }
  if (entry.days?.length) parts.push(entry.days.join('/'));
  if (entry.validFrom || entry.validTo) parts.push(`valid ${entry.validFrom ?? '…'} to ${entry.validTo ?? '…'}`);
  parts.push(`priority ${entry.priority ?? 0}`);
  return parts.join(', ');
}
