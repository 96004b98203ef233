import { describe, expect, it } from 'vitest';
import { runPlanCall } from './plan-call.js';

function run(...args: [string, string, string]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runPlanCall(...args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('hallcast plan-call', () => {
  it('prints one segment id per word on one line, zh-CN by default and en on request', () => {
    expect(run('A023', '5', 'zh')).toEqual({ code: 0, out: ['chime qing letter-A digit-0 digit-2 digit-3 hao dao num-5 hao-chuangkou'], err: [] });
    expect(run('A023', '12', 'en').out).toEqual(['chime ticket letter-A digit-0 digit-2 digit-3 please-go-to-counter num-12']);
  });

  it('refuses a bad ticket, a bad counter and an unknown language with the reason', () => {
    const bad = run('A-0/23', '5', 'zh');
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/^hallcast: .*A-0\/23/);
    expect(run('A023', '-1', 'zh')).toEqual({ code: 1, out: [], err: ['hallcast: counter must be a number 1–999, got "-1"'] });
    expect(run('A023', '0', 'zh').code).toBe(1);
    expect(run('A023', '5', 'fr')).toEqual({ code: 2, out: [], err: ['hallcast: --lang fr: use zh or en'] });
  });
});
