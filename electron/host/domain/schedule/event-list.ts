/**
 * The timeline's start/end events: a time (whole seconds from the window start) and a code
 * (rank · 2 + 1 for a start, rank · 2 for an end), kept in typed arrays and put in time order by a
 * two-pass radix sort. A year of 1,000 entries is ~700k events; a comparison sort of that many
 * was the slowest part of the timeline.
 */

/**
 * Buffers kept between sweeps: a year's timeline needs ~12 MB of typed arrays, and allocating
 * them afresh each time made garbage collection the largest variance in bench/schedule. A sweep
 * uses them only while it runs (sorted() results are read, never kept), so one set is enough.
 */
const scratch = { times: new Uint32Array(0), codes: new Int32Array(0) };

function scratchOf(length: number): { times: Uint32Array; codes: Int32Array } {
  if (scratch.times.length < length) {
    scratch.times = new Uint32Array(length);
    scratch.codes = new Int32Array(length);
  }
  return { times: scratch.times.subarray(0, length), codes: scratch.codes.subarray(0, length) };
}

export class EventList {
  private times: Uint32Array;
  private codes: Int32Array;
  length = 0;

  /** `expected`: a guess of the count, so a big timeline does not grow its arrays step by step. */
  constructor(expected = 4096) {
    this.times = new Uint32Array(Math.max(expected, 16));
    this.codes = new Int32Array(Math.max(expected, 16));
  }

  push(time: number, code: number): void {
    if (this.length === this.times.length) {
      const times = new Uint32Array(this.length * 2);
      const codes = new Int32Array(this.length * 2);
      times.set(this.times);
      codes.set(this.codes);
      this.times = times;
      this.codes = codes;
    }
    this.times[this.length] = time;
    this.codes[this.length] = code;
    this.length++;
  }

  /** Events in ascending time (order among equal times is unspecified); valid until the next sort. */
  sorted(): { times: Uint32Array; codes: Int32Array } {
    let times = this.times.subarray(0, this.length);
    let codes = this.codes.subarray(0, this.length);
    let max = 0;
    for (let i = 0; i < times.length; i++) if (times[i]! > max) max = times[i]!;
    let { times: spareTimes, codes: spareCodes } = scratchOf(this.length);
    // 13-bit digits: the counts fit the CPU cache, and two passes cover two years of seconds.
    const counts = new Int32Array(RADIX + 1);
    for (let shift = 0; shift === 0 || max >>> shift > 0; shift += DIGIT_BITS) {
      counts.fill(0);
      for (let i = 0; i < times.length; i++) counts[((times[i]! >>> shift) & MASK) + 1]!++;
      for (let d = 1; d <= RADIX; d++) counts[d]! += counts[d - 1]!;
      for (let i = 0; i < times.length; i++) {
        const at = counts[(times[i]! >>> shift) & MASK]!++;
        spareTimes[at] = times[i]!;
        spareCodes[at] = codes[i]!;
      }
      [times, spareTimes] = [spareTimes, times];
      [codes, spareCodes] = [spareCodes, codes];
      if (shift + DIGIT_BITS >= 32) break;
    }
    return { times, codes };
  }
}

const DIGIT_BITS = 13;
const RADIX = 1 << DIGIT_BITS;
const MASK = RADIX - 1;
