/**
 * The console's frame: header with the menu, language switch and sign-out, and the page for the
 * current route. Signed out (or on any 401) it shows the sign-in page and comes back afterwards.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { whenUnauthorized } from '../api/client.js';
import { ConfirmHost } from '../components/confirm.js';
import { html } from '../html.js';
import { onUiLang, setUiLang, uiLang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import { AnnouncementsPage } from '../pages/announcements.js';
import { DisplaysPage } from '../pages/displays.js';
import { HistoryPage } from '../pages/history.js';
import { MediaPage } from '../pages/media.js';
import { ProgrammeEditorPage } from '../pages/programme-editor.js';
import { ProgrammesPage } from '../pages/programmes.js';
import { SchedulePage } from '../pages/schedule.js';
import { SignInPage } from '../pages/sign-in.js';
import { StatusPage } from '../pages/status.js';
import { go, href, signInHref, useRoute, type PageName, type Route } from '../navigation/route.js';
import { checkSession, signOut, type SessionState } from '../navigation/session.js';

const MENU: { page: Exclude<PageName, 'sign-in' | 'programme'>; key: Parameters<typeof t>[0] }[] = [
  { page: 'status', key: 'nav.status' },
  { page: 'programmes', key: 'nav.programmes' },
  { page: 'media', key: 'nav.media' },
  { page: 'schedule', key: 'nav.schedule' },
  { page: 'announcements', key: 'nav.announcements' },
  { page: 'displays', key: 'nav.displays' },
  { page: 'history', key: 'nav.history' },
];

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'programmes':
      return html`<${ProgrammesPage} />`;
    case 'programme':
      return html`<${ProgrammeEditorPage} key=${route.param} id=${route.param ?? ''} />`;
    case 'media':
      return html`<${MediaPage} />`;
    case 'schedule':
      return html`<${SchedulePage} />`;
    case 'announcements':
      return html`<${AnnouncementsPage} />`;
    case 'displays':
      return html`<${DisplaysPage} />`;
    case 'history':
      return html`<${HistoryPage} selected=${route.param} />`;
    default:
      return html`<${StatusPage} />`;
  }
}

export function App() {
  const route = useRoute();
  const [lang, setLang] = useState(uiLang());
  const [session, setSession] = useState<SessionState>({ checked: false, signedIn: false, noPassword: null });

  useEffect(() => onUiLang(setLang), []);
  useEffect(() => {
    document.documentElement.lang = uiLang();
    void checkSession().then(setSession);
    // The effect below moves to the sign-in page, once, with the reason and the page to come back to.
    whenUnauthorized((message) => setSession((s) => ({ ...s, signedIn: false, expired: /expired/i.test(message) })));
  }, []);
  useEffect(() => {
    if (session.checked && !session.signedIn && route.page !== 'sign-in') go(signInHref(route.hash, session.expired === true));
  }, [session, route]);
  useEffect(() => {
    document.title = `${t('app.title')} · hallcast`;
  }, [lang]);
  // A new page takes the focus, so a screen reader starts reading it and Tab starts from its top.
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) firstPage.current = false;
    else if (route.page !== 'sign-in') {
      window.scrollTo(0, 0);
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  }, [route.page, route.param]);

  const leave = async (): Promise<void> => {
    await signOut();
    setSession((s) => ({ ...s, signedIn: false }));
    go('#/sign-in');
  };

  const current = route.page === 'programme' ? 'programmes' : route.page;
  const signedIn = session.checked && session.signedIn;
  return html`<div class="shell" data-lang=${lang}>
    <a class="skip" href="#main" onClick=${(e: Event) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>${t('app.skip')}</a>
    <header class="top">
      <a class="brand" href=${href('status')}>hallcast <span>${t('app.title')}</span></a>
      <div class="top-actions">
        <button type="button" class="secondary small" lang=${lang === 'en' ? 'zh-CN' : 'en'} aria-label=${t('lang.switchLabel')}
          onClick=${() => setUiLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">${t('lang.switch')}</button>
        ${signedIn ? html`<button type="button" class="secondary small" onClick=${leave} data-testid="sign-out">${t('session.signOut')}</button>` : null}
      </div>
      ${signedIn
        ? html`<nav class="menu" aria-label=${t('nav.label')}>
            ${MENU.map(
              (item) => html`<a href=${href(item.page)} aria-current=${current === item.page ? 'page' : undefined} data-testid=${`nav-${item.page}`}>${t(item.key)}</a>`,
            )}
          </nav>`
        : null}
    </header>
    <main id="main" tabindex="-1">
      ${!session.checked
        ? html`<p class="loading" role="status">${t('common.loading')}</p>`
        : route.page === 'sign-in' || !session.signedIn
          ? html`<${SignInPage} route=${route} noPassword=${session.noPassword} onSignedIn=${() => setSession({ checked: true, signedIn: true, noPassword: null, expired: false })} />`
          : html`<${Page} route=${route} />`}
    </main>
    <${ConfirmHost} />
  </div>`;
}
