import { describe, expect, it } from 'vitest';
import { sessionIdleMsOf } from './serve.js';

describe('HALLCAST_ADMIN_SESSION_IDLE_SECONDS', () => {
  it('shortens the idle time of console sessions, in whole seconds; unset keeps the default', () => {
    expect(sessionIdleMsOf(undefined)).toBeUndefined();
    expect(sessionIdleMsOf('')).toBeUndefined();
    expect(sessionIdleMsOf('5')).toBe(5000);
    expect(sessionIdleMsOf('43200')).toBe(43_200_000);
  });

  it('refuses anything but whole seconds from 1 to 12 hours, saying what to give', () => {
    for (const value of ['0', '-5', '2.5', 'soon', '43201']) {
      expect(() => sessionIdleMsOf(value)).toThrow(`HALLCAST_ADMIN_SESSION_IDLE_SECONDS=${value}: give whole seconds 1-43200, e.g. 5 (default: 30 minutes)`);
    }
  });
});
