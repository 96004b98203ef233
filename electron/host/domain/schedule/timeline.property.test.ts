/**
 * timeline() and resolve() against an independent minute-by-minute brute force over a whole year
 * (brute-force.test-support.ts), on random schedules and on a few hand-written DST cases.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import type { CalendarsFile, DayToken, ScheduleEntry, ScheduleFile } from '../../../contract/hall-config.js';
import { bruteForceSwitches, stateAt, type BruteSwitch } from './brute-force.test-support.js';
import { compileSchedule } from './compile.js';
import { resolve, timeline } from './timeline.js';
import { mulberry32 } from '../queue/random.js';

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 0, 1);
const MINUTE = 60_000;
const RANDOM_PROBES = 200;

// ---------------------------------------------------------------------------------------------
// Comparison

function localTime(zone: string, at: number): string {
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    hourCycle: 'h23',
    dateStyle: 'short',
    timeStyle: 'long',
  }).format(new Date(at));
  return `${new Date(at).toISOString()} (${text})`;
}

function describeSwitch(zone: string, s: BruteSwitch | null | undefined): string {
  if (!s) return 'none';
  return `${localTime(zone, s.at)} entry=${s.entry} programme=${s.programme}`;
}


/**
 * Throws (with a readable message) at the first difference between the core and the brute force:
 * the year's timeline, then resolve() at random minutes and around switches.
 */
function compareWithBruteForce(schedule: ScheduleFile, calendars: CalendarsFile, seed: number): BruteSwitch[] {
  const zone = schedule.timezone;
  const compiled = compileSchedule(schedule, calendars);
  const expected = bruteForceSwitches(schedule, calendars, FROM, TO);
  const actual = timeline(compiled, FROM, TO).map(({ at, entry, programme }) => ({ at, entry, programme }));

  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!a || !e || a.at !== e.at || a.entry !== e.entry || a.programme !== e.programme) {
      throw new Error(
        `timeline differs at switch #${i} (of ${actual.length} actual / ${expected.length} expected)\n` +
          `  previous: ${describeSwitch(zone, expected[i - 1])}\n` +
          `  timeline():  ${describeSwitch(zone, a)}\n` +
          `  brute force: ${describeSwitch(zone, e)}\n` +
          `  schedule: ${JSON.stringify(schedule)}\n  calendars: ${JSON.stringify(calendars)}`,
      );
    }
  }

  const random = mulberry32(seed);

  // Shorter windows (look-back, a window opening inside an occurrence): the same list, cut.
  for (let i = 0; i < 20; i++) {
    const from = FROM + Math.floor(random() * (TO - FROM - 3 * 86_400_000) / MINUTE) * MINUTE;
    const to = from + (1 + Math.floor(random() * 3 * 1440)) * MINUTE;
    const { current } = stateAt(expected, from);
    const cut = [{ ...current, at: from }, ...expected.filter((s) => s.at > from && s.at < to)];
    const got = timeline(compiled, from, to).map(({ at, entry, programme }) => ({ at, entry, programme }));
    if (JSON.stringify(got) !== JSON.stringify(cut)) {
      throw new Error(
        `timeline(${localTime(zone, from)} … ${localTime(zone, to)}) differs\n` +
          `  timeline():  ${got.map((s) => describeSwitch(zone, s)).join('; ')}\n` +
          `  brute force: ${cut.map((s) => describeSwitch(zone, s)).join('; ')}\n` +
          `  schedule: ${JSON.stringify(schedule)}\n  calendars: ${JSON.stringify(calendars)}`,
      );
    }
  }

  const probes: number[] = [];
  const minutes = (TO - FROM) / MINUTE;
  for (let i = 0; i < RANDOM_PROBES; i++) probes.push(FROM + Math.floor(random() * minutes) * MINUTE);
  // Also right at, and just before, a few switches.
  for (let i = 0; i < 20 && expected.length > 1; i++) {
    const s = expected[1 + Math.floor(random() * (expected.length - 1))]!;
    probes.push(s.at, s.at - MINUTE, s.at - 1, s.at + 30_000);
  }
  for (const at of probes) {
    if (at < FROM || at >= TO) continue;
    const { current, next } = stateAt(expected, at);
    const got = resolve(compiled, at);
    const nextOk = next ? got.next?.at === next.at : got.next === null || got.next.at >= TO;
    if (got.entry !== current.entry || got.programme !== current.programme || !nextOk) {
      throw new Error(
        `resolve(${localTime(zone, at)}) differs\n` +
          `  resolve():   entry=${got.entry} programme=${got.programme} next=${describeSwitch(zone, got.next)}\n` +
          `  brute force: entry=${current.entry} programme=${current.programme} next=${describeSwitch(zone, next)}\n` +
          `  schedule: ${JSON.stringify(schedule)}\n  calendars: ${JSON.stringify(calendars)}`,
      );
    }
  }
  return expected;
}

// ---------------------------------------------------------------------------------------------
// Generators

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'UTC'] as const;
// DST days of 2026 (and the day after) in the generated zones: good except/holiday candidates.
const DST_DATES = ['2026-03-08', '2026-03-09', '2026-03-29', '2026-03-30', '2026-10-25', '2026-10-26', '2026-11-01', '2026-11-02'];
const DAY0 = Math.floor(Date.UTC(2025, 11, 20) / 86_400_000);
const DAY1 = Math.floor(Date.UTC(2027, 0, 10) / 86_400_000);

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

const dateArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...DST_DATES) },
  { weight: 3, arbitrary: fc.integer({ min: DAY0, max: DAY1 }).map(isoOfDay) },
);
/** A time on a quarter hour, often inside or around the 01:00–03:00 DST window. */
const timeArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('00:00', '01:00', '01:30', '02:00', '02:15', '02:30', '02:45', '03:00', '03:30') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${pad(h)}:${pad(m)}`),
  },
);
const hourArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(1, 2, 3) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 23 }) },
);
const minuteArb = fc.constantFrom(0, 15, 30, 45);

const cronArb = fc.oneof(
  fc.tuple(minuteArb, hourArb).map(([m, h]) => `${m} ${h} * * *`),
  fc.tuple(minuteArb, hourArb).map(([m, h]) => `${m} ${h} * * 1-5`),
  minuteArb.map((m) => `${m} */3 * * *`),
  fc.tuple(minuteArb, hourArb).map(([m, h]) => `${m} ${h} 1,15 * *`),
  hourArb.map((h) => `0 ${h} * * 0,6`),
  fc.tuple(minuteArb, hourArb).map(([m, h]) => `${m} ${h} 8,25 * 0`),
  fc.tuple(minuteArb, hourArb).map(([m, h]) => `${m} ${h} * 3,10,11 *`),
  fc.constant('*/15 2 * * *'),
);

const DAY_TOKENS: DayToken[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'workday', 'restday', 'holiday'];

interface EntryShape {
  start:
    | { kind: 'daypart'; from: string; to: string }
    | { kind: 'cron'; cron: string; duration: string | null; until: string | null };
  programme: string;
  priority: number;
  days: DayToken[] | null;
  valid: [string, string | null] | [null, string] | null;
  except: string[];
  ownCalendar: boolean;
}

const startArb = fc.oneof(
  fc
    .tuple(timeArb, fc.oneof({ weight: 4, arbitrary: timeArb }, { weight: 1, arbitrary: fc.constant('24:00') }))
    .map(([from, to]) => ({ kind: 'daypart' as const, from, to })),
  fc
    .tuple(
      cronArb,
      fc.oneof(
        fc.constantFrom('PT15M', 'PT45M', 'PT1H30M', 'PT2H', 'PT26H', 'P1D').map((d) => ({ duration: d, until: null })),
        timeArb.map((u) => ({ duration: null, until: u })),
      ),
    )
    .map(([cron, end]) => ({ kind: 'cron' as const, cron, ...end })),
);

const entryArb: fc.Arbitrary<EntryShape> = fc.record({
  start: startArb,
  programme: fc.constantFrom('p0', 'p1', 'p2'),
  priority: fc.integer({ min: 0, max: 3 }),
  days: fc.option(fc.uniqueArray(fc.constantFrom(...DAY_TOKENS), { minLength: 1, maxLength: 3 }), { freq: 2 }),
  valid: fc.option(
    fc.tuple(fc.option(dateArb), fc.option(dateArb)).map(([a, b]): EntryShape['valid'] => {
      if (a === null && b === null) return null;
      if (a !== null && b !== null) return a <= b ? [a, b] : [b, a];
      return a !== null ? [a, null] : [null, b!];
    }),
    { freq: 3 },
  ),
  except: fc.uniqueArray(dateArb, { maxLength: 3 }),
  ownCalendar: fc.boolean(),
});

function toEntry(shape: EntryShape, index: number): ScheduleEntry {
  const entry: ScheduleEntry = { id: `e${index}`, programme: shape.programme, priority: shape.priority };
  const s = shape.start;
  if (s.kind === 'daypart') entry.daypart = { from: s.from, to: s.to };
  else {
    entry.cron = s.cron;
    if (s.duration !== null) entry.duration = s.duration;
    if (s.until !== null) entry.until = s.until;
  }
  if (shape.days) entry.days = shape.days;
  if (shape.valid) {
    if (shape.valid[0] !== null) entry.validFrom = shape.valid[0];
    if (shape.valid[1] !== null) entry.validTo = shape.valid[1];
  }
  if (shape.except.length > 0) entry.except = shape.except;
  if (shape.ownCalendar) entry.calendar = 'd';
  return entry;
}

/** Holidays anywhere (often on DST days); make-up workdays on weekends, never also a holiday. */
const calendarArb = fc
  .tuple(
    fc.uniqueArray(dateArb, { maxLength: 6 }),
    fc.uniqueArray(fc.integer({ min: DAY0, max: DAY1 }), { maxLength: 4 }),
  )
  .map(([holidays, workdayCandidates]) => {
    const workdays = workdayCandidates
      .map((day) => day + ((6 - ((day + 4) % 7) + 7) % 7)) // the Saturday on or after
      .map(isoOfDay)
      .filter((d, i, all) => !holidays.includes(d) && all.indexOf(d) === i);
    return { holidays, workdays };
  });

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 5 }),
  withDefault: fc.boolean(),
  c: calendarArb,
  d: calendarArb,
  seed: fc.integer(),
});

// ---------------------------------------------------------------------------------------------

describe('timeline() and resolve() against a minute-by-minute brute force over 2026', () => {
  it('agree on random schedules', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(caseArb, ({ zone, entries, withDefault, c, d, seed }) => {
        const schedule: ScheduleFile = {
          timezone: zone,
          calendar: 'c',
          entries: entries.map(toEntry),
          ...(withDefault ? { default: 'idle' } : {}),
        };
        compareWithBruteForce(schedule, { calendars: { c, d } }, seed);
      }),
      { numRuns: Number(process.env.SCHEDULE_PROPERTY_RUNS ?? 12) },
    );
  });

  it('New York: 02:30 daypart and */15 2 * * * on the spring-forward and fall-back days', () => {
    const schedule: ScheduleFile = {
      timezone: 'America/New_York',
      default: 'idle',
      entries: [
        { id: 'quarter', programme: 'q', priority: 2, cron: '*/15 2 * * *', duration: 'PT10M' },
        { id: 'night', programme: 'n', priority: 1, daypart: { from: '02:30', to: '04:00' } },
        { id: 'early', programme: 'e', priority: 0, cron: '30 1 * * *', until: '02:45' },
        { id: 'short', programme: 's', priority: 3, daypart: { from: '01:00', to: '01:30' }, validFrom: '2026-10-31' },
      ],
    };
    const switches = compareWithBruteForce(schedule, { calendars: {} }, 1);
    const at = (iso: string): BruteSwitch[] => switches.filter((s) => s.at === Date.parse(iso));
    // Spring forward, 2026-03-08: 02:00–02:45 all fire once at 03:00 EDT (07:00Z); "night" starts then too.
    expect(at('2026-03-08T07:00:00Z')).toEqual([{ at: Date.parse('2026-03-08T07:00:00Z'), entry: 'quarter', programme: 'q' }]);
    expect(at('2026-03-08T07:10:00Z')).toEqual([{ at: Date.parse('2026-03-08T07:10:00Z'), entry: 'night', programme: 'n' }]);
    // Fall back, 2026-11-01: "short" 01:00–01:30 EDT only (05:00Z–05:30Z); 02:00 EST is 07:00Z.
    expect(at('2026-11-01T05:00:00Z').map((s) => s.entry)).toEqual(['short']);
    expect(at('2026-11-01T05:30:00Z').map((s) => s.entry)).toEqual(['early']);
    expect(at('2026-11-01T06:30:00Z')).toEqual([]);
    expect(at('2026-11-01T07:00:00Z').map((s) => s.entry)).toEqual(['quarter']);
  });

  // Regression: the firings 02:00–02:45 all land on 03:00 EDT on 2026-03-08; the 02:00 one ends at
  // 02:15 that day (empty) but the later ones end at 02:15 the next day, so the entry plays through.
  // The core once kept only the first firing of such a collapsed run and showed the idle slide.
  it('New York: */15 2 * * * until 02:15 keeps playing through the spring-forward day', () => {
    const schedule: ScheduleFile = {
      timezone: 'America/New_York',
      entries: [{ id: 'gap', programme: 'g', priority: 0, cron: '*/15 2 * * *', until: '02:15' }],
    };
    expect(resolve(compileSchedule(schedule, { calendars: {} }), Date.parse('2026-03-08T12:00:00Z')).entry).toBe('gap');
    compareWithBruteForce(schedule, { calendars: {} }, 4);
  });

  it('Berlin: a 22:00–03:00 daypart across both DST changes', () => {
    const schedule: ScheduleFile = {
      timezone: 'Europe/Berlin',
      entries: [
        { id: 'late', programme: 'late', priority: 1, daypart: { from: '22:00', to: '03:00' } },
        { id: 'dawn', programme: 'dawn', priority: 0, daypart: { from: '02:30', to: '06:00' } },
        { id: 'weekend', programme: 'wk', priority: 2, days: ['sat', 'sun'], cron: '0 2 * * *', duration: 'PT45M' },
      ],
    };
    const switches = compareWithBruteForce(schedule, { calendars: {} }, 2);
    const state = (iso: string): string | null => stateAt(switches, Date.parse(iso)).current.entry;
    // 2026-03-29 (Sunday): 02:00 CET does not exist; "weekend" starts at 03:00 CEST (01:00Z) and
    // lasts 45 real minutes; "late" ends at 03:00 CEST too.
    expect(state('2026-03-29T00:59:00Z')).toBe('late');
    expect(state('2026-03-29T01:00:00Z')).toBe('weekend');
    expect(state('2026-03-29T01:45:00Z')).toBe('dawn');
    // 2026-10-25 (Sunday): the clock goes 02:59 CEST → 02:00 CET and first reads 03:00 at 03:00 CET
    // (02:00Z), so "late" also covers the repeated hour; "dawn" started at the first 02:30 (00:30Z).
    expect(state('2026-10-25T00:30:00Z')).toBe('weekend');
    expect(state('2026-10-25T00:45:00Z')).toBe('late');
    expect(state('2026-10-25T01:00:00Z')).toBe('late');
    expect(state('2026-10-25T01:59:00Z')).toBe('late');
    expect(state('2026-10-25T02:00:00Z')).toBe('dawn');
  });

  it('Shanghai: workday, restday and holiday entries', () => {
    const calendars: CalendarsFile = {
      calendars: {
        cn: {
          holidays: ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-10-01', '2026-10-02', '2026-10-05'],
          workdays: ['2026-01-04', '2026-02-14', '2026-09-27', '2026-10-10'],
        },
      },
    };
    const schedule: ScheduleFile = {
      timezone: 'Asia/Shanghai',
      calendar: 'cn',
      default: 'welcome',
      entries: [
        { id: 'holiday', programme: 'festive', priority: 3, days: ['holiday'], daypart: { from: '09:00', to: '17:00' } },
        { id: 'work-morning', programme: 'morning', priority: 2, days: ['workday'], daypart: { from: '08:30', to: '11:30' } },
        { id: 'midday', programme: 'midday', priority: 2, days: ['workday'], cron: '30 11 * * *', until: '14:00' },
        { id: 'rest', programme: 'weekend', priority: 1, days: ['restday'], daypart: { from: '10:00', to: '16:00' } },
        { id: 'evening', programme: 'evening', priority: 0, cron: '0 18 * * *', duration: 'PT2H' },
      ],
    };
    const switches = compareWithBruteForce(schedule, calendars, 3);
    const state = (iso: string): string | null => stateAt(switches, Date.parse(iso)).current.entry;
    expect(state('2026-01-01T02:00:00Z')).toBe('holiday'); // Thu 10:00, a holiday
    expect(state('2026-01-04T02:00:00Z')).toBe('work-morning'); // Sun 10:00, a make-up workday
    expect(state('2026-01-03T02:00:00Z')).toBe('rest'); // Sat 10:00
    expect(state('2026-01-05T04:00:00Z')).toBe('midday'); // Mon 12:00
    expect(state('2026-01-05T10:30:00Z')).toBe('evening'); // Mon 18:30
    expect(state('2026-01-05T13:00:00Z')).toBe(null); // Mon 21:00
    expect(stateAt(switches, Date.parse('2026-01-05T13:00:00Z')).current.programme).toBe('welcome');
  });
});
