import { describe, expect, it } from 'vitest';
import type { AnnounceMessage, DisplayState, FromDisplay, QueueBoardState, ToDisplay } from '../../contract/messages.js';
import type { EmergencyView } from '../../contract/emergency.js';
import { createHealth } from '../domain/health/health.js';
import { FakeTime } from '../fake-time.test-support.js';
import type { AnnounceSend } from '../services/pa-desk/display-roster.js';
import { openDisplaySession, watchHost, type DisplaySessionOptions, type SessionHost } from './display-session.js';

const hello = { type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 'x' } };
const report = (i: number) => ({ type: 'report', report: { event: 'ended', programme: 'p', item: `p#${i}`, url: null, at: i } });
const heartbeat = { type: 'heartbeat', heartbeat: { at: 0, programme: null, item: null, position: null } };
const state = (seq: number) => ({ seq }) as DisplayState;
const evacuation = (id: string): EmergencyView => ({ id, level: 'evacuate', lines: [{ lang: 'zh-CN', text: '请立即疏散' }], template: null, raisedAt: 0 });

function fakeHost() {
  const time = new FakeTime('2026-12-01T02:00:00Z');
  const states = new Set<(s: DisplayState) => void>();
  const boards = new Set<(b: QueueBoardState | null) => void>();
  const emergencies = new Set<(e: EmergencyView | null) => void>();
  let emergency: EmergencyView | null = null;
  const received: { message: FromDisplay; display: string }[] = [];
  const speakers = new Map<string, AnnounceSend>();
  const gone: string[] = [];
  let attached = 0;
  let current = state(1);
  const host: SessionHost = {
    clock: time,
    timers: time.timers,
    state: () => current,
    subscribe: (l) => (states.add(l), () => void states.delete(l)),
    queue: { board: () => null, subscribe: (l: (b: QueueBoardState | null) => void) => (boards.add(l), () => void boards.delete(l)) } as unknown as SessionHost['queue'],
    emergency: { current: () => emergency, subscribe: (l) => (emergencies.add(l), () => void emergencies.delete(l)) },
    receive: (message, display) => void received.push({ message, display }),
    lost: (display, why) => void gone.push(`lost ${display}: ${why}`),
    disconnect: (display, why) => void gone.push(`disconnected ${display}: ${why}`),
    attachSpeaker(display, send) {
      attached++;
      speakers.set(display, send);
      return () => void speakers.delete(display);
    },
    health: createHealth({ now: time.now, log: { info: () => undefined, warn: () => undefined } }),
  };
  const publish = (s: DisplayState): void => {
    current = s;
    for (const l of states) l(s);
  };
  const raise = (e: EmergencyView | null): void => {
    emergency = e;
    for (const l of emergencies) l(e);
  };
  return { host, time, received, speakers, gone, publish, raise, attached: () => attached, listening: () => states.size + boards.size + emergencies.size };
}

function open(link: DisplaySessionOptions['link']) {
  const fake = fakeHost();
  const sent: ToDisplay[] = [];
  let overdue = 0;
  const session = openDisplaySession({ host: fake.host, display: 'd1', link, send: (m) => sent.push(m), helloOverdue: () => overdue++ });
  const kinds = () => sent.map((m) => (m.type === 'state' ? `state ${m.state.seq}` : m.type === 'emergency' ? `emergency ${m.emergency?.id ?? 'none'}` : m.type));
  const dropped = () => fake.host.health.view().classes['dropped-reports'];
  return { ...fake, session, sent, kinds, dropped, overdue: () => overdue };
}

describe('a socket\'s display session', () => {
  it('sends the state and board at once, its own state on the hello (who it is, its screen), and on every change', () => {
    const { session, publish, kinds, host } = open('socket');
    const asked: (string | undefined)[] = [];
    const state0 = host.state;
    host.state = (display) => (asked.push(display), state0(display));
    expect(kinds()).toStrictEqual(['state 1', 'queue', 'emergency none']);
    session.admit(hello);
    expect(kinds()).toStrictEqual(['state 1', 'queue', 'emergency none', 'state 1']);
    publish(state(2));
    expect(kinds()).toStrictEqual(['state 1', 'queue', 'emergency none', 'state 1', 'state 2']);
    // Each time for this session's display, not an unassigned one's.
    expect(asked).toStrictEqual(['d1', 'd1']);
  });

  it('joins an emergency in force at once, and hears every change of it until it closes', () => {
    const fake = fakeHost();
    fake.raise(evacuation('e1'));
    const sent: ToDisplay[] = [];
    const session = openDisplaySession({ host: fake.host, display: 'd1', link: 'socket', send: (m) => sent.push(m) });
    const emergencies = () => sent.flatMap((m) => (m.type === 'emergency' ? [m.emergency?.id ?? null] : []));
    expect(emergencies()).toStrictEqual(['e1']);
    fake.raise(evacuation('e2'));
    fake.raise(null);
    expect(emergencies()).toStrictEqual(['e1', 'e2', null]);
    session.close('test over');
    fake.raise(evacuation('e3'));
    expect(emergencies()).toStrictEqual(['e1', 'e2', null]);
    expect(fake.listening()).toBe(0);
  });

  it('drops what comes before the hello, counts it once a second, and makes the display the speaker with its first hello only', () => {
    const { session, received, speakers, attached, dropped, time } = open('socket');
    expect(session.admit(report(1))).toBe('before-hello');
    session.drop('too-large');
    expect(received).toStrictEqual([]);
    expect(dropped().count).toBe(0);
    time.advance(1_000);
    expect(dropped()).toMatchObject({ count: 2, last: { fields: { display: 'd1', 'before-hello': 1, 'too-large': 1 } } });
    session.admit(hello);
    session.admit(hello);
    expect(attached()).toBe(1);
    const stop: AnnounceMessage = { type: 'stop', id: 'a1', reason: 'ended' };
    speakers.get('d1')!(stop);
    expect(session.admit(report(2))).toMatchObject({ type: 'report' });
    expect(received.map((r) => r.message.type)).toStrictEqual(['hello', 'hello', 'report']);
  });

  it('answers a clock ping at once with the host\'s clock and the echoed time, and tells the host nothing of it', () => {
    const { session, sent, received, time } = open('socket');
    session.admit(hello);
    const before = sent.length;
    expect(session.admit({ type: 'clock', clock: { sent: 123.25 } })).toMatchObject({ type: 'clock' });
    expect(sent.slice(before)).toStrictEqual([{ type: 'clock', clock: { sent: 123.25, host: time.now() } }]);
    expect(received.map((r) => r.message.type)).toStrictEqual(['hello']);
  });

  it('passes a call paint to the host', () => {
    const { session, received } = open('socket');
    session.admit(hello);
    session.admit({ type: 'painted', painted: { key: 'A023@5@1', at: 5, late: false } });
    expect(received.map((r) => [r.message.type, r.display])).toStrictEqual([
      ['hello', 'd1'],
      ['painted', 'd1'],
    ]);
  });

  it('says once that no hello came within 10 s', () => {
    const { overdue, time } = open('socket');
    time.advance(9_000);
    expect(overdue()).toBe(0);
    time.advance(5_000);
    expect(overdue()).toBe(1);
  });

  it('tells the host the display is lost after 10 s without a heartbeat, and gone when it closes', () => {
    const { session, gone, time, publish, kinds, listening, speakers } = open('socket');
    session.admit(hello);
    session.admit(heartbeat);
    time.advance(9_000);
    expect(gone).toStrictEqual([]);
    time.advance(1_000);
    expect(gone).toStrictEqual(['lost d1: no heartbeat for 10 s']);
    session.close('its session closed (code 1001)');
    session.close('twice');
    expect(gone).toStrictEqual(['lost d1: no heartbeat for 10 s', 'disconnected d1: its session closed (code 1001)']);
    expect(listening()).toBe(0);
    expect(speakers.size).toBe(0);
    const before = kinds().length;
    publish(state(3));
    time.advance(20_000);
    expect(kinds()).toHaveLength(before);
  });

  it('closes without telling the host anything when it never was a display', () => {
    const { session, gone } = open('socket');
    session.close('its session closed (code 1006)');
    expect(gone).toStrictEqual([]);
  });
});

describe('a window\'s display session', () => {
  it('sends the state and board when its page says hello and when it has loaded, and every change', () => {
    const { session, publish, kinds } = open('window');
    expect(kinds()).toStrictEqual([]);
    publish(state(2));
    session.admit(hello);
    session.pageReady();
    expect(kinds()).toStrictEqual(['state 2', 'state 2', 'queue', 'emergency none', 'state 2', 'queue', 'emergency none']);
  });

  it('hears its page from the first message, and never asks for a hello', () => {
    const { session, received, overdue, time } = open('window');
    expect(session.admit(report(1))).toMatchObject({ type: 'report' });
    expect(received).toHaveLength(1);
    time.advance(30_000);
    expect(overdue()).toBe(0);
  });

  it('makes the loaded page the speaker anew on every load, and lets go when it reloads or crashes', () => {
    const { session, speakers, attached } = open('window');
    session.admit(hello);
    expect(speakers.size).toBe(0);
    session.pageReady();
    expect(speakers.size).toBe(1);
    session.pageGone();
    expect(speakers.size).toBe(0);
    session.pageReady();
    session.pageReady();
    expect(attached()).toBe(3);
    expect(speakers.size).toBe(1);
  });

  it('holds the page to the same rates as a socket', () => {
    const { session, received, dropped, time } = open('window');
    session.admit(hello);
    for (let i = 0; i < 1_000; i++) session.admit(report(i));
    expect(received.filter((r) => r.message.type === 'report')).toHaveLength(50);
    time.advance(1_000);
    expect(dropped()).toMatchObject({ count: 950, last: { fields: { rate: 950 } } });
  });
});

describe('a preview', () => {
  it('gets the state and board, then every change, until it unsubscribes', () => {
    const { host, publish, listening } = fakeHost();
    const sent: ToDisplay[] = [];
    const stop = watchHost(host, (m) => sent.push(m));
    publish(state(4));
    expect(sent.map((m) => m.type)).toStrictEqual(['state', 'queue', 'emergency', 'state']);
    stop();
    expect(listening()).toBe(0);
  });
});
