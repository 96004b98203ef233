/**
 * One field of a cron expression, read by our own grammar (see playlists/README.md, "Cron"):
 * `*` and `?`, numbers, names, ranges `A-B`, steps `*∕S`, `A-B/S` and `A/S`, lists, and the day
 * specials `L`, `L-N`, `NW`, `LW` (day-of-month) and `NL`, `N#K`, `N#L` (day-of-week).
 *
 * Every refusal is a CronFieldError whose message names the problem and the fix; the caller adds
 * the expression and the field's name. Nothing here throws anything else.
 */

export type CronFieldName = 'second' | 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

export class CronFieldError extends Error {}

export interface FieldSpec {
  name: CronFieldName;
  min: number;
  /** The largest value written (7 = Sunday in day-of-week). */
  max: number;
  /** The largest value a wrapped range should end on in the suggested fix (6 = Saturday). */
  wrapMax: number;
  /** Names for the values from `min` (day-of-week) or from 1 (month), upper case. */
  names?: readonly string[];
  namesFrom?: number;
  /** How the values run, for messages. */
  runs: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59, wrapMax: 59, runs: 'seconds run 0-59' },
  { name: 'minute', min: 0, max: 59, wrapMax: 59, runs: 'minutes run 0-59' },
  { name: 'hour', min: 0, max: 23, wrapMax: 23, runs: 'hours run 0-23' },
  { name: 'day-of-month', min: 1, max: 31, wrapMax: 31, runs: 'days of the month run 1-31 (also L, L-2, 15W, LW)' },
  { name: 'month', min: 1, max: 12, wrapMax: 12, names: MONTHS, namesFrom: 1, runs: 'months run 1-12 or JAN-DEC' },
  {
    name: 'day-of-week',
    min: 0,
    max: 7,
    wrapMax: 6,
    names: WEEKDAYS,
    namesFrom: 0,
    runs: 'days of the week run 0-7 (0 and 7 = Sunday) or SUN-SAT (also 5L, 1#2)',
  },
];

/** A day rule beyond plain numbers; `last` is the number of days in the day's month. */
export type SpecialDay =
  | { kind: 'last'; before: number } // L, L-N
  | { kind: 'last-weekday' } // LW
  | { kind: 'nearest-weekday'; day: number } // NW
  | { kind: 'nth-weekday'; weekday: number; nth: number } // N#K
  | { kind: 'last-of-weekday'; weekday: number }; // NL, N#L

export interface ParsedField {
  /** Plain values, ascending, without repeats (day-of-week 7 already folded to 0). */
  values: number[];
  specials: SpecialDay[];
  /** False only for a field written exactly `*` or `?`. */
  restricted: boolean;
}

/** Quotes a piece of user text for a one-line message: escaped, and cut when long. */
export function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

export function parseField(text: string, spec: FieldSpec): ParsedField {
  const set = new Set<number>();
  const specials: SpecialDay[] = [];
  const items = text.split(',');
  for (const item of items) {
    if (item === '') {
      throw new CronFieldError(items.length > 1 ? `${quote(text)} has an empty item in its list: remove the extra comma` : `it is empty: ${spec.runs}`);
    }
    const special = readSpecial(item, spec);
    if (special) specials.push(special);
    else for (const value of readItem(item, spec)) set.add(spec.name === 'day-of-week' ? value % 7 : value);
  }
  return { values: [...set].sort((a, b) => a - b), specials, restricted: text !== '*' && text !== '?' };
}

/** `*`, `A`, `A-B`, each optionally `/S`: the values it names. */
function readItem(item: string, spec: FieldSpec): number[] {
  const parts = item.split('/');
  if (parts.length > 2) throw new CronFieldError(`${quote(item)} has more than one "/": write one step, e.g. */5 or 10-40/5`);
  const [base, stepText] = parts as [string, string | undefined];
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText)) throw new CronFieldError(`the step in ${quote(item)} is not a whole number: write e.g. */5 or 10-40/5`);
    step = Number(stepText);
    if (step === 0) throw new CronFieldError(`the step in ${quote(item)} is 0, which never advances: write a step of 1 or more, e.g. */5`);
  }
  let from: number;
  let to: number;
  if (base === '*' || base === '?') {
    from = spec.min;
    to = spec.max;
  } else {
    const dash = base.indexOf('-', 1);
    if (dash < 0) {
      from = readValue(base, spec, item);
      // A start with a step runs to the field's end, as in croner, cron-parser and Quartz (6/23 = 6,29,52).
      to = stepText === undefined ? from : spec.max;
    } else {
      const fromText = base.slice(0, dash);
      const toText = base.slice(dash + 1);
      from = readValue(fromText, spec, item);
      to = readValue(toText, spec, item);
      if (from > to) throw new CronFieldError(backwards(fromText, toText, stepText, spec));
    }
  }
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

function backwards(fromText: string, toText: string, stepText: string | undefined, spec: FieldSpec): string {
  const range = `${fromText}-${toText}${stepText === undefined ? '' : `/${stepText}`}`;
  const reversed = `${toText}-${fromText}${stepText === undefined ? '' : `/${stepText}`}`;
  if (stepText !== undefined) return `range ${range} runs backwards: write ${reversed}`;
  const named = spec.names !== undefined && (isName(fromText, spec) || isName(toText, spec));
  const show = (v: number): string => (named ? spec.names![v - spec.namesFrom!]! : String(v));
  const first = show(spec.min);
  // Day-of-week 7 is Sunday already: "7-1" wraps as 7,0-1.
  const head = readValue(fromText, spec) > spec.wrapMax ? fromText : `${fromText}-${show(spec.wrapMax)}`;
  const tail = readValue(toText, spec) === spec.min ? first : `${first}-${toText}`;
  return `range ${range} runs backwards: write ${reversed}, or ${head},${tail} for a wrap`;
}

function isName(text: string, spec: FieldSpec): boolean {
  return spec.names?.includes(text.toUpperCase()) ?? false;
}

/** A number or a name of the field, in range. */
function readValue(text: string, spec: FieldSpec, item = text): number {
  let value: number;
  if (/^\d+$/.test(text)) value = Number(text);
  else if (isName(text, spec)) value = spec.names!.indexOf(text.toUpperCase()) + spec.namesFrom!;
  else {
    if (text === '') throw new CronFieldError(`${quote(item)} is missing a number: ${spec.runs}`);
    const nameHint = MONTHS.includes(text.toUpperCase()) || WEEKDAYS.includes(text.toUpperCase()) ? ` (names like ${text.toUpperCase()} belong in the ${MONTHS.includes(text.toUpperCase()) ? 'month' : 'day-of-week'} field)` : '';
    throw new CronFieldError(`${quote(text)} is not a number${spec.names ? ' or a name' : ''}${nameHint}: ${spec.runs}`);
  }
  if (value < spec.min || value > spec.max) throw new CronFieldError(`${quote(text)} is out of range: ${spec.runs}`);
  return value;
}

/** The day specials; null when `item` is not one (then it is read as a plain item). */
function readSpecial(item: string, spec: FieldSpec): SpecialDay | null {
  const upper = item.toUpperCase();
  if (spec.name === 'day-of-month') {
    if (upper === 'L') return { kind: 'last', before: 0 };
    if (upper === 'LW') return { kind: 'last-weekday' };
    const before = /^L-(\d+)$/.exec(upper);
    if (before) {
      const n = Number(before[1]);
      if (n > 30) throw new CronFieldError(`${quote(item)} counts back ${n} days from the last day, but a month has at most 31: write L-0 to L-30`);
      return { kind: 'last', before: n };
    }
    const near = /^(\d+)W$/.exec(upper);
    if (near) {
      const day = Number(near[1]);
      if (day < 1 || day > 31) throw new CronFieldError(`${quote(item)}: W needs a day 1-31, e.g. 15W (the weekday nearest the 15th)`);
      return { kind: 'nearest-weekday', day };
    }
    if (/W$/.test(upper) || /^L/.test(upper)) {
      throw new CronFieldError(`${quote(item)} is not understood: write L (last day), L-2 (two days before it), 15W (the weekday nearest the 15th) or LW (the last weekday), each on its own`);
    }
    return null;
  }
  if (spec.name === 'day-of-week') {
    if (MONTHS.includes(upper)) return null; // JUL is a month, not "JU" + L: refused as a name below
    const last = /^([A-Z]+|\d+)(?:L|#L)$/.exec(upper);
    if (last) return { kind: 'last-of-weekday', weekday: weekdayOf(last[1]!, item, spec) };
    const nth = /^([A-Z]+|\d+)#(\d+)$/.exec(upper);
    if (nth) {
      const weekday = weekdayOf(nth[1]!, item, spec);
      const n = Number(nth[2]);
      if (n < 1 || n > 5) throw new CronFieldError(`${quote(item)}: a month has at most 5 of any weekday: write ${nth[1]}#1 to ${nth[1]}#5, or ${nth[1]}L for the last`);
      return { kind: 'nth-weekday', weekday, nth: n };
    }
    if (upper === 'L') throw new CronFieldError('"L" alone is not a day of the week: write 5L for the last Friday, or L in the day-of-month field for the last day');
    if (upper.includes('#') || /L$/.test(upper)) {
      throw new CronFieldError(`${quote(item)} is not understood: write 5L or FRIL (the last Friday), 1#2 or MON#2 (the second Monday), each on its own`);
    }
    return null;
  }
  // JUL is a month, not "JU" + L; a name in the wrong field is refused as a name, by readValue.
  if (MONTHS.includes(upper) || WEEKDAYS.includes(upper)) return null;
  if (/^L(W|-\d+)?$/.test(upper) || /^\d+W$/.test(upper)) {
    throw new CronFieldError(`${quote(item)} belongs in the day-of-month field: ${spec.runs}`);
  }
  if (/^(\w+)(L|#\d+)$/.test(upper) && /[#L]/.test(upper)) {
    throw new CronFieldError(`${quote(item)} belongs in the day-of-week field: ${spec.runs}`);
  }
  return null;
}

function weekdayOf(text: string, item: string, spec: FieldSpec): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n > 7) throw new CronFieldError(`${quote(item)}: ${quote(text)} is out of range: ${spec.runs}`);
    return n % 7;
  }
  const index = WEEKDAYS.indexOf(text);
  if (index < 0) throw new CronFieldError(`${quote(item)}: ${quote(text)} is not a day of the week: ${spec.runs}`);
  return index;
}
