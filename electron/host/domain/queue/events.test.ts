import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseQueueEvent, parseQueueEvents, type QueueEvent } from './events.js';
import schema from './queue-event.schema.json' with { type: 'json' };

const AT = Date.UTC(2026, 11, 1, 1, 0); // 09:00 in Shanghai

function ok(raw: unknown): QueueEvent {
  const parsed = parseQueueEvent(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.event;
}

function error(raw: unknown): string {
  const parsed = parseQueueEvent(raw);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return parsed.error;
}

const valid: Record<string, unknown> = {
  'ticket.issued': { type: 'ticket.issued', seq: 1, at: AT, ticket: 'A023', service: 'A' },
  'ticket.called': { type: 'ticket.called', seq: 2, at: AT, ticket: 'A023', counter: 3 },
  'ticket.recalled': { type: 'ticket.recalled', seq: 3, at: AT, ticket: 'A023', counter: 3 },
  'ticket.served': { type: 'ticket.served', seq: 4, at: AT, ticket: 'A023', counter: 3 },
  'ticket.noshow': { type: 'ticket.noshow', seq: 5, at: AT, ticket: 'V7' },
  'counter.opened': { type: 'counter.opened', seq: 6, at: AT, counter: 6, services: ['A', 'V'] },
  'counter.closed': { type: 'counter.closed', seq: 7, at: AT, counter: 6 },
  snapshot: {
    type: 'snapshot',
    seq: 8,
    at: AT,
    counters: [{ counter: 1, open: true, serving: 'A020' }, { counter: 2, open: false, serving: null }],
    tickets: [
      { ticket: 'A020', service: 'A', state: 'called', issuedAt: AT - 600_000, calledAt: AT - 60_000, counter: 1 },
      { ticket: 'A021', service: 'A', state: 'waiting', issuedAt: AT - 300_000 },
    ],
  },
};

describe('parseQueueEvent', () => {
  it.each(Object.entries(valid))('accepts %s exactly as given', (_type, raw) => {
    expect(ok(raw)).toEqual(raw);
  });

  it('normalises ticket and service ids to upper case', () => {
    expect(ok({ type: 'ticket.issued', seq: 1, at: AT, ticket: 'v07', service: 'v' })).toMatchObject({ ticket: 'V07', service: 'V' });
    expect(ok({ type: 'counter.opened', seq: 1, at: AT, counter: 6, services: ['a', 'V', 'A'] })).toMatchObject({ services: ['A', 'V'] });
  });

  it('converts ISO-8601 times with an offset to epoch ms', () => {
    expect(ok({ type: 'ticket.noshow', seq: 0, at: '2026-12-01T09:00:00+08:00', ticket: 'A1' }).at).toBe(AT);
    expect(ok({ type: 'ticket.noshow', seq: 0, at: '2026-12-01T01:00:00.250Z', ticket: 'A1' }).at).toBe(AT + 250);
    expect(ok({ type: 'ticket.noshow', seq: 0, at: '2026-12-01T09:00+0800', ticket: 'A1' }).at).toBe(AT);
  });

  it('refuses times without an offset or on dates that do not exist', () => {
    expect(error({ type: 'ticket.noshow', seq: 0, at: '2026-12-01T09:00:00', ticket: 'A1' })).toMatch(/^ticket.noshow: "at" must be epoch milliseconds or an ISO-8601 time with offset/);
    expect(error({ type: 'ticket.noshow', seq: 0, at: '2026-02-30T09:00:00Z', ticket: 'A1' })).toContain('got "2026-02-30T09:00:00Z"');
  });

  it('names the field and the fix', () => {
    expect(error({ ...(valid['ticket.called'] as object), counter: -1 })).toBe('ticket.called: "counter" must be an integer 1–999, got -1');
    expect(error({ ...(valid['ticket.called'] as object), counter: 1000 })).toBe('ticket.called: "counter" must be an integer 1–999, got 1000');
    expect(error({ ...(valid['ticket.called'] as object), counter: 2.5 })).toBe('ticket.called: "counter" must be an integer 1–999, got 2.5');
    expect(error({ ...(valid['ticket.called'] as object), seq: '5' })).toBe(
      'ticket.called: "seq" must be a non-negative integer, got "5" (a string: send it as a JSON number)',
    );
    expect(error({ ...(valid['ticket.called'] as object), seq: -1 })).toBe('ticket.called: "seq" must be a non-negative integer, got -1');
    expect(error({ ...(valid['ticket.called'] as object), seq: 2 ** 53 })).toMatch(/"seq" must be a non-negative integer/);
  });

  it('reports missing fields as required', () => {
    expect(error({ type: 'ticket.called', seq: 1, at: AT, ticket: 'A1' })).toBe('ticket.called: "counter" is required: an integer 1–999');
    expect(error({ type: 'ticket.issued', seq: 1, ticket: 'A1', service: 'A' })).toMatch(/^ticket.issued: "at" is required/);
  });

  it('rejects malformed ticket ids, showing long ones shortened', () => {
    for (const ticket of ['A-0/23', 'A', '023', 'ABCD1', 'A12345', ' A1', 'Ä1', 42]) {
      expect(error({ type: 'ticket.noshow', seq: 1, at: AT, ticket })).toMatch(/^ticket.noshow: "ticket" must be a ticket id: 1–3 letters then 1–4 digits/);
    }
    expect(error({ type: 'ticket.noshow', seq: 1, at: AT, ticket: 'A'.repeat(40) })).toBe(
      'ticket.noshow: "ticket" must be a ticket id: 1–3 letters then 1–4 digits ("A023"), got "AAAAAAAAAAAAAAAAAAAA"… (40 characters)',
    );
  });

  it('wants the service of an issue to be the ticket letters', () => {
    expect(error({ type: 'ticket.issued', seq: 1, at: AT, ticket: 'A023', service: 'B' })).toBe(
      'ticket.issued: "service" must be the ticket\'s letters ("A" for "A023"), got "B"',
    );
  });

  it('rejects what is not an event', () => {
    expect(error(null)).toBe('event must be a JSON object, got null');
    expect(error('ticket.called')).toBe('event must be a JSON object, got "ticket.called"');
    expect(error({ type: 'ticket.eaten', seq: 1, at: AT })).toMatch(/^event: "type" must be one of ticket.issued, .*snapshot, got "ticket.eaten"$/);
    expect(error({ seq: 1 })).toMatch(/got undefined$/);
  });

  it('checks snapshots item by item, with the path of the bad item', () => {
    const snap = valid.snapshot as { tickets: object[]; counters: object[] };
    expect(error({ ...snap, tickets: [...snap.tickets, { ticket: 'A22', service: 'A', state: 'lost', issuedAt: AT }] })).toBe(
      'snapshot: "tickets[2].state" must be one of waiting, called, served, noshow, got "lost"',
    );
    expect(error({ ...snap, tickets: [{ ticket: 'A22', service: 'A', state: 'called', issuedAt: AT }] })).toBe(
      'snapshot: "tickets[0].counter" is required: an integer 1–999',
    );
    expect(error({ ...snap, counters: [{ counter: 1, open: 'yes' }] })).toBe('snapshot: "counters[0].open" must be true or false, got "yes"');
    expect(error({ ...snap, counters: [7] })).toBe('snapshot: "counters[0]" must be an object, got 7');
    expect(ok({ ...snap, counters: [{ counter: 1, open: true }] })).toMatchObject({ counters: [{ counter: 1, open: true, serving: null }] });
  });
});

describe('parseQueueEvents', () => {
  it('takes one event or an array, keeping the good ones and naming bad ones by index', () => {
    expect(parseQueueEvents(valid['ticket.called'], 10)).toEqual({ events: [valid['ticket.called']], errors: [] });
    const batch = [valid['ticket.issued'], valid['ticket.called'], { type: 'ticket.called', seq: 3, at: AT, ticket: 'A023', counter: -1 }, 'x'];
    expect(parseQueueEvents(batch, 10)).toEqual({
      events: [valid['ticket.issued'], valid['ticket.called']],
      errors: ['[2] ticket.called: "counter" must be an integer 1–999, got -1', '[3] event must be a JSON object, got "x"'],
    });
    expect(parseQueueEvents({}, 10).errors).toEqual(['event: "type" must be one of ticket.issued, ticket.called, ticket.recalled, ticket.served, ticket.noshow, counter.opened, counter.closed, snapshot, got undefined']);
  });

  it('refuses an array over the limit as a whole', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ type: 'ticket.noshow', seq: i, at: AT, ticket: 'A1' }));
    expect(parseQueueEvents(many, 10_000)).toEqual({ events: [], errors: ['batch of 10001 events is over the limit of 10000: send at most 10000 per batch'] });
    expect(parseQueueEvents(many.slice(1), 10_000).events).toHaveLength(10_000);
  });
});

describe('queue-event.schema.json', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

  it('accepts every valid example', () => {
    for (const raw of Object.values(valid)) expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ type: 'ticket.noshow', seq: 0, at: '2026-12-01T09:00:00+08:00', ticket: 'a1' })).toBe(true);
  });

  it('refuses what the parser refuses', () => {
    const bad = [
      { ...(valid['ticket.called'] as object), counter: -1 },
      { ...(valid['ticket.called'] as object), seq: '5' },
      { type: 'ticket.noshow', seq: 1, at: AT, ticket: 'A-0/23' },
      { type: 'ticket.noshow', seq: 1, at: '2026-12-01T09:00:00', ticket: 'A1' },
      { type: 'ticket.called', seq: 1, at: AT, ticket: 'A1' },
      { type: 'snapshot', seq: 1, at: AT, counters: [], tickets: [{ ticket: 'A22', service: 'A', state: 'called', issuedAt: AT }] },
      { type: 'counter.opened', seq: 1, at: AT, counter: 1, services: [] },
    ];
    for (const raw of bad) {
      expect(validate(raw), JSON.stringify(raw)).toBe(false);
      expect(parseQueueEvent(raw).ok, JSON.stringify(raw)).toBe(false);
    }
  });
});
