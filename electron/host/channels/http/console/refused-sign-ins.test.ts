import { describe, expect, it } from 'vitest';
import { createHealth } from '../../../domain/health/health.js';
import { createRefusedSignIns } from './refused-sign-ins.js';

describe('refused sign-ins', () => {
  it('counts every refusal in health, logging the first at once and the rest of a burst as one line', () => {
    let now = 1_000_000;
    const lines: string[] = [];
    const health = createHealth({ now: () => now, log: { info: () => undefined, warn: (m) => lines.push(m) } });
    let pendingTimer: (() => void) | null = null;
    const refused = createRefusedSignIns(health, {
      now: () => now,
      timers: {
        after: (_ms, run) => {
          pendingTimer = run;
          return () => (pendingTimer = null);
        },
      },
    });
    refused.count('password checks busy');
    expect(lines).toEqual(['sign-in refused (password checks busy): 1 attempt']);
    for (let i = 0; i < 500; i++) {
      now += 10;
      refused.count(i % 2 ? 'password checks busy' : 'too many wrong passwords');
    }
    expect(lines).toHaveLength(1);
    now += 5000;
    pendingTimer!();
    expect(lines.slice(1)).toEqual(['sign-in refused (too many wrong passwords): 250 attempts', 'sign-in refused (password checks busy): 250 attempts']);
    expect(health.view().classes['dropped-reports'].count).toBe(501);
  });
});
