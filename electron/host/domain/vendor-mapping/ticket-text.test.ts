import { describe, expect, it } from 'vitest';
import type { CompiledMapping } from './compiled-mapping.js';
import { compileFieldMapping, mapMessage } from './field-mapping.js';
import type { FieldMapping } from '../../../contract/feed-config.js';
import { mapSnapshot } from './snapshot-mapping.js';

const RECEIVED = Date.UTC(2026, 11, 1, 2, 30);

function compiled(mapping: FieldMapping): CompiledMapping {
  const result = compileFieldMapping(mapping);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.mapping;
}

function errorsOf(mapping: unknown): string[] {
  const result = compileFieldMapping(mapping as FieldMapping);
  return result.ok ? [] : result.errors;
}

const CALLS: FieldMapping = { constants: { type: 'ticket.called' }, counter: 'window' };

describe('a ticket composed from parts', () => {
  const mapping = compiled({ ...CALLS, ticketParts: { prefix: 'letter', number: 'no' }, ticketFormat: '{prefix}{number:03}' });

  it('pads the number part: "A" and 23 → A023', () => {
    expect(mapMessage({ letter: 'A', no: 23, window: 5 }, mapping, RECEIVED).events).toEqual([
      { type: 'ticket.called', seq: 0, at: RECEIVED, ticket: 'A023', counter: 5 },
    ]);
  });

  it('takes numeric strings and keeps wider numbers whole', () => {
    expect(mapMessage({ letter: 'B', no: '1234', window: 2 }, mapping, RECEIVED).events[0]).toMatchObject({ ticket: 'B1234' });
  });

  it('names a missing part and its vendor field', () => {
    expect(mapMessage({ letter: 'A', window: 5 }, mapping, RECEIVED).problems).toEqual([
      { index: null, error: 'ticket.called: ticket part "number" is missing (vendor field "no")' },
    ]);
  });

  it('ignores a placeholder part quietly', () => {
    expect(mapMessage({ letter: 'A', no: '----', window: 5 }, mapping, RECEIVED)).toEqual({ events: [], problems: [], ignored: 1 });
  });

  it('keeps literal text of the format: "Q{n:03}"', () => {
    const literal = compiled({ ...CALLS, ticketParts: { n: 'no' }, ticketFormat: 'Q{n:03}' });
    expect(mapMessage({ no: 7, window: 1 }, literal, RECEIVED).events[0]).toMatchObject({ ticket: 'Q007' });
  });
});

describe('a ticket rewrite', () => {
  const mapping = compiled({ ...CALLS, ticket: 'no', ticketRewrite: { pattern: '^([A-Z]) *(\\d+)$', replacement: '{1}{2:03}' } });

  it('rewrites "A 23" → A023 and leaves a ticket already ours alone', () => {
    expect(mapMessage({ no: 'A 23', window: 5 }, mapping, RECEIVED).events[0]).toMatchObject({ ticket: 'A023' });
    expect(mapMessage({ no: 'B100', window: 5 }, mapping, RECEIVED).events[0]).toMatchObject({ ticket: 'B100' });
  });

  it('refuses patterns that could backtrack for ever, back-references and broken ones, at load', () => {
    expect(errorsOf({ ...CALLS, ticket: 'no', ticketRewrite: { pattern: '^(a+)+$', replacement: '{1}' } })).toEqual([
      'mapping.ticketRewrite.pattern repeats a group with +, * or {n,}, which can run for ever on some texts: repeat single characters or classes instead ("\\\\d+", "[A-Z]*")',
    ]);
    expect(errorsOf({ ...CALLS, ticket: 'no', ticketRewrite: { pattern: '(a)\\1', replacement: '{1}' } })[0]).toMatch(/back-reference/);
    expect(errorsOf({ ...CALLS, ticket: 'no', ticketRewrite: { pattern: '([A-Z]', replacement: '{1}' } })[0]).toMatch(/^mapping\.ticketRewrite\.pattern is not a valid regular expression: /);
    expect(errorsOf({ ...CALLS, ticket: 'no', ticketRewrite: { pattern: 'x'.repeat(101), replacement: '{1}' } })[0]).toMatch(/over the limit of 100/);
  });

  it('refuses a format naming a part that has no path, and a ticket given twice', () => {
    expect(errorsOf({ ...CALLS, ticket: 'no', ticketParts: { n: 'no' }, ticketFormat: '{prefix}{n}' })).toEqual([
      'mapping.ticketFormat names {prefix}, which is not in mapping.ticketParts (known: n)',
      'mapping.ticket and mapping.ticketFormat both say where the ticket is: keep one',
    ]);
  });
});

describe('placeholders', () => {
  const mapping = compiled({ ...CALLS, ticket: 'no' });

  it('ignores "----", "暂无", "" and null quietly, but names a missing ticket', () => {
    for (const no of ['----', '暂无', '', null]) expect(mapMessage({ no, window: 5 }, mapping, RECEIVED)).toEqual({ events: [], problems: [], ignored: 1 });
    expect(mapMessage({ window: 5 }, mapping, RECEIVED).problems[0]!.error).toMatch(/"ticket"/);
  });

  it('takes the hall\'s own list instead of the default', () => {
    const own = compiled({ ...CALLS, ticketParts: { n: 'no' }, ticketFormat: 'W{n:03}', placeholders: ['0'] });
    expect(mapMessage({ no: 0, window: 5 }, own, RECEIVED).ignored).toBe(1);
    expect(mapMessage({ no: 3, window: 5 }, own, RECEIVED).events[0]).toMatchObject({ ticket: 'W003' });
  });

  it('serve nobody in a snapshot, and placeholder rows are left out', () => {
    const snap = compiled({
      ...CALLS,
      ticket: 'no',
      snapshot: { counters: 'windows', counter: { counter: 'no', serving: 'current' }, tickets: 'list', ticket: { ticket: 'no' } },
    });
    const mapped = mapSnapshot({ windows: [{ no: 1, current: '----' }], list: [{ no: '暂无' }, { no: 'A001' }] }, snap, RECEIVED);
    expect(mapped.ok && mapped.event).toMatchObject({ counters: [{ counter: 1, open: true, serving: null }], tickets: [{ ticket: 'A001' }] });
  });
});

describe('a one-window display view as a snapshot', () => {
  it('reads the window object as the one counter, and its bare number through the rewrite', () => {
    const view = compiled({
      ...CALLS,
      ticket: 'no',
      ticketRewrite: { pattern: '^(\\d+)$', replacement: 'A{1:03}' },
      placeholders: ['0'],
      snapshot: { counters: 'data', counter: { counter: 'window_name', serving: 'current_number', open: 'open' } },
      counterPattern: '(\\d+)',
    });
    const mapped = mapSnapshot({ ok: true, data: { window_name: '1号窗口', current_number: 23 } }, view, RECEIVED);
    expect(mapped.ok && mapped.event.counters).toEqual([{ counter: 1, open: true, serving: 'A023' }]);
    const none = mapSnapshot({ ok: true, data: { window_name: '1号窗口', current_number: 0 } }, view, RECEIVED);
    expect(none.ok && none.event.counters).toEqual([{ counter: 1, open: true, serving: null }]);
  });
});

describe('openCountersOnCall', () => {
  it('is on for call-only mappings and off when the vendor reports counters', () => {
    expect(compiled({ ...CALLS, ticket: 'no' }).openCountersOnCall).toBe(true);
    expect(compiled({ type: 'cmd', types: { CALL: 'ticket.called', OPEN: 'counter.opened' }, ticket: 'no' }).openCountersOnCall).toBe(false);
    expect(compiled({ type: 'cmd', types: { CALL: 'ticket.called', OPEN: 'counter.opened' }, ticket: 'no', openCountersOnCall: true }).openCountersOnCall).toBe(true);
  });
});
