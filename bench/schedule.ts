/**
 * bench/schedule: a year's timeline for a 1,000-entry schedule (goal < 100 ms), and resolve() at one
 * instant. Baseline in the same run: node-cron's getNextRuns listing one year of start times for a
 * sample of the same cron entries (it lists starts only; it does not resolve overlaps).
 */
import { createTask } from 'node-cron';
import { compileSchedule } from '../electron/host/domain/schedule/compile.js';
import { resolve, timeline } from '../electron/host/domain/schedule/timeline.js';
import type { DayToken, ScheduleEntry, ScheduleFile } from '../electron/contract/hall-config.js';
import { measure, ms, percentile } from './measure.js';

/** Deterministic pseudo-random numbers (mulberry32), so every run benches the same schedule. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function generatedSchedule(count: number, timezone: string, seed = 7): ScheduleFile {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const clock = (): string => `${String(Math.floor(next() * 24)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;
  const dayChoices: DayToken[][] = [['workday'], ['restday'], ['holiday'], ['mon', 'wed', 'fri'], ['sat', 'sun'], []];
  const entries: ScheduleEntry[] = [];
  for (let i = 0; i < count; i++) {
    const base = { id: `entry-${i}`, programme: `programme-${i % 40}`, priority: Math.floor(next() * 50), days: pick(dayChoices) };
    const kind = next();
    if (kind < 0.4) entries.push({ ...base, daypart: { from: clock(), to: clock() } });
    else if (kind < 0.8) entries.push({ ...base, cron: `${pick([0, 15, 30, 45])} ${Math.floor(next() * 24)} * * *`, until: clock() });
    else entries.push({ ...base, cron: pick(['0 */2 * * *', '*/30 8-20 * * *', '0 9 1,15 * *', '0 10 * * 1#1']), duration: pick(['PT10M', 'PT25M', 'PT1H']) });
    if (next() < 0.2) entries[i]!.validFrom = '2027-03-01';
    if (next() < 0.2) entries[i]!.except = ['2027-05-01', '2027-10-01'];
  }
  return { timezone, calendar: 'cn', default: 'welcome', entries: entries.filter((e) => !e.daypart || e.daypart.from !== e.daypart.to) };
}

export interface ScheduleBenchResult {
  rows: string[];
}

export function benchSchedule(runs = 20): ScheduleBenchResult {
  const rows: string[] = ['| case | median | min | max | switches |', '|---|---|---|---|---|'];
  const from = Date.parse('2027-01-01T00:00:00+08:00');
  const to = Date.parse('2028-01-01T00:00:00+08:00');
  for (const zone of ['Asia/Shanghai', 'America/New_York']) {
    const file = generatedSchedule(1000, zone);
    const compiled = compileSchedule(file, { calendars: { cn: { preset: 'cn-mainland' } } });
    let count = 0;
    const times = measure(() => {
      count = timeline(compiled, from, to).length;
    }, runs, 10);
    rows.push(`| timeline, 1 year, ${file.entries.length} entries, ${zone} | ${ms(percentile(times, 50))} | ${ms(times[0]!)} | ${ms(times.at(-1)!)} | ${count} |`);
    let i = 0;
    const resolveTimes = measure(() => void resolve(compiled, from + (i++ % 365) * 86_400_000 + 37_000_000), runs * 5);
    rows.push(`| resolve() at one instant, ${zone} | ${ms(percentile(resolveTimes, 50))} | ${ms(resolveTimes[0]!)} | ${ms(resolveTimes.at(-1)!)} | – |`);
  }
  // Baseline: node-cron enumerating the same year for a sample of the cron entries.
  const file = generatedSchedule(1000, 'Asia/Shanghai');
  const crons = file.entries.filter((e) => e.cron !== undefined).slice(0, 20);
  const start = performance.now();
  let listed = 0;
  for (const entry of crons) {
    const task = createTask(entry.cron!, () => undefined, { timezone: 'Asia/Shanghai' });
    const runsInYear = task.getNextRuns(800).filter((d) => d.getTime() < to);
    listed += runsInYear.length;
    void task.destroy();
  }
  const sampleMs = performance.now() - start;
  const perEntry = sampleMs / crons.length;
  rows.push(
    `| baseline: node-cron getNextRuns, starts only, ${crons.length} sampled cron entries (${listed} runs) | ${ms(sampleMs)} | – | – | ≈ ${ms(perEntry * 1000)} for 1,000 entries (${ms(perEntry)} × 1,000, extrapolated) |`,
  );
  return { rows };
}
