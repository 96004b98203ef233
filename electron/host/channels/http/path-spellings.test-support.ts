/**
 * Every spelling of a path an attacker might try to slip past a rule with: each letter
 * percent-encoded, each letter double-encoded, upper and mixed case, doubled slashes, dot segments,
 * trailing dots and backslashes. Used by the access sweep (access-sweep.test.ts) and the LAN sweep
 * (e2e/faults/lan-sweep.spec.ts).
 */
const encode = (char: string): string => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
const at = (text: string, i: number, by: string): string => text.slice(0, i) + by + text.slice(i + 1);
const slashes = (text: string): number[] => [...text].flatMap((c, i) => (c === '/' ? [i] : []));

/** Every other spelling of `path` (and the path itself first): kind → request target. */
export function spellings(path: string): [string, string][] {
  const out: [string, string][] = [['raw', path]];
  [...path].forEach((c, i) => {
    if (!/[A-Za-z]/.test(c)) return;
    out.push([`encoded ${c}`, at(path, i, encode(c))], [`double-encoded ${c}`, at(path, i, `%25${encode(c).slice(1)}`)]);
  });
  if (/[a-z]/.test(path)) {
    out.push(['upper case', path.toUpperCase()]);
    out.push(['mixed case', [...path].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('')]);
  }
  out.push(['leading //', `/${path}`], ['trailing /.', `${path.replace(/\/$/, '')}/.`], ['trailing .', `${path}.`], ['leading /x/..', `/x/..${path}`]);
  for (const i of slashes(path)) {
    out.push([`// at ${i}`, at(path, i, '//')], [`/./ at ${i}`, at(path, i, '/./')], [`/x/../ at ${i}`, at(path, i, '/x/../')], [`backslash at ${i}`, at(path, i, '\\')]);
  }
  return out;
}
