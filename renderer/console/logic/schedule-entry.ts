/**
 * A schedule entry as the form edits it: started by a daypart or by cron (ended by `until` or a
 * `duration`), switching between the two without losing the times, and ISO durations as hours and
 * minutes.
 */
import type { Schedule, ScheduleEntry } from '../api/playlist-types.js';

export type EntryMode = 'daypart' | 'cron';

export function entryMode(entry: ScheduleEntry): EntryMode {
  return entry.cron !== undefined && entry.daypart === undefined ? 'cron' : 'daypart';
}

function withoutKeys(entry: ScheduleEntry, keys: (keyof ScheduleEntry)[]): ScheduleEntry {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !keys.includes(k as keyof ScheduleEntry))) as unknown as ScheduleEntry;
}

/** "08:30" → "30 8 * * *"; a time that is not HH:MM gives the whole-day default. */
export function cronAt(time: string | undefined): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time ?? '');
  if (!match || match[1] === '24') return '0 8 * * *';
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

/** "30 8 * * *" → "08:30" when the cron is a plain daily time, else null. */
export function timeOfDailyCron(cron: string | undefined): string | null {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec((cron ?? '').trim());
  if (!match || Number(match[1]) > 59 || Number(match[2]) > 23) return null;
  return `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}`;
}

export function switchMode(entry: ScheduleEntry, mode: EntryMode): ScheduleEntry {
  if (mode === entryMode(entry)) return entry;
  if (mode === 'cron') {
    const rest = withoutKeys(entry, ['daypart']);
    return { ...rest, cron: cronAt(entry.daypart?.from), until: entry.daypart?.to ?? '20:00' };
  }
  const rest = withoutKeys(entry, ['cron', 'until', 'duration']);
  return { ...rest, daypart: { from: timeOfDailyCron(entry.cron) ?? '08:30', to: entry.until ?? '20:00' } };
}

export function switchEnd(entry: ScheduleEntry, end: 'until' | 'duration'): ScheduleEntry {
  if (end === 'until') return { ...withoutKeys(entry, ['duration']), until: entry.until ?? '20:00' };
  return { ...withoutKeys(entry, ['until']), duration: entry.duration ?? 'PT1H' };
}

export interface DurationParts {
  hours: number;
  minutes: number;
  seconds: number;
}

/** "P1DT2H30M" → 26 h 30 min; null when it is not an ISO 8601 duration the schedule accepts. */
export function durationParts(iso: string | undefined): DurationParts | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso ?? '');
  if (!match || iso === 'P' || iso === 'PT') return null;
  return { hours: Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0), minutes: Number(match[3] ?? 0), seconds: Number(match[4] ?? 0) };
}

export function isoDuration({ hours, minutes, seconds }: DurationParts): string {
  const h = Math.max(0, Math.floor(hours));
  const m = Math.max(0, Math.floor(minutes));
  const s = Math.max(0, Math.floor(seconds));
  if (h === 0 && m === 0 && s === 0) return 'PT0M';
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

/** A new entry's id: "entry-N" not yet taken. */
export function freshEntryId(schedule: Schedule): string {
  const taken = new Set(schedule.entries.map((e) => e.id));
  let n = schedule.entries.length + 1;
  while (taken.has(`entry-${n}`)) n++;
  return `entry-${n}`;
}

/** The pointers the schedule form has fields for; an open entry shows its own, the others only their card. */
export function scheduleFields(schedule: Schedule, open: number | null): string[] {
  const fields = ['', '/timezone', '/calendar', '/default', '/entries'];
  schedule.entries.forEach((entry, i) => {
    fields.push(`/entries/${i}`);
    if (i !== open) return;
    // The fields of the mode the form shows; a finding about the other mode's keys goes to the card.
    const timing = entryMode(entry) === 'daypart' ? ['daypart/from', 'daypart/to'] : ['cron', entry.duration !== undefined ? 'duration' : 'until'];
    for (const name of ['id', 'programme', 'priority', ...timing, 'days', 'validFrom', 'validTo', 'except']) fields.push(`/entries/${i}/${name}`);
    (entry.except ?? []).forEach((_, j) => fields.push(`/entries/${i}/except/${j}`));
  });
  return fields;
}

/** The entry a refused save's first finding is about, to open its form. */
export function entryOfPointer(pointer: string | undefined): number | null {
  const match = /^\/entries\/(\d+)(?:\/|$)/.exec(pointer ?? '');
  return match ? Number(match[1]) : null;
}
