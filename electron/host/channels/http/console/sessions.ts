/**
 * Signed-in floor managers, in memory (a restart signs everyone out, which is fine for a player).
 * A session ends after 30 minutes without a request or 12 hours in all, whichever comes first,
 * and when the password changes. Decisions take the time from the injected clock.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const IDLE_MS = 30 * 60_000;
export const LIFETIME_MS = 12 * 3_600_000;
/** Each sign-in opens one; past this the longest idle goes, so memory stays bounded. */
export const MAX_SESSIONS = 200;

export interface Session {
  id: string;
  csrf: string;
  openedAt: number;
  lastSeenAt: number;
  generation: string;
}

export type SessionLookup = { state: 'open'; session: Session; expiresAt: number } | { state: 'expired' } | { state: 'none' };

export interface Sessions {
  open(generation: string): { session: Session; expiresAt: number };
  /** Finds the session and, when it is open, counts this request as activity. */
  touch(id: string | undefined, generation: string): SessionLookup;
  end(id: string | undefined): void;
  expiresAt(session: Session): number;
}

export interface SessionOptions {
  now: () => number;
  idleMs?: number;
  lifetimeMs?: number;
  max?: number;
}

export function createSessions(options: SessionOptions): Sessions {
  const idleMs = options.idleMs ?? IDLE_MS;
  const lifetimeMs = options.lifetimeMs ?? LIFETIME_MS;
  const max = options.max ?? MAX_SESSIONS;
  const open = new Map<string, Session>();
  const expiresAt = (s: Session): number => Math.min(s.lastSeenAt + idleMs, s.openedAt + lifetimeMs);

  const sweep = (now: number): void => {
    for (const [id, session] of open) if (expiresAt(session) <= now) open.delete(id);
  };

  return {
    open(generation) {
      const now = options.now();
      sweep(now);
      while (open.size >= max) {
        const idlest = [...open.values()].sort((a, b) => a.lastSeenAt - b.lastSeenAt)[0]!;
        open.delete(idlest.id);
      }
      const session: Session = { id: token(), csrf: token(), openedAt: now, lastSeenAt: now, generation };
      open.set(session.id, session);
      return { session, expiresAt: expiresAt(session) };
    },
    touch(id, generation) {
      if (!id) return { state: 'none' };
      const session = open.get(id);
      if (!session) return { state: 'none' };
      const now = options.now();
      if (expiresAt(session) <= now || session.generation !== generation) {
        open.delete(id);
        return { state: 'expired' };
      }
      session.lastSeenAt = now;
      return { state: 'open', session, expiresAt: expiresAt(session) };
    },
    end(id) {
      if (id) open.delete(id);
    },
    expiresAt,
  };
}

/** 32 random bytes, as the cookie and header carry them. */
function token(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
