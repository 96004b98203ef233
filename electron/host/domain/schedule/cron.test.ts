/**
 * Cron rules with exact firing instants in the hall's zone (through the schedule compiler and the
 * occurrence walk the timeline uses; no timers).
 *
 * Vectors from other libraries' own test suites:
 * - cron-parser 5.10.0 (harrisiirak/cron-parser, commit 03444a8), tests/parser_day_of_month.test.ts:
 *   the "last weekday of the month" table (0L…7L in September 2021), `6-20/2,L 2 *` in 2016,
 *   `1,3,6-10,L 2 *` in 2014, `1L,5L` and `1,5L` in September 2021, and "L alone in day-of-week is
 *   refused". tests/CronExpressionParser.test.ts: `0 0 0 8 * 5#3` (OR of a day and an nth weekday),
 *   `0#1`…`0#5` from 2019-04-30, `0 0 0 ? MAY 0#2` 2023-2028, `0 0 0 16,18 * 3#3`,
 *   `0 12 1-31 * 1` (#284: a written-out 1-31 is restricted, so every day runs), the day-of-week
 *   step table (`2/2`, `2-7/2`, `4/2`, `1/2`, `6/1`, `0/2`), and the refusals `2-4#2`, `1/2#3`,
 *   `1.2#2`, `1#`, `1#0`, `4#6`, `0##4`.
 *   Left out: its refusal of `#` inside a list (`0,6#4`): we accept lists of specials as croner does;
 *   `H` (hashed) values, which we do not offer; its iterator API (prev(), includesDate(), endDate),
 *   time-zone vectors that test its own DST policy (ours is zone.ts's, tested in timeline.test.ts).
 * - croner (Hexagon/croner), test/ocps-1.3.test.ts: `0 12 19W 3 *` in 2022 (Saturday the 19th →
 *   Friday the 18th), `FRI#L` / `5#L` as the last Friday, `10-15W` refused; ocps-1.4: `0 0 31 2 *`
 *   never runs (croner answers null; we refuse it). Left out: its `+` (AND) modifier and the year
 *   field, which we do not offer, and the tests that only check "some run is a weekday" without a
 *   date.
 */
import { describe, expect, it } from 'vitest';
import { compileSchedule } from './compile.js';
import { cronProblem, CronSyntaxError, parseCron } from './cron.js';
import { DayTable } from './day-table.js';
import { forEachOccurrence } from './occurrences.js';

/** The first `count` firings at or after `from`, as UTC ISO instants. */
function firings(expression: string, zone: string, from: string, count: number): string[] {
  const schedule = compileSchedule({ timezone: zone, entries: [{ id: 'e', programme: 'p', priority: 0, cron: expression, duration: 'PT1S' }] }, undefined);
  const entry = schedule.entries[0]!;
  const start = Date.parse(from) / 1000;
  const out: number[] = [];
  let day = Math.floor(schedule.zone.wallAt(start) / 86_400) - 1;
  for (let chunk = 0; out.length < count && chunk < 200; chunk++, day += 31) {
    const table = new DayTable(schedule.zone, day, day + 32);
    forEachOccurrence(entry, table, day, day + 30, (s) => void (s >= start && out.push(s)));
  }
  return out.slice(0, count).map((s) => new Date(s * 1000).toISOString());
}

const at = (...instants: string[]): string[] => instants.map((i) => new Date(i).toISOString());
/** Local midnights (or `time`) of the given dates in a zone with a fixed offset. */
const days = (offset: string, time: string, ...dates: string[]): string[] => at(...dates.map((d) => `${d}T${time}${offset}`));

function refusal(expression: string): CronSyntaxError {
  try {
    parseCron(expression);
  } catch (e) {
    if (e instanceof CronSyntaxError) return e;
    throw new Error(`expected a CronSyntaxError, got ${String(e)}`, { cause: e });
  }
  throw new Error(`expected "${expression}" to be refused`);
}

const SH = 'Asia/Shanghai';

describe('steps in every field, from * too (issue 12)', () => {
  it('0 0 */2 * *: odd days of the month, restarting each month', () => {
    expect(firings('0 0 */2 * *', SH, '2026-12-26T00:00:00+08:00', 5)).toEqual(
      days('+08:00', '00:00:00', '2026-12-27', '2026-12-29', '2026-12-31', '2027-01-01', '2027-01-03'),
    );
  });

  it('0 9 * * */2: Sunday, Tuesday, Thursday, Saturday', () => {
    expect(firings('0 9 * * */2', SH, '2026-12-07T00:00:00+08:00', 5)).toEqual(
      days('+08:00', '09:00:00', '2026-12-08', '2026-12-10', '2026-12-12', '2026-12-13', '2026-12-15'),
    );
  });

  it('1 1 */3 * *: the 1st, 4th, … 31st', () => {
    expect(firings('1 1 */3 * *', SH, '2026-12-20T00:00:00+08:00', 5)).toEqual(
      days('+08:00', '01:01:00', '2026-12-22', '2026-12-25', '2026-12-28', '2026-12-31', '2027-01-01'),
    );
  });

  it('0 0 */10 * MON: a */N day field is restricted, so the 1st, 11th, 21st, 31st or any Monday', () => {
    expect(firings('0 0 */10 * MON', SH, '2026-12-01T00:00:00+08:00', 9)).toEqual(
      days('+08:00', '00:00:00', '2026-12-01', '2026-12-07', '2026-12-11', '2026-12-14', '2026-12-21', '2026-12-28', '2026-12-31', '2027-01-01', '2027-01-04'),
    );
  });

  it('6/23: from 6 in steps of 23, i.e. 6, 29, 52', () => {
    expect(parseCron('6/23 * * * *').timesOfDay.slice(0, 4)).toEqual([360, 1740, 3120, 3600 + 360]);
    expect(firings('6/23 9 * * *', SH, '2026-12-07T00:00:00+08:00', 4)).toEqual(
      at('2026-12-07T09:06:00+08:00', '2026-12-07T09:29:00+08:00', '2026-12-07T09:52:00+08:00', '2026-12-08T09:06:00+08:00'),
    );
  });

  it('10-40/5 in minutes, */20 and seconds first', () => {
    expect(parseCron('10-40/5 9 * * *').timesOfDay.map((t) => (t - 32_400) / 60)).toEqual([10, 15, 20, 25, 30, 35, 40]);
    expect(parseCron('*/20 9 * * *').timesOfDay).toEqual([32_400, 33_600, 34_800]);
    expect(parseCron('15 0 12 * * *').timesOfDay).toEqual([43_215]);
    expect(parseCron('*/20 0 12 * * *').timesOfDay).toEqual([43_200, 43_220, 43_240]);
    expect(parseCron('0 0 * */5 *').matchesDay).toBeTypeOf('function');
    expect(firings('0 0 1 */5 *', SH, '2026-12-01T00:00:00+08:00', 3)).toEqual(days('+08:00', '00:00:00', '2027-01-01', '2027-06-01', '2027-11-01'));
  });
});

describe('names, lists, ranges, ? and 7', () => {
  it('names of months and weekdays, in any case', () => {
    expect(firings('0 8 * dec Mon-fri', SH, '2026-12-04T00:00:00+08:00', 3)).toEqual(days('+08:00', '08:00:00', '2026-12-04', '2026-12-07', '2026-12-08'));
    expect(firings('0 8 1 JAN,JUL ?', SH, '2026-12-04T00:00:00+08:00', 2)).toEqual(days('+08:00', '08:00:00', '2027-01-01', '2027-07-01'));
  });

  it('7 and 0 are both Sunday; ? is *', () => {
    expect(firings('0 8 ? * 7', SH, '2026-12-01T00:00:00+08:00', 2)).toEqual(days('+08:00', '08:00:00', '2026-12-06', '2026-12-13'));
    expect(firings('0 8 ? * 0', SH, '2026-12-01T00:00:00+08:00', 1)).toEqual(days('+08:00', '08:00:00', '2026-12-06'));
  });
});

describe('day-of-month and day-of-week: OR only when both are restricted', () => {
  it('1 and MON: the 1st or any Monday', () => {
    expect(firings('0 8 1 * MON', SH, '2026-12-01T00:00:00+08:00', 3)).toEqual(days('+08:00', '08:00:00', '2026-12-01', '2026-12-07', '2026-12-14'));
  });

  it('* or ? leaves the other field alone', () => {
    expect(firings('0 8 1 * ?', SH, '2026-12-02T00:00:00+08:00', 2)).toEqual(days('+08:00', '08:00:00', '2027-01-01', '2027-02-01'));
    expect(firings('0 8 ? * MON', SH, '2026-12-02T00:00:00+08:00', 2)).toEqual(days('+08:00', '08:00:00', '2026-12-07', '2026-12-14'));
  });

  it('1 and */2: the 1st or Sunday, Tuesday, Thursday, Saturday (Vixie and cronie AND them: only a 1st that is one of those days)', () => {
    expect(firings('0 8 1 * */2', SH, '2026-12-01T00:00:00+08:00', 4)).toEqual(days('+08:00', '08:00:00', '2026-12-01', '2026-12-03', '2026-12-05', '2026-12-06'));
  });
});

describe('L, L-N, W, LW, N#K, NL', () => {
  it('L and L-2', () => {
    expect(firings('0 8 L * *', SH, '2027-01-01T00:00:00+08:00', 3)).toEqual(days('+08:00', '08:00:00', '2027-01-31', '2027-02-28', '2027-03-31'));
    expect(firings('0 8 L-2 * *', SH, '2027-01-01T00:00:00+08:00', 3)).toEqual(days('+08:00', '08:00:00', '2027-01-29', '2027-02-26', '2027-03-29'));
  });

  it('LW: the last weekday (Jan 31 and Feb 28 2027 are Sundays)', () => {
    expect(firings('0 0 LW * *', SH, '2026-12-01T00:00:00+08:00', 3)).toEqual(days('+08:00', '00:00:00', '2026-12-31', '2027-01-29', '2027-02-26'));
  });

  it('15W: Sunday the 15th → Monday; Saturday the 15th → Friday', () => {
    expect(firings('0 8 15W 11 *', SH, '2026-11-01T00:00:00+08:00', 1)).toEqual(days('+08:00', '08:00:00', '2026-11-16'));
    expect(firings('0 8 15W 5 *', SH, '2027-01-01T00:00:00+08:00', 1)).toEqual(days('+08:00', '08:00:00', '2027-05-14'));
  });

  it('W does not leave the month: 1W on Saturday the 1st → Monday the 3rd; 31W on Sunday the 31st → Friday the 29th', () => {
    expect(firings('0 8 1W 5 *', SH, '2027-01-01T00:00:00+08:00', 1)).toEqual(days('+08:00', '08:00:00', '2027-05-03'));
    expect(firings('0 8 31W 1 *', SH, '2027-01-01T00:00:00+08:00', 1)).toEqual(days('+08:00', '08:00:00', '2027-01-29'));
  });

  it('a W day the month lacks never fires: 29W skips a 28-day February, 31W skips April', () => {
    expect(firings('0 0 29W * *', SH, '2027-01-01T00:00:00+08:00', 2)).toEqual(days('+08:00', '00:00:00', '2027-01-29', '2027-03-29'));
    expect(firings('0 0 29W 2 *', SH, '2026-12-01T00:00:00+08:00', 1)).toEqual(days('+08:00', '00:00:00', '2028-02-29'));
    expect(firings('0 0 31W * *', SH, '2027-03-01T00:00:00+08:00', 2)).toEqual(days('+08:00', '00:00:00', '2027-03-31', '2027-05-31'));
  });

  it('N#K and NL (also MON#2, FRIL, FRI#L, 5#L)', () => {
    expect(firings('0 8 * * 1#2', SH, '2026-11-01T00:00:00+08:00', 2)).toEqual(days('+08:00', '08:00:00', '2026-11-09', '2026-12-14'));
    expect(firings('0 8 * * MON#2', SH, '2026-11-01T00:00:00+08:00', 1)).toEqual(days('+08:00', '08:00:00', '2026-11-09'));
    for (const last of ['5L', 'FRIL', 'FRI#L', '5#L']) {
      expect(firings(`0 8 * * ${last}`, SH, '2026-11-01T00:00:00+08:00', 2)).toEqual(days('+08:00', '08:00:00', '2026-11-27', '2026-12-25'));
    }
  });
});

describe('daylight-saving time (time-zone.ts: the first instant the wall clock reads that time or later)', () => {
  it('a time in the spring-forward gap fires when the gap ends; a repeated hour fires once', () => {
    expect(firings('30 2 * * *', 'America/New_York', '2027-03-13T12:00:00Z', 2)).toEqual(at('2027-03-14T07:00:00Z', '2027-03-15T06:30:00Z'));
    expect(firings('30 1 * * *', 'America/New_York', '2027-11-07T00:00:00Z', 2)).toEqual(at('2027-11-07T05:30:00Z', '2027-11-08T06:30:00Z'));
  });
});

describe('refusals name the field and the fix', () => {
  it.each([
    ['61 * * * *', 'minute', 'cron "61 * * * *": minute: "61" is out of range: minutes run 0-59'],
    ['0 25 * * *', 'hour', 'cron "0 25 * * *": hour: "25" is out of range: hours run 0-23'],
    ['0 8 * 13 *', 'month', 'cron "0 8 * 13 *": month: "13" is out of range: months run 1-12 or JAN-DEC'],
    ['0 8 * * 8', 'day-of-week', 'cron "0 8 * * 8": day-of-week: "8" is out of range: days of the week run 0-7 (0 and 7 = Sunday) or SUN-SAT (also 5L, 1#2)'],
    ['61 0 8 * * *', 'second', 'cron "61 0 8 * * *": second: "61" is out of range: seconds run 0-59'],
    ['0 0 5-1 * *', 'day-of-month', 'cron "0 0 5-1 * *": day-of-month: range 5-1 runs backwards: write 1-5, or 5-31,1 for a wrap'],
    ['0 22-2 * * *', 'hour', 'cron "0 22-2 * * *": hour: range 22-2 runs backwards: write 2-22, or 22-23,0-2 for a wrap'],
    ['0 8 * * FRI-MON', 'day-of-week', 'cron "0 8 * * FRI-MON": day-of-week: range FRI-MON runs backwards: write MON-FRI, or FRI-SAT,SUN-MON for a wrap'],
    ['0 8 * NOV-FEB *', 'month', 'cron "0 8 * NOV-FEB *": month: range NOV-FEB runs backwards: write FEB-NOV, or NOV-DEC,JAN-FEB for a wrap'],
    ['0 0 31 4 *', 'day-of-month', 'cron "0 0 31 4 *": day-of-month: "31" never falls in month "4", so it never runs: pick days those months have (a W day the month lacks does not move to another day)'],
    ['0 0 30W 2 *', 'day-of-month', 'cron "0 0 30W 2 *": day-of-month: "30W" never falls in month "2", so it never runs: pick days those months have (a W day the month lacks does not move to another day)'],
    ['0 0 */0 * *', 'day-of-month', 'cron "0 0 */0 * *": day-of-month: the step in "*/0" is 0, which never advances: write a step of 1 or more, e.g. */5'],
    ['0 x * * *', 'hour', 'cron "0 x * * *": hour: "x" is not a number: hours run 0-23'],
    ['0 8 * * JUL', 'day-of-week', 'cron "0 8 * * JUL": day-of-week: "JUL" is not a number or a name (names like JUL belong in the month field): days of the week run 0-7 (0 and 7 = Sunday) or SUN-SAT (also 5L, 1#2)'],
    ['0 8 1,,2 * *', 'day-of-month', 'cron "0 8 1,,2 * *": day-of-month: "1,,2" has an empty item in its list: remove the extra comma'],
    ['0 8 L * L', 'day-of-week', 'cron "0 8 L * L": day-of-week: "L" alone is not a day of the week: write 5L for the last Friday, or L in the day-of-month field for the last day'],
    ['0 8 * * 1#6', 'day-of-week', 'cron "0 8 * * 1#6": day-of-week: "1#6": a month has at most 5 of any weekday: write 1#1 to 1#5, or 1L for the last'],
    ['0 L * * *', 'hour', 'cron "0 L * * *": hour: "L" belongs in the day-of-month field: hours run 0-23'],
    ['* * *', null, 'cron "* * *": it has 3 fields: write 5 (minute hour day-of-month month day-of-week) or 6 with seconds first'],
  ])('%s', (expression, field, message) => {
    const error = refusal(expression);
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
    expect(cronProblem(expression)).toBe(message);
  });

  it('quotes user text on one line, cut when long', () => {
    const message = cronProblem(`0 0 * * ${'x'.repeat(5000)}\n`)!;
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
    expect(cronProblem('0 0 "\n" * *')).not.toMatch(/\n/);
  });
});

describe('vectors from cron-parser 5.10.0', () => {
  it.each([
    ['1L', '2021-09-27'],
    ['2L', '2021-09-28'],
    ['3L', '2021-09-29'],
    ['4L', '2021-09-30'],
    ['5L', '2021-09-24'],
    ['6L', '2021-09-25'],
    ['0L', '2021-09-26'],
    ['7L', '2021-09-26'],
  ])('last weekday of the month: 0 0 0 * * %s', (dow, date) => {
    expect(firings(`0 0 0 * * ${dow}`, 'UTC', '2021-09-01T00:00:00Z', 1)).toEqual(at(`${date}T00:00:00Z`));
  });

  it('6-20/2,L in February 2016: 9 runs, the last on the 29th; 1,3,6-10,L in February 2014 ends on the 28th', () => {
    const leap = firings('0 0 6-20/2,L 2 *', 'UTC', '2016-01-01T00:00:00Z', 10).filter((i) => i < '2016-11-01');
    expect(leap).toHaveLength(9);
    expect(leap.at(-1)).toBe('2016-02-29T00:00:00.000Z');
    const common = firings('0 0 1,3,6-10,L 2 *', 'UTC', '2014-01-01T00:00:00Z', 10).filter((i) => i < '2014-11-01');
    expect(common.at(-1)).toBe('2014-02-28T00:00:00.000Z');
  });

  it('1L,5L and 1,5L in September 2021', () => {
    expect(firings('0 0 0 * * 1L,5L', 'UTC', '2021-09-01T00:00:00Z', 2)).toEqual(at('2021-09-24T00:00:00Z', '2021-09-27T00:00:00Z'));
    const every = firings('0 0 0 * * 1,5L', 'UTC', '2021-09-01T00:00:00Z', 6).filter((i) => i < '2021-09-30');
    expect(every.map((i) => Number(i.slice(8, 10)))).toEqual([6, 13, 20, 24, 27]);
  });

  it('0 0 0 8 * 5#3: the 8th or the third Friday', () => {
    expect(firings('0 0 0 8 * 5#3', 'UTC', '2024-01-01T00:00:00Z', 6)).toEqual(
      at('2024-01-08T00:00:00Z', '2024-01-19T00:00:00Z', '2024-02-08T00:00:00Z', '2024-02-16T00:00:00Z', '2024-03-08T00:00:00Z', '2024-03-15T00:00:00Z'),
    );
  });

  it('0#1 … 0#5 from 2019-04-30', () => {
    const expected = [
      ['2019-05-05', '2019-06-02', '2019-07-07', '2019-08-04'],
      ['2019-05-12', '2019-06-09', '2019-07-14', '2019-08-11'],
      ['2019-05-19', '2019-06-16', '2019-07-21', '2019-08-18'],
      ['2019-05-26', '2019-06-23', '2019-07-28', '2019-08-25'],
      ['2019-06-30', '2019-09-29', '2019-12-29', '2020-03-29'],
    ];
    expected.forEach((dates, i) => {
      expect(firings(`0 0 0 ? * 0#${i + 1}`, 'UTC', '2019-04-30T00:00:01Z', 4)).toEqual(days('Z', '00:00:00', ...dates));
    });
  });

  it('0 0 0 ? MAY 0#2: the second Sunday of May, 2023-2028', () => {
    expect(firings('0 0 0 ? MAY 0#2', 'UTC', '2023-05-06T00:00:00Z', 6)).toEqual(
      days('Z', '00:00:00', '2023-05-14', '2024-05-12', '2025-05-11', '2026-05-10', '2027-05-09', '2028-05-14'),
    );
  });

  it('0 0 0 16,18 * 3#3 from 2019-04-01', () => {
    expect(firings('0 0 0 16,18 * 3#3', 'UTC', '2019-04-01T00:00:00Z', 6)).toEqual(
      days('Z', '00:00:00', '2019-04-16', '2019-04-17', '2019-04-18', '2019-05-15', '2019-05-16', '2019-05-18'),
    );
  });

  it('0 12 1-31 * 1 (#284): 1-31 is restricted, so it ORs with Monday: every day', () => {
    const dates = firings('0 12 1-31 * 1', 'UTC', '2022-10-30T14:00:00Z', 8).map((i) => Number(i.slice(8, 10)));
    expect(dates).toEqual([31, 1, 2, 3, 4, 5, 6, 7]);
  });

  it.each([
    ['2/2', [2, 4, 6]],
    ['2-7/2', [2, 4, 6]],
    ['4/2', [4, 6]],
    ['1/2', [0, 1, 3, 5]],
    ['6/1', [0, 6]],
    ['0/2', [0, 2, 4, 6]],
  ])('day-of-week step %s runs on weekdays %j (7 = Sunday counts)', (dow, weekdays) => {
    const spec = parseCron(`0 0 * * ${dow}`);
    // 2026-12-06 is a Sunday: the week from there.
    const week = [6, 7, 8, 9, 10, 11, 12].map((d, weekday) => ({ weekday, hit: spec.matchesDay({ days: 0, year: 2026, month: 12, day: d, weekday }) }));
    expect(week.filter((d) => d.hit).map((d) => d.weekday)).toEqual(weekdays);
  });

  it.each(['0 0 0 ? * 2-4#2', '0 0 0 ? * 1/2#3', '0 0 0 ? * 1.2#2', '0 0 0 ? * 1#', '0 0 0 ? * 1#0', '0 0 0 ? * 4#6', '0 0 0 ? * 0##4', '0 0 0 * * L'])(
    'refuses %s',
    (expression) => {
      expect(refusal(expression).field).toBe('day-of-week');
    },
  );
});

describe('vectors from croner', () => {
  it('0 12 19W 3 * in 2022: Saturday the 19th → Friday the 18th', () => {
    expect(firings('0 12 19W 3 *', 'UTC', '2022-01-01T00:00:00Z', 1)).toEqual(at('2022-03-18T12:00:00Z'));
  });

  it('refuses 10-15W and 0 0 31 2 *', () => {
    expect(refusal('0 12 10-15W * *').field).toBe('day-of-month');
    expect(refusal('0 0 31 2 *').field).toBe('day-of-month');
  });
});
