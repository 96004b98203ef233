import { describe, expect, it } from 'vitest';
import { createSessions, IDLE_MS, LIFETIME_MS, sameToken } from './sessions.js';

const T0 = Date.parse('2026-12-01T09:00:00+08:00');

function clock() {
  let now = T0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('sessions', () => {
  it('opens a session with a random 32-byte id and CSRF token', () => {
    const time = clock();
    const sessions = createSessions({ now: time.now });
    const { session, expiresAt } = sessions.open('g1');
    expect(Buffer.from(session.id, 'base64url')).toHaveLength(32);
    expect(Buffer.from(session.csrf, 'base64url')).toHaveLength(32);
    expect(session.csrf).not.toBe(session.id);
    expect(sessions.open('g1').session.id).not.toBe(session.id);
    expect(expiresAt).toBe(T0 + IDLE_MS);
  });

  it('ends after 30 minutes without a request', () => {
    const time = clock();
    const sessions = createSessions({ now: time.now });
    const { session } = sessions.open('g1');
    time.advance(IDLE_MS - 1);
    expect(sessions.touch(session.id, 'g1').state).toBe('open');
    time.advance(IDLE_MS - 1);
    expect(sessions.touch(session.id, 'g1').state).toBe('open');
    time.advance(IDLE_MS);
    expect(sessions.touch(session.id, 'g1')).toEqual({ state: 'expired' });
    expect(sessions.touch(session.id, 'g1')).toEqual({ state: 'none' });
  });

  it('ends after 12 hours however busy', () => {
    const time = clock();
    const sessions = createSessions({ now: time.now });
    const { session } = sessions.open('g1');
    for (let t = 0; t < LIFETIME_MS - 60_000; t += 20 * 60_000) {
      expect(sessions.touch(session.id, 'g1').state).toBe('open');
      time.advance(20 * 60_000);
    }
    time.advance(LIFETIME_MS - (time.now() - T0));
    expect(sessions.touch(session.id, 'g1').state).toBe('expired');
  });

  it('counts down to the earlier of the two limits', () => {
    const time = clock();
    const sessions = createSessions({ now: time.now });
    const { session } = sessions.open('g1');
    time.advance(20 * 60_000);
    const early = sessions.touch(session.id, 'g1');
    expect(early.state === 'open' && early.expiresAt).toBe(T0 + 20 * 60_000 + IDLE_MS);
    while (time.now() < T0 + LIFETIME_MS - 10 * 60_000) {
      time.advance(10 * 60_000);
      sessions.touch(session.id, 'g1');
    }
    const late = sessions.touch(session.id, 'g1');
    expect(late.state === 'open' && late.expiresAt).toBe(T0 + LIFETIME_MS);
  });

  it('ends when the password changes, and on sign-out', () => {
    const time = clock();
    const sessions = createSessions({ now: time.now });
    const a = sessions.open('g1').session;
    expect(sessions.touch(a.id, 'g2').state).toBe('expired');
    const b = sessions.open('g2').session;
    sessions.end(b.id);
    expect(sessions.touch(b.id, 'g2').state).toBe('none');
    expect(sessions.touch(undefined, 'g2').state).toBe('none');
  });

  it('keeps at most `max` sessions, dropping the longest idle', () => {
    const time = clock();
    const sessions = createSessions({ now: time.now, max: 3 });
    const ids = [0, 1, 2].map(() => {
      time.advance(1000);
      return sessions.open('g').session.id;
    });
    time.advance(1000);
    sessions.touch(ids[0], 'g');
    sessions.open('g');
    expect(sessions.touch(ids[0], 'g').state).toBe('open');
    expect(sessions.touch(ids[1], 'g').state).toBe('none');
    expect(sessions.touch(ids[2], 'g').state).toBe('open');
  });

  it('compares tokens in constant time, any length', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abd', 'abc')).toBe(false);
    expect(sameToken('ab', 'abc')).toBe(false);
    expect(sameToken(undefined, 'abc')).toBe(false);
  });
});
