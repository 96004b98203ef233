/**
 * Sign in: the password, and every way it can fail — wrong password, too many attempts (counting
 * down the 429's Retry-After), an expired session, or no password set yet (503, with the command).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { backTarget, go, type Route } from '../navigation/route.js';
import { signIn } from '../navigation/session.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';

type Problem = { kind: 'wrong' } | { kind: 'wait'; until: number } | { kind: 'failed'; status: number; error: string } | null;

export function SignInPage({ route, noPassword, onSignedIn }: { route: Route; noPassword: string | null; onSignedIn(): void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [now, setNow] = useState(Date.now());
  const [serverNoPassword, setServerNoPassword] = useState<string | null>(noPassword);
  const input = useRef<HTMLInputElement>(null);
  const expired = route.query.get('expired') === '1';

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setServerNoPassword(noPassword), [noPassword]);
  useEffect(() => {
    if (problem?.kind !== 'wait') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [problem]);

  const waitSeconds = problem?.kind === 'wait' ? Math.max(0, Math.ceil((problem.until - now) / 1000)) : 0;

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (busy || waitSeconds > 0 || password === '') return;
    setBusy(true);
    const result = await signIn(password);
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onSignedIn();
      go(backTarget(route.query));
      return;
    }
    if (result.status === 401) setProblem({ kind: 'wrong' });
    else if (result.status === 429) {
      setNow(Date.now());
      setProblem({ kind: 'wait', until: Date.now() + (result.retryAfter ?? 60) * 1000 });
    } else if (result.status === 503) setServerNoPassword(result.error);
    else setProblem({ kind: 'failed', status: result.status, error: result.error });
    input.current?.select();
  };

  if (serverNoPassword !== null) {
    return html`<section class="sign-in card" aria-labelledby="signin-title" data-testid="signin-page">
      <h1 id="signin-title">${t('signin.title')}</h1>
      <div class="notice error" role="alert" data-testid="signin-no-password">
        <p>${t('signin.noPassword')}</p>
        <pre class="command"><code>hallcast admin-password</code></pre>
        <p>${t('signin.noPasswordAfter')}</p>
        <p class="detail" lang="en">${serverNoPassword}</p>
      </div>
    </section>`;
  }

  let message: string | null = null;
  if (problem?.kind === 'wrong') message = t('signin.wrong');
  else if (problem?.kind === 'wait') message = waitSeconds > 0 ? t('signin.tooMany', { seconds: waitSeconds }) : null;
  else if (problem?.kind === 'failed') message = problem.status === 0 ? t('signin.unreachable', { error: problem.error }) : t('signin.failed', { status: problem.status, error: problem.error });
  else if (expired) message = t('signin.expired');

  return html`<section class="sign-in card" aria-labelledby="signin-title" data-testid="signin-page">
    <h1 id="signin-title">${t('signin.title')}</h1>
    <p>${t('signin.intro')}</p>
    <form onSubmit=${submit} data-testid="signin-form">
      <div class="field">
        <label for="signin-password">${t('signin.password')}</label>
        <input ref=${input} id="signin-password" type="password" autocomplete="current-password" required value=${password}
          onInput=${(e: Event) => setPassword((e.currentTarget as HTMLInputElement).value)}
          aria-invalid=${problem?.kind === 'wrong' ? 'true' : undefined} aria-describedby=${message ? 'signin-error' : undefined} data-testid="signin-password" />
      </div>
      ${message
        ? html`<p id="signin-error" class=${`notice ${problem === null ? 'warn' : 'error'}`} role="alert" data-testid="signin-error" data-problem=${problem?.kind ?? 'expired'}>${message}</p>`
        : null}
      <button type="submit" class="primary wide" disabled=${busy || waitSeconds > 0} data-testid="signin-submit">${busy ? t('signin.busy') : t('signin.submit')}</button>
    </form>
  </section>`;
}
