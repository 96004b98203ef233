import { describe, expect, it } from 'vitest';
import { readCron } from './cron-reading.js';

describe('readCron', () => {
  it('reads a schedule cron in both languages', () => {
    expect(readCron('30 11 * * *', 'en')).toEqual({ ok: true, text: 'At 11:30' });
    const zh = readCron('30 11 * * *', 'zh-CN');
    expect(zh.ok && zh.text).toContain('11:30');
    expect(zh.ok && /[\u4e00-\u9fff]/.test(zh.text)).toBe(true);
  });
  it('takes 6 fields as seconds first', () => {
    expect(readCron('0 0 */2 * * *', 'en')).toEqual({ ok: true, text: 'On the hour, every 2 hours' });
  });
  it('reads L, nL and n#m', () => {
    const last = readCron('0 9 * * 5L', 'en');
    expect(last.ok && last.text).toContain('last Friday');
    const second = readCron('0 9 * * 1#2', 'zh-CN');
    expect(second.ok && second.text).toContain('星期一');
  });
  it('refuses other field counts and bad values, with a reason', () => {
    expect(readCron('0 9 * * * 2026 x', 'en').ok).toBe(false);
    expect(readCron('nonsense', 'zh-CN')).toMatchObject({ ok: false });
    const bad = readCron('61 * * * *', 'en');
    expect(bad.ok ? '' : bad.error).toContain('minutes');
  });
});
