/**
 * A JSON file kept with its syntax tree, so every finding can name the line and column of the value
 * it is about, not only syntax errors.
 */
import { findNodeAtLocation, getLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../../../contract/diagnostic.js';

export type JsonPath = (string | number)[];

export class JsonSource {
  private readonly lineStarts: number[];

  private constructor(
    /** As printed in diagnostics: relative to the folder being checked, forward slashes. */
    readonly name: string,
    readonly text: string,
    readonly root: Node | undefined,
    readonly value: unknown,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Parses strict JSON; syntax errors and duplicate keys are added to `out`. Null when unusable. */
  static parse(name: string, text: string, out: Diagnostic[]): JsonSource | null {
    const errors: ParseError[] = [];
    const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text; // keep offsets after a BOM
    const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const source = new JsonSource(name, body, root, root ? getNodeValue(root) : undefined);
    for (const error of errors) {
      out.push(source.diagnosticAtOffset(error.offset, 'error', syntaxMessage(error)));
    }
    if (errors.length > 0 || !root) return null;
    source.reportDuplicateKeys(root, out);
    return source;
  }

  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo]! + 1 };
  }

  /** The node at `path`, or its nearest existing ancestor. */
  nodeAt(path: JsonPath): Node | undefined {
    if (!this.root) return undefined;
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.root, path.slice(0, n));
      if (node) return node;
    }
    return this.root;
  }

  /** Where a finding about the value at `path` points; `key: true` points at the property name. */
  at(path: JsonPath, severity: Diagnostic['severity'], message: string, options: { key?: boolean } = {}): Diagnostic {
    const node = this.nodeAt(path);
    const target = options.key && node?.parent?.type === 'property' ? node.parent.children?.[0] : node;
    return { ...this.diagnosticAtOffset(target?.offset ?? 0, severity, message), pointer: jsonPointer(path) };
  }

  /** A finding at a place in the text; its pointer is the value or key the place is in. */
  diagnosticAtOffset(offset: number, severity: Diagnostic['severity'], message: string): Diagnostic {
    const { line, col } = this.position(offset);
    return { file: this.name, line, col, severity, message, pointer: jsonPointer(getLocation(this.text, offset).path) };
  }

  private reportDuplicateKeys(node: Node, out: Diagnostic[]): void {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = String(key.value);
        if (seen.has(name)) {
          out.push(
            this.diagnosticAtOffset(key.offset, 'error', `duplicate key "${name}": only the last one would count; remove one of them`),
          );
        }
        seen.add(name);
      }
    }
    for (const child of node.children ?? []) this.reportDuplicateKeys(child, out);
  }
}

/** RFC 6901: `["items", 2, "duration"]` → `/items/2/duration`, with `~` and `/` escaped in keys. */
export function jsonPointer(path: JsonPath): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function syntaxMessage(error: ParseError): string {
  const hints: Record<string, string> = {
    InvalidCommentToken: 'JSON has no comments; remove it',
    CommaExpected: 'a comma is missing between two values',
    PropertyNameExpected: 'a property name in double quotes is expected (a trailing comma before } ?)',
    ValueExpected: 'a value is expected (a trailing comma before ] or } ?)',
    ColonExpected: 'a colon is missing after the property name',
    CloseBraceExpected: 'a closing } is missing',
    CloseBracketExpected: 'a closing ] is missing',
    EndOfFileExpected: 'extra text after the end of the JSON value; remove it',
    UnexpectedEndOfString: 'a string is not closed; add the closing "',
    UnexpectedEndOfComment: 'JSON has no comments; remove it',
    InvalidSymbol: 'this is not JSON (strings need double quotes, keys too)',
    InvalidNumberFormat: 'this number is not valid JSON',
    InvalidEscapeCharacter: 'invalid escape in a string; write \\\\ for a backslash',
    InvalidCharacter: 'a control character in a string; escape it (\\n, \\t)',
    InvalidUnicode: 'invalid \\u escape',
  };
  const code = printParseErrorCode(error.error);
  return `invalid JSON: ${hints[code] ?? code}`;
}
