import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../domain/time/time-zone.js';
import { localTimesLog, withLocalTimes } from './local-times.js';

const shanghai = TimeZone.of('Asia/Shanghai');
const NEXT = Date.parse('2026-12-07T06:00:00Z');

describe('local times beside the instants in log fields', () => {
  it("adds the hall's time after each instant, keeping the instant and the order", () => {
    const fields = withLocalTimes({ reason: 'start', programme: 'midday-peak', next: NEXT, entry: 'x' }, shanghai);
    expect(JSON.stringify(fields)).toBe('{"reason":"start","programme":"midday-peak","next":1796623200000,"nextLocal":"2026-12-07 14:00:00 +08:00","entry":"x"}');
    expect(withLocalTimes({ loadedAt: NEXT, from: '2026-12-07T06:00:00.000Z' }, TimeZone.of('America/New_York'))).toEqual({
      loadedAt: NEXT,
      loadedAtLocal: '2026-12-07 01:00:00 -05:00',
      from: '2026-12-07T06:00:00.000Z',
      fromLocal: '2026-12-07 01:00:00 -05:00',
    });
  });

  it('leaves counts, durations, other names and a missing zone alone', () => {
    const fields = { next: null, jumpedMs: 3_600_000, at: 17, files: 9, id: NEXT, since: 'yesterday' };
    expect(withLocalTimes(fields, shanghai)).toBe(fields);
    expect(withLocalTimes({ next: NEXT }, null)).toEqual({ next: NEXT });
  });

  it('asks for the zone at each line: the hall may load, or change its zone, after the log opened', () => {
    const lines: unknown[] = [];
    let zone: TimeZone | null = null;
    const log = localTimesLog({ info: (_, f) => lines.push(f), warn: () => undefined }, () => zone);
    log.info('schedule switch', { next: NEXT });
    zone = shanghai;
    log.info('schedule switch', { next: NEXT });
    expect(lines).toEqual([{ next: NEXT }, { next: NEXT, nextLocal: '2026-12-07 14:00:00 +08:00' }]);
  });
});
