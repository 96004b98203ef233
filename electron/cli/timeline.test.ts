import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

const PLAYLISTS = path.join(import.meta.dirname, '../../playlists');

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, () => Date.parse('2026-12-01T04:00:00Z'));
  return { code, out, err };
}

describe('hallcast timeline', () => {
  it("prints the shipped hall's switches on a working Tuesday", async () => {
    const { code, out } = await run(['timeline', '--date', '2026-12-01', '--playlists', PLAYLISTS]);
    expect(code).toBe(0);
    expect(out).toEqual([
      '# timeline 2026-12-01 in Asia/Shanghai',
      '2026-12-01 00:00    +08:00  closed       非营业时间 / After hours  ← entry "after-hours" (daypart 20:00–08:30, priority 5)',
      '2026-12-01 08:30    +08:00  morning      早间节目 / Morning programme  ← entry "workday-morning" (daypart 08:30–11:30, workday, priority 10)',
      '2026-12-01 11:30    +08:00  midday-peak  午间高峰 / Midday peak  ← entry "midday-peak" (cron "30 11 * * *" until 14:00, workday, priority 20)',
      '2026-12-01 14:00    +08:00  welcome      欢迎光临 / Welcome  ← default (no entry active)',
      '2026-12-01 17:00    +08:00  evening      晚间节目 / Evening programme  ← entry "workday-evening" (cron "0 17 * * *" until 20:00, workday, priority 10)',
      '2026-12-01 20:00    +08:00  closed       非营业时间 / After hours  ← entry "after-hours" (daypart 20:00–08:30, priority 5)',
    ]);
  });

  it('plays the holiday programme on 2027-01-01, a holiday computed while the preset has no 2027 data', async () => {
    const { code, out } = await run(['timeline', '--date', '2027-01-01', '--playlists', PLAYLISTS]);
    expect(code).toBe(0);
    expect(out[2]).toBe('2027-01-01 08:30    +08:00  holiday      节日节目 / Holiday programme  ← entry "public-holiday" (daypart 08:30–20:00, holiday, priority 30)');
  });

  it('shows public holidays, the weekend and the New Year’s Eve exception', async () => {
    const { out } = await run(['timeline', '--date', '2026-09-30', '--days', '4', '--playlists', PLAYLISTS]);
    const programmes = (lines: string[]): string[] => lines.slice(1).map((line) => line.split(/\s+/).slice(0, 4).join(' '));
    expect(programmes(out)).toEqual([
      '2026-09-30 00:00 +08:00 closed',
      '2026-09-30 08:30 +08:00 morning',
      '2026-09-30 11:30 +08:00 midday-peak',
      '2026-09-30 14:00 +08:00 welcome',
      '2026-09-30 17:00 +08:00 evening',
      '2026-09-30 20:00 +08:00 closed',
      '2026-10-01 08:30 +08:00 holiday', // National Day, from the cn-mainland calendar
      '2026-10-01 20:00 +08:00 closed',
      '2026-10-02 08:30 +08:00 holiday',
      '2026-10-02 20:00 +08:00 closed',
      '2026-10-03 08:30 +08:00 holiday',
      '2026-10-03 20:00 +08:00 closed',
    ]);
    const eve = await run(['timeline', '--date', '2026-12-31', '--playlists', PLAYLISTS]);
    expect(programmes(eve.out)).toEqual([
      '2026-12-31 00:00 +08:00 closed',
      '2026-12-31 08:30 +08:00 morning',
      '2026-12-31 11:30 +08:00 midday-peak',
      '2026-12-31 14:00 +08:00 welcome',
      '2026-12-31 15:00 +08:00 holiday', // new-year-eve, priority 40, that day only
      '2026-12-31 20:00 +08:00 closed',
    ]);
  });

  it('defaults to today in the schedule’s zone, and refuses a bad date', async () => {
    expect((await run(['timeline', '--playlists', PLAYLISTS])).out[0]).toBe('# timeline 2026-12-01 in Asia/Shanghai');
    const bad = await run(['timeline', '--date', '2026-02-30', '--playlists', PLAYLISTS]);
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual(['--date "2026-02-30" is not a date: write YYYY-MM-DD, e.g. 2026-12-01']);
  });
});
