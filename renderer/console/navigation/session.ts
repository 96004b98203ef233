/**
 * The console's session: checked once at start (GET /admin/api/session), set by signing in, ended
 * by signing out or a 401. The CSRF token it carries goes on every mutating request.
 */
import type { ApiFailure } from '../api/answer.js';
import { api, setCsrf } from '../api/client.js';
import type { LoginAnswer, Session } from '../api/types.js';

export interface SessionState {
  checked: boolean;
  signedIn: boolean;
  /** The 503 "no password yet" answer, shown on the sign-in page instead of the form. */
  noPassword: string | null;
  /** Signed out by a 401 that said the session expired (the sign-in page says so). */
  expired?: boolean;
}

const NO_PASSWORD = 'the console has no password yet: run hallcast admin-password';

export async function checkSession(): Promise<SessionState> {
  const answer = await api<Session>('GET', 'session');
  if (answer.ok) {
    setCsrf(answer.data.signedIn ? (answer.data.csrf ?? null) : null);
    // The player may say so here already (rather than with a 503 at sign-in): no form to fill in vain.
    const noPassword = answer.data.passwordSet === false ? NO_PASSWORD : null;
    return { checked: true, signedIn: answer.data.signedIn, noPassword };
  }
  return { checked: true, signedIn: false, noPassword: answer.status === 503 ? answer.error : null };
}

export type SignIn = { ok: true } | ApiFailure;

export async function signIn(password: string): Promise<SignIn> {
  const answer = await api<LoginAnswer>('POST', 'login', { password });
  if (!answer.ok) return answer;
  setCsrf(answer.data.csrf);
  return { ok: true };
}

export async function signOut(): Promise<void> {
  await api('POST', 'logout', {});
  setCsrf(null);
}
