/**
 * How a feed names itself in logs and health reasons: its kind and URL, without the user name,
 * password or query string, because halls put access tokens there and logs get shared.
 */
export function feedLabel(kind: string, url: string): string {
  try {
    const parsed = new URL(url);
    const query = parsed.search === '' ? '' : '?…';
    return `${kind} ${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
  } catch {
    return `${kind} ${url}`;
  }
}
