/**
 * The ticket text a vendor sends is rarely ours as it stands: a letter in one field and a number in
 * another (`"A"`, `23` → `A023`), a spaced form (`"A 23"`), or a placeholder ("----", "暂无") before
 * the first call of the day. This composes, rewrites and recognises placeholders, declaratively and
 * purely. A rewrite pattern is a hall's regular expression run on every message, so it is kept to a
 * subset that cannot backtrack catastrophically, and the text it runs on is short.
 */
import { readVendorPath } from './vendor-path.js';
import { describeVendorValue } from './vendor-value.js';
import type { TicketRewrite } from '../../../contract/feed-config.js';

/** Ticket values that mean "nothing called yet", when the mapping does not list its own. */
export const DEFAULT_PLACEHOLDERS: readonly string[] = ['', '-', '--', '---', '----', '暂无', '无', 'null', 'none', 'N/A'];
/** A rewrite pattern longer than this is not a ticket rewrite. */
export const MAX_REWRITE_PATTERN = 100;
/** Ticket text longer than this is refused before any pattern runs on it. */
export const MAX_TICKET_TEXT = 40;

type FormatPiece = { literal: string } | { part: string; width: number };

export interface TicketText {
  parts: Record<string, string> | undefined;
  format: FormatPiece[] | undefined;
  rewrite: { pattern: RegExp; replacement: FormatPiece[] } | undefined;
  placeholders: ReadonlySet<string>;
}

export type TicketTextResult = { ok: true; ticket: string | unknown } | { ok: false; error: string } | { placeholder: true };

const PIECE = /\{([A-Za-z]\w*|\d)(?::(0\d))?\}/g;

/** `"{prefix}{number:03}"` → pieces; literal text may surround them. */
export function parseTicketFormat(format: string): { ok: true; pieces: FormatPiece[] } | { ok: false; error: string } {
  const pieces: FormatPiece[] = [];
  let last = 0;
  for (const match of format.matchAll(PIECE)) {
    if (match.index > last) pieces.push({ literal: format.slice(last, match.index) });
    pieces.push({ part: match[1]!, width: match[2] === undefined ? 0 : Number(match[2].slice(1)) });
    last = match.index + match[0].length;
  }
  if (last < format.length) pieces.push({ literal: format.slice(last) });
  const stray = pieces.find((p) => 'literal' in p && /[{}]/.test(p.literal));
  if (stray) return { ok: false, error: `${JSON.stringify(format)} has a brace that is not a {part} or {part:0N}, like "{prefix}{number:03}"` };
  return { ok: true, pieces };
}

/**
 * Why a rewrite pattern is refused, or undefined. The safe subset: at most MAX_REWRITE_PATTERN
 * characters, no back-references, and no group repeated by `+`, `*` or `{n,}` — the shape of every
 * catastrophic-backtracking pattern; with ticket text capped at MAX_TICKET_TEXT characters, what is
 * left runs in microseconds.
 */
export function rewritePatternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REWRITE_PATTERN) return `is ${pattern.length} characters long, over the limit of ${MAX_REWRITE_PATTERN}`;
  try {
    new RegExp(pattern);
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a back-reference (\\1, \\k<name>), which a ticket rewrite does not need and which can run for ever';
  if (/\)(?:[+*]|\{\d+,\d*\})/.test(pattern)) return 'repeats a group with +, * or {n,}, which can run for ever on some texts: repeat single characters or classes instead ("\\\\d+", "[A-Z]*")';
  return undefined;
}

export function compileTicketText(fields: {
  ticketParts?: Record<string, string>;
  ticketFormat?: string;
  ticketRewrite?: TicketRewrite;
  placeholders?: string[];
}): TicketText {
  const format = fields.ticketFormat === undefined ? undefined : parseTicketFormat(fields.ticketFormat);
  const replacement = fields.ticketRewrite === undefined ? undefined : parseTicketFormat(fields.ticketRewrite.replacement);
  return {
    parts: fields.ticketParts,
    format: format?.ok ? format.pieces : undefined,
    rewrite: fields.ticketRewrite && replacement?.ok ? { pattern: new RegExp(fields.ticketRewrite.pattern), replacement: replacement.pieces } : undefined,
    placeholders: new Set(fields.placeholders ?? DEFAULT_PLACEHOLDERS),
  };
}

/** A placeholder: null, or a text or number the hall listed as "nothing yet" (compared trimmed). */
export function isPlaceholder(value: unknown, text: TicketText): boolean {
  if (value === null) return true;
  return (typeof value === 'string' || typeof value === 'number') && text.placeholders.has(String(value).trim());
}

/**
 * The ticket of one vendor event: composed from parts or read at `ticketPath`, then rewritten.
 * Anything not text is passed on unchanged for the event parser to name.
 */
export function readTicket(item: unknown, ticketPath: string | undefined, text: TicketText): TicketTextResult {
  let ticket: unknown;
  if (text.format !== undefined && text.parts !== undefined) {
    const composed = compose(item, text.format, text.parts, text);
    if (!('ok' in composed) || !composed.ok) return composed;
    ticket = composed.ticket;
  } else {
    ticket = ticketPath === undefined ? undefined : readVendorPath(item, ticketPath);
    if (isPlaceholder(ticket, text)) return { placeholder: true };
  }
  if (text.rewrite === undefined || typeof ticket !== 'string') return { ok: true, ticket };
  return rewrite(ticket, text.rewrite.pattern, text.rewrite.replacement);
}

/** A snapshot's ticket value (serving, a ticket in the list) through the rewrite, placeholders as null. */
export function ticketValue(value: unknown, text: TicketText): unknown {
  if (isPlaceholder(value, text)) return null;
  // A bare number (23) becomes a ticket only through a rewrite ("^(\\d+)$" → "A{1:03}").
  const raw = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (text.rewrite === undefined || typeof raw !== 'string') return value;
  const rewritten = rewrite(raw, text.rewrite.pattern, text.rewrite.replacement);
  return 'ok' in rewritten && rewritten.ok ? rewritten.ticket : value;
}

function compose(item: unknown, pieces: FormatPiece[], parts: Record<string, string>, text: TicketText): TicketTextResult {
  let out = '';
  for (const piece of pieces) {
    if ('literal' in piece) {
      out += piece.literal;
      continue;
    }
    const path = parts[piece.part]!;
    const value = readVendorPath(item, path);
    if (isPlaceholder(value, text)) return { placeholder: true };
    if (value === undefined) return { ok: false, error: `ticket part "${piece.part}" is missing (vendor field "${path}")` };
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { ok: false, error: `ticket part "${piece.part}" must be text or a number, got ${describeVendorValue(value)} (vendor field "${path}")` };
    }
    out += padded(String(value).trim(), piece.width);
  }
  return { ok: true, ticket: out };
}

function rewrite(ticket: string, pattern: RegExp, replacement: FormatPiece[]): TicketTextResult {
  if (ticket.length > MAX_TICKET_TEXT) return { ok: false, error: `ticket ${describeVendorValue(ticket)} is over ${MAX_TICKET_TEXT} characters` };
  const match = pattern.exec(ticket);
  // A ticket the pattern does not describe is left as it is: it may already be ours.
  if (match === null) return { ok: true, ticket };
  let out = '';
  for (const piece of replacement) {
    if ('literal' in piece) out += piece.literal;
    else out += padded((/^\d$/.test(piece.part) ? match[Number(piece.part)] : match.groups?.[piece.part]) ?? '', piece.width);
  }
  return { ok: true, ticket: out };
}

/** Zero-pads digits to `width`; text that is not digits is left alone (the parser names it). */
function padded(value: string, width: number): string {
  return width > 0 && /^\d+$/.test(value) ? value.padStart(width, '0') : value;
}
