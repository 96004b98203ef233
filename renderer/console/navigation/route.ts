/** Hash routes (`#/programmes/morning`), parsed purely; `useRoute` follows the address bar. */
import { useEffect, useState } from 'preact/hooks';

export type PageName = 'sign-in' | 'status' | 'programmes' | 'programme' | 'media' | 'schedule' | 'announcements' | 'displays' | 'history';

export interface Route {
  page: PageName;
  /** The programme id, the history entry id … */
  param: string | null;
  query: URLSearchParams;
  /** The hash as given, to come back to after signing in. */
  hash: string;
}

const SIMPLE = new Set<PageName>(['sign-in', 'status', 'programmes', 'media', 'schedule', 'announcements', 'displays', 'history']);

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const query = new URLSearchParams(search);
  const [first, second] = parts;
  if (first === 'programmes' && second) return { page: 'programme', param: second, query, hash };
  if (first === 'history' && second) return { page: 'history', param: second, query, hash };
  if (first && SIMPLE.has(first as PageName)) return { page: first as PageName, param: null, query, hash };
  return { page: 'status', param: null, query, hash };
}

export function href(page: Exclude<PageName, 'programme'>, param?: string): string {
  return `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

export function programmeHref(id: string): string {
  return `#/programmes/${encodeURIComponent(id)}`;
}

/** Where a 401 sends the user, remembering the page to return to. */
export function signInHref(back: string, expired: boolean): string {
  const query = new URLSearchParams();
  if (back && !back.startsWith('#/sign-in')) query.set('back', back);
  if (expired) query.set('expired', '1');
  const text = query.toString();
  return `#/sign-in${text ? `?${text}` : ''}`;
}

/** The page to go to after signing in: only a hash of our own, never another address. */
export function backTarget(query: URLSearchParams): string {
  const back = query.get('back');
  return back && back.startsWith('#/') && !back.startsWith('#/sign-in') ? back : '#/status';
}

export function go(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
