/**
 * The player answers a path in one spelling only. The router decodes percent-escapes, and HTTP
 * clients or proxies may resolve dot segments or fold slashes, so `/%61pi/status`, `/api/./status`
 * or `//api/status` could reach a route by another name than the one its caller wrote. Refusing
 * every other spelling before any rule is applied means a route's rule and the route itself always
 * see the same path. Browsers and the player's own media URLs (encodeURIComponent per segment)
 * never write these.
 */

/** RFC 3986 unreserved characters: escaping one changes nothing but the spelling. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX2 = /^[0-9A-Fa-f]{2}$/;

/** Why the path of a raw request target (`/a/b?query`) is not canonical, or null when it is. */
export function pathProblem(target: string): string | null {
  const query = target.indexOf('?');
  const path = query < 0 ? target : target.slice(0, query);
  if (!path.startsWith('/')) return 'it does not start with /';
  if (path.includes('#')) return 'it has a # in the path';
  if (path.includes('\\')) return 'it has a backslash';
  if (path.includes('//')) return 'it has an empty segment (//)';
  for (let i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
    const hex = path.slice(i + 1, i + 3);
    if (!HEX2.test(hex)) return 'it has a malformed percent-escape';
    const char = String.fromCharCode(parseInt(hex, 16));
    if (UNRESERVED.test(char)) return `%${hex} stands for "${char}", which is written as itself`;
    if (char === '/' || char === '\\' || char === '\0') return `%${hex} hides a path separator`;
    // A literal "%" is fine (a file named 50%.png); one that makes another escape is double encoding.
    if (char === '%' && HEX2.test(path.slice(i + 3, i + 5))) return `%${hex}${path.slice(i + 3, i + 5)} is encoded twice`;
  }
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return 'it has a dot segment (. or ..)';
  return null;
}
