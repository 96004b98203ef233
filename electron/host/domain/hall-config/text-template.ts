/**
 * Text templates a PA system fills (playlists/announcements.json → "templates"):
 * "{counter}号窗口暂停服务" with { counter: "3" }. A placeholder is `{name}`; braces mean nothing
 * else, so a stray brace is refused instead of being read aloud or silently kept.
 */

/** A placeholder name: a lowercase letter, then letters, digits or _. */
export const PLACEHOLDER_NAME = /^[a-z][a-zA-Z0-9_]*$/;

/** A template that cannot be parsed; `position` is the 1-based character (code point) of the brace. */
export class TemplateSyntaxError extends SyntaxError {
  constructor(
    readonly template: string,
    readonly position: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'TemplateSyntaxError';
  }
}

type Part = { literal: string } | { placeholder: string };

function parse(text: string): Part[] {
  // Code points, so a position counts a hanzi or an emoji as one character, as an editor does.
  const chars = [...text];
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '}') {
      throw new TemplateSyntaxError(text, i + 1, `"}" at character ${i + 1} closes nothing: braces only mark placeholders such as {minutes}; remove it`);
    }
    if (c !== '{') {
      literal += c;
      continue;
    }
    const close = chars.indexOf('}', i + 1);
    const reopen = chars.indexOf('{', i + 1);
    if (close === -1 || (reopen !== -1 && reopen < close)) {
      throw new TemplateSyntaxError(text, i + 1, `"{" at character ${i + 1} is not closed: write a placeholder as {name}, e.g. {minutes}`);
    }
    const name = chars.slice(i + 1, close).join('');
    if (!PLACEHOLDER_NAME.test(name)) {
      throw new TemplateSyntaxError(
        text,
        i + 1,
        `"{${name}}" at character ${i + 1} is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}`,
      );
    }
    if (literal !== '') parts.push({ literal });
    literal = '';
    parts.push({ placeholder: name });
    i = close;
  }
  if (literal !== '') parts.push({ literal });
  return parts;
}

/** The placeholder names of a template, each once, in order of first use. Throws TemplateSyntaxError. */
export function templatePlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const part of parse(text)) {
    if ('placeholder' in part && !names.includes(part.placeholder)) names.push(part.placeholder);
  }
  return names;
}

/**
 * The template with every placeholder replaced by its variable. The variables must be exactly the
 * template's placeholders: a misspelt name would otherwise be read out as nothing, or never noticed.
 * Values are inserted as they are (a brace in a value is not a placeholder).
 * Throws RangeError naming unknown and missing variables, TypeError for a value that is not a
 * string, TemplateSyntaxError for a malformed template.
 */
export function fillTemplate(text: string, vars: Readonly<Record<string, string>>): string {
  const parts = parse(text);
  const used = templatePlaceholders(text);
  const given = Object.keys(vars);
  for (const name of given) {
    const value: unknown = vars[name];
    if (typeof value !== 'string') throw new TypeError(`variable "${name}" must be a string, got ${value === null ? 'null' : typeof value}`);
  }
  const unknown = given.filter((name) => !used.includes(name));
  // Object.hasOwn: a placeholder named "constructor" must not be filled from Object.prototype.
  const missing = used.filter((name) => !Object.hasOwn(vars, name));
  const problems: string[] = [];
  if (unknown.length > 0) {
    problems.push(`${plural('unknown variable', unknown)} (the template uses: ${used.length > 0 ? used.join(', ') : 'no variables'})`);
  }
  if (missing.length > 0) problems.push(plural('missing variable', missing));
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  return parts.map((part) => ('literal' in part ? part.literal : vars[part.placeholder]!)).join('');
}

function plural(what: string, names: string[]): string {
  return `${what}${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}`;
}
