import { describe, expect, it } from 'vitest';
import type { CompiledMapping } from './compiled-mapping.js';
import { compileFieldMapping, mapMessage } from './field-mapping.js';
import type { FieldMapping } from '../../../contract/feed-config.js';
import { MessageIntake } from '../../services/queue-feeds/message-intake.js';
import { mapSnapshot } from './snapshot-mapping.js';
import { readVendorPath } from './vendor-path.js';

const RECEIVED = Date.UTC(2026, 11, 1, 2, 30); // 10:30 in Shanghai

function compiled(mapping: FieldMapping): CompiledMapping {
  const result = compileFieldMapping(mapping);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.mapping;
}

/** The README's worked example: a typical Chinese queue system's WebSocket messages. */
const VENDOR: FieldMapping = {
  type: 'cmd',
  types: { CALL: 'ticket.called', RECALL: 'ticket.recalled', TAKE: 'ticket.issued', FINISH: 'ticket.served', PASS: 'ticket.noshow', HEARTBEAT: null },
  seq: 'data.serialNo',
  ticket: 'data.ticketNo',
  counter: 'data.windowNo',
  at: 'data.time',
  timeFormat: 'local',
  timezone: '+08:00',
};

describe('mapMessage with a vendor mapping', () => {
  const mapping = compiled(VENDOR);

  it('maps a call with a local time, a string serial and a zero-padded window', () => {
    const message = { cmd: 'CALL', data: { ticketNo: 'A023', windowNo: '05', time: '2026-12-01 10:17:03', serialNo: '1024' } };
    expect(mapMessage(message, mapping, RECEIVED)).toEqual({
      events: [{ type: 'ticket.called', seq: 1024, at: Date.UTC(2026, 11, 1, 2, 17, 3), ticket: 'A023', counter: 5 }],
      problems: [],
      ignored: 0,
    });
  });

  it('takes the service of an issued ticket from its letters', () => {
    const message = { cmd: 'TAKE', data: { ticketNo: 'b007', time: '2026/12/1 9:05', serialNo: 7 } };
    expect(mapMessage(message, mapping, RECEIVED).events).toEqual([
      { type: 'ticket.issued', seq: 7, at: Date.UTC(2026, 11, 1, 1, 5), ticket: 'B007', service: 'B' },
    ]);
  });

  it('ignores vendor types mapped to null', () => {
    expect(mapMessage({ cmd: 'HEARTBEAT' }, mapping, RECEIVED)).toEqual({ events: [], problems: [], ignored: 1 });
  });

  it('names a vendor type the mapping does not know, and how to fix it', () => {
    expect(mapMessage({ cmd: 'AD', data: {} }, mapping, RECEIVED).problems).toEqual([
      { index: null, error: 'vendor type "AD" (from "cmd") is not in mapping.types: add it, or map it to null to ignore such messages' },
    ]);
  });

  it('passes the parser\'s complaint through with the vendor field behind it', () => {
    const message = { cmd: 'CALL', data: { ticketNo: '023', windowNo: '05', time: '2026-12-01 10:17:03', serialNo: 9 } };
    expect(mapMessage(message, mapping, RECEIVED).problems).toEqual([
      { index: null, error: 'ticket.called: "ticket" must be a ticket id: 1–3 letters then 1–4 digits ("A023"), got "023" (a string: send it as a JSON number) (vendor field "data.ticketNo")' },
    ]);
  });

  it('says what a local time should look like', () => {
    const message = { cmd: 'CALL', data: { ticketNo: 'A023', windowNo: '05', time: '10:17:03', serialNo: 9 } };
    expect(mapMessage(message, mapping, RECEIVED).problems[0]!.error).toBe(
      'ticket.called: "at" must be a local time like "2026-12-01 10:17:03" (mapping.timeFormat is "local"), got "10:17:03" (vendor field "data.time")',
    );
  });

  it('rejects an impossible local date in the vendor\'s own words', () => {
    const message = { cmd: 'CALL', data: { ticketNo: 'A023', windowNo: '05', time: '2026-02-30 10:17:03', serialNo: 9 } };
    expect(mapMessage(message, mapping, RECEIVED).problems[0]!.error).toBe(
      'ticket.called: "at" "2026-02-30 10:17:03" is not a real date and time (vendor field "data.time")',
    );
  });
});

describe('mapMessage with a list of events', () => {
  const mapping = compiled({
    events: 'data.items',
    type: 'kind',
    types: { CALL: 'ticket.called', OPEN: 'counter.opened' },
    seq: 'id',
    at: 'ts',
    timeFormat: 'epoch-seconds',
    ticket: 'payload.number',
    counter: 'payload.window',
    services: 'payload.queues',
    counterPattern: '(\\d+)',
  });

  it('maps each item, converting epoch seconds and counter names', () => {
    const message = {
      code: 0,
      data: {
        items: [
          { id: 41, kind: 'OPEN', ts: 1764554400, payload: { window: '窗口3', queues: 'A,V' } },
          { id: 42, kind: 'CALL', ts: '1764555423', payload: { number: 'A023', window: '窗口12' } },
        ],
      },
    };
    expect(mapMessage(message, mapping, RECEIVED).events).toEqual([
      { type: 'counter.opened', seq: 41, at: 1764554400_000, counter: 3, services: ['A', 'V'] },
      { type: 'ticket.called', seq: 42, at: 1764555423_000, ticket: 'A023', counter: 12 },
    ]);
  });

  it('keeps the good events of a list and reports the bad ones by index', () => {
    const message = {
      data: {
        items: [
          { id: 1, kind: 'CALL', ts: 1764555423, payload: { number: 'A023', window: '窗口' } },
          { id: 2, kind: 'CALL', ts: 1764555423, payload: { number: 'A024', window: 5 } },
          { id: 3, kind: 'CALL', ts: 1764555423, payload: { number: 'A025', window: 1000 } },
        ],
      },
    };
    const result = mapMessage(message, mapping, RECEIVED);
    expect(result.events.map((e) => e.seq)).toEqual([2]);
    expect(result.problems).toEqual([
      { index: 0, error: 'ticket.called: "counter" "窗口" does not match mapping.counterPattern /(\\d+)/ (its first group must be the counter\'s digits) (vendor field "payload.window")' },
      { index: 2, error: 'ticket.called: "counter" must be an integer 1–999, got 1000 (vendor field "payload.window")' },
    ]);
  });

  it('reports a message without the list', () => {
    expect(mapMessage({ code: 500, msg: '系统繁忙' }, mapping, RECEIVED).problems).toEqual([
      { index: null, error: 'mapping.events "data.items" is not a list in this message (found nothing)' },
    ]);
  });

  it('refuses a message over the events limit', () => {
    const items = Array.from({ length: 10_001 }, () => ({}));
    expect(mapMessage({ data: { items } }, mapping, RECEIVED).problems[0]!.error).toBe(
      '10001 events in one message, over the limit of 10000: point the feed at recent events only',
    );
  });
});

describe('mapMessage without a mapping', () => {
  it('reads our own schema, one event or a list', () => {
    const called = { type: 'ticket.called', seq: 5, at: '2026-12-01T10:17:03+08:00', ticket: 'A023', counter: 5 };
    expect(mapMessage(called, undefined, RECEIVED).events).toEqual([{ ...called, at: Date.UTC(2026, 11, 1, 2, 17, 3) }]);
    const list = mapMessage([called, { ...called, seq: 6, counter: '5' }], undefined, RECEIVED);
    expect(list.events).toHaveLength(1);
    expect(list.problems).toEqual([{ index: 1, error: 'ticket.called: "counter" must be an integer 1–999, got "5" (a string: send it as a JSON number)' }]);
  });
});

describe('numbering on arrival', () => {
  it('leaves seq to the intake when the vendor has no serial number, and stamps only delivered events', () => {
    const mapping = compiled({ type: 'cmd', types: { CALL: 'ticket.called' }, ticket: 'no', counter: 'win' });
    const intake = new MessageIntake('sse http://vendor/q', mapping, () => RECEIVED);
    const first = intake.text('{"cmd":"CALL","no":"A001","win":1}');
    expect(first.events).toEqual([{ type: 'ticket.called', seq: 0, at: RECEIVED, ticket: 'A001', counter: 1 }]);
    expect(intake.number(first.events).map((e) => e.seq)).toEqual([1]);
    expect(intake.number(intake.text('[{"cmd":"CALL","no":"A002","win":1},{"cmd":"CALL","no":"A003","win":2}]').events).map((e) => e.seq)).toEqual([2, 3]);
    const snapshot = { type: 'snapshot' as const, seq: 0, at: RECEIVED, counters: [], tickets: [] };
    expect(intake.numberSnapshot(snapshot).seq).toBe(3);
  });
});

describe('MessageIntake problems', () => {
  const intake = new MessageIntake('websocket ws://vendor/q', compiled(VENDOR), () => RECEIVED);

  it('names the message and event of each problem', () => {
    intake.text('{"cmd":"HEARTBEAT"}');
    expect(intake.text('ping').problems).toEqual([
      { key: 'not JSON', message: 'websocket ws://vendor/q: message 2 is not JSON: "ping" (the queue system must send one JSON message per event)' },
    ]);
    expect(intake.text('[{"cmd":"HEARTBEAT"},{"cmd":"NEW"}]').problems).toEqual([
      {
        key: 'vendor type "NEW" (from "cmd") is not in mapping.types: add it, or map it to null to ignore such messages',
        message: 'websocket ws://vendor/q: message 3, event [1]: vendor type "NEW" (from "cmd") is not in mapping.types: add it, or map it to null to ignore such messages',
      },
    ]);
  });
});

describe('mapSnapshot', () => {
  const ours = {
    type: 'snapshot',
    seq: 40,
    at: RECEIVED,
    counters: [{ counter: 1, open: true, serving: 'A020' }],
    tickets: [{ ticket: 'A020', service: 'A', state: 'called', issuedAt: RECEIVED - 600_000, counter: 1 }],
  };

  it('reads our own snapshot as it is', () => {
    expect(mapSnapshot(ours, undefined, RECEIVED)).toEqual({ ok: true, event: ours });
  });

  it('refuses an event that is not a snapshot', () => {
    expect(mapSnapshot({ ...ours, type: 'counter.closed', counter: 1 }, undefined, RECEIVED)).toEqual({
      ok: false,
      error: 'expected a snapshot event, got counter.closed (or set mapping.snapshot)',
    });
  });

  const vendorState = compiled({
    ...VENDOR,
    snapshot: {
      seq: 'data.lastSerial',
      at: 'data.time',
      counters: 'data.windows',
      counter: { counter: 'no', open: 'status', serving: 'current' },
      tickets: 'data.queue',
      ticket: { ticket: 'ticketNo', state: 'status', issuedAt: 'takeTime', counter: 'windowNo' },
      states: { '0': 'waiting', '1': 'called' },
    },
  });

  it('maps a vendor state: lists, paths, states, open flags, local times', () => {
    const state = {
      data: {
        lastSerial: '1024',
        time: '2026-12-01 10:30:00',
        windows: [
          { no: '01', status: 1, current: 'A020' },
          { no: '02', status: 0, current: '' },
        ],
        queue: [
          { ticketNo: 'A020', status: 1, takeTime: '2026-12-01 10:05:00', windowNo: '01' },
          { ticketNo: 'A021', status: '0', takeTime: '2026-12-01 10:06:30', windowNo: '' },
        ],
      },
    };
    expect(mapSnapshot(state, vendorState, RECEIVED)).toEqual({
      ok: true,
      event: {
        type: 'snapshot',
        seq: 1024,
        at: RECEIVED,
        counters: [
          { counter: 1, open: true, serving: 'A020' },
          { counter: 2, open: false, serving: null },
        ],
        tickets: [
          { ticket: 'A020', service: 'A', state: 'called', issuedAt: Date.UTC(2026, 11, 1, 2, 5), counter: 1 },
          { ticket: 'A021', service: 'A', state: 'waiting', issuedAt: Date.UTC(2026, 11, 1, 2, 6, 30) },
        ],
      },
    });
  });

  it('names a vendor ticket state the mapping does not know', () => {
    const state = { data: { lastSerial: 1, time: '2026-12-01 10:30:00', windows: [], queue: [{ ticketNo: 'A020', status: 9, takeTime: '2026-12-01 10:05:00' }] } };
    expect(mapSnapshot(state, vendorState, RECEIVED)).toEqual({
      ok: false,
      error: 'snapshot: vendor ticket state 9 (from "status") is not in mapping.snapshot.states: add it',
    });
  });

  it('passes the parser\'s complaint about an item through with its place', () => {
    const state = { data: { lastSerial: 1, time: '2026-12-01 10:30:00', windows: [], queue: [{ ticketNo: 'A020', status: 1, takeTime: '2026-12-01 10:05:00' }] } };
    expect(mapSnapshot(state, vendorState, RECEIVED)).toEqual({ ok: false, error: 'snapshot: "tickets[0].counter" is required: an integer 1–999' });
  });

  it('maps a state message inside the stream through types', () => {
    const mapping = compiled({ type: 'cmd', types: { STATE: 'snapshot' }, snapshot: { counters: 'windows' } });
    expect(mapMessage({ cmd: 'STATE', windows: [{ counter: 4 }] }, mapping, RECEIVED).events).toEqual([
      { type: 'snapshot', seq: 0, at: RECEIVED, counters: [{ counter: 4, open: true, serving: null }], tickets: [] },
    ]);
  });
});

describe('compileFieldMapping', () => {
  it('lists every problem of a mapping, naming the setting', () => {
    const result = compileFieldMapping({
      ticket: 'data..no',
      types: { CALL: 'called' as never, STATE: 'snapshot' },
      timeFormat: 'local',
      timezone: 'Asia/Shanghai',
      counterPattern: '\\d+',
      tikcet: 'x',
    } as FieldMapping);
    expect(result).toEqual({
      ok: false,
      errors: [
        'mapping.tikcet is not a setting (known: events, type, seq, at, ticket, counter, service, services, types, constants, timeFormat, timezone, counterPattern, snapshot, ticketParts, ticketFormat, ticketRewrite, placeholders, openCountersOnCall)',
        'mapping.ticket must be a dotted path like "data.items", got "data..no"',
        'mapping.types["CALL"] must be one of ticket.issued, ticket.called, ticket.recalled, ticket.served, ticket.noshow, counter.opened, counter.closed, snapshot or null, got "called"',
        'mapping.types["STATE"] is "snapshot": add mapping.snapshot to say where its counters and tickets are',
        'mapping needs "type" (the path of the vendor\'s event type) or constants.type',
        'mapping.timezone must be a UTC offset like "+08:00" (China Standard Time is +08:00 all year), got "Asia/Shanghai"',
        'mapping.counterPattern needs a group around the counter\'s digits, like "(\\\\d+)", got "\\\\d+"',
      ],
    });
  });

  it('insists that events and snapshots take their seq from the same place', () => {
    expect(compileFieldMapping({ type: 'cmd', seq: 'id', snapshot: {} })).toEqual({
      ok: false,
      errors: ['mapping.snapshot.seq is needed when mapping.seq is set: the board uses it to tell which events the snapshot already reflects'],
    });
    expect(compileFieldMapping({ type: 'cmd', timeFormat: 'local' }).ok).toBe(false);
    expect(compileFieldMapping({ constants: { type: 'ticket.called' }, counterPattern: '窗口(\\d+)' }).ok).toBe(true);
  });
});

describe('readVendorPath', () => {
  it('walks objects and arrays, and never reads a prototype', () => {
    expect(readVendorPath({ a: [{ b: 1 }, { b: 2 }] }, 'a.1.b')).toBe(2);
    expect(readVendorPath({ a: [] }, 'a.x')).toBeUndefined();
    expect(readVendorPath({}, 'constructor')).toBeUndefined();
    expect(readVendorPath({ a: 1 }, 'a.b')).toBeUndefined();
  });
});
