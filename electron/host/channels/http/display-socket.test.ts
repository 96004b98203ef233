import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { testHall } from '../../test-hall.test-support.js';
import { serveDisplay } from './display-socket.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

class FakeSocket extends EventEmitter {
  sent: { type: string }[] = [];
  closed: { code: number; reason: string } | null = null;
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { type: string });
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.emit('close', code);
  }
  say(message: unknown): void {
    this.emit('message', Buffer.from(JSON.stringify(message)), false);
  }
}

const hello = { type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 'test' } };
const report = (i: number) => ({ type: 'report', report: { event: 'ended', programme: 'p', item: `p#${i}`, url: null, at: i } });
const heartbeat = { type: 'heartbeat', heartbeat: { at: 0, programme: null, item: null, position: null } };

function setup() {
  const hall = testHall('2026-12-01T10:17:00+08:00');
  cleanups.push(hall.cleanup);
  hall.host.start();
  const socket = new FakeSocket();
  serveDisplay(socket as unknown as WebSocket, hall.host, 'display');
  // The session runs on the host's clock and timers.
  const tick = (ms: number) => hall.time.advance(ms);
  const proofLines = (): number => {
    const dir = path.join(hall.root, 'state', 'proof-of-play');
    if (!existsSync(dir)) return 0;
    return readdirSync(dir).reduce((n, f) => n + readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).length, 0);
  };
  const health = () => hall.host.status().health.classes;
  return { ...hall, socket, tick, proofLines, health };
}

describe('a display socket', () => {
  it('is no display until it says hello: its reports are dropped and counted, and it never joins the PA', () => {
    const { socket, host, tick, proofLines, health } = setup();
    for (let i = 0; i < 100; i++) socket.say(report(i));
    socket.say({ type: 'audio', audio: { output: 'ready', at: 0 } });
    expect(proofLines()).toBe(0);
    expect(host.pa.desk.view().displays).toBe(0);
    expect(host.status().displays).toStrictEqual([]);
    tick(1_000);
    expect(health()['dropped-reports']).toMatchObject({ count: 101, last: { fields: { 'before-hello': 101 } } });
  });

  it('is closed when no hello came within 10 s', () => {
    const { socket, tick } = setup();
    tick(9_000);
    expect(socket.closed).toBeNull();
    tick(1_000);
    expect(socket.closed).toStrictEqual({ code: 4001, reason: 'no hello: this socket is for displays' });
  });

  it('writes a flood of 1,000 reports as 50 lines (the burst), then 10 a second, and counts the rest once per second', () => {
    const { socket, tick, proofLines, health, warnings } = setup();
    socket.say(hello);
    for (let i = 0; i < 1_000; i++) socket.say(report(i));
    expect(proofLines()).toBe(50);
    tick(1_000);
    for (let i = 0; i < 1_000; i++) socket.say(report(i));
    expect(proofLines()).toBe(60);
    tick(1_000);
    expect(health()['dropped-reports'].count).toBe(950 + 990);
    expect(warnings.filter((w) => w === 'display messages dropped')).toHaveLength(2);
  });

  it('speaks for the PA only after its hello and its audio ready; status shows its audio and role', () => {
    const { socket, host } = setup();
    socket.say(hello);
    const [display] = host.status().displays;
    expect(display).toMatchObject({ shell: 'chromium', audio: 'unknown', speaker: false });
    expect(host.pa.desk.view()).toMatchObject({ displays: 1, speaker: null });
    socket.say({ type: 'audio', audio: { output: 'ready', at: 0 } });
    expect(host.status().displays[0]).toMatchObject({ audio: 'ready', speaker: true });
    expect(host.pa.desk.view()).toMatchObject({ speaker: display!.id, roster: [{ display: display!.id, audio: 'ready', speaker: true }] });
  });

  it('counts a display lost after 10 s without a heartbeat (and it stops speaking), and again when its session closes', () => {
    const { socket, host, tick, health } = setup();
    socket.say(hello);
    socket.say({ type: 'audio', audio: { output: 'ready', at: 0 } });
    socket.say(heartbeat);
    tick(9_000);
    expect(health()['display-lost'].count).toBe(0);
    tick(1_000);
    expect(health()['display-lost']).toMatchObject({ count: 1, last: { fields: { why: 'no heartbeat for 10 s' } } });
    expect(host.pa.desk.view().speaker).toBeNull();
    socket.say(heartbeat);
    expect(host.pa.desk.view().speaker).not.toBeNull();
    socket.close(1001, 'going away');
    expect(health()['display-lost']).toMatchObject({ count: 2, last: { fields: { why: 'its session closed (code 1001)' } } });
    expect(host.pa.desk.view().displays).toBe(0);
  });

  it('as a preview only watches: it gets the state and board, and what it says never reaches the host', () => {
    const hall = testHall('2026-12-01T10:17:00+08:00');
    cleanups.push(hall.cleanup);
    hall.host.start();
    const socket = new FakeSocket();
    serveDisplay(socket as unknown as WebSocket, hall.host, 'preview');
    expect(socket.sent.map((m) => m.type)).toStrictEqual(['state', 'queue', 'emergency']);
    socket.say(hello);
    socket.say({ type: 'audio', audio: { output: 'ready', at: 0 } });
    expect(hall.host.status().displays).toStrictEqual([]);
    expect(hall.host.pa.desk.view().displays).toBe(0);
    socket.close(1000, 'done');
    const sent = socket.sent.length;
    hall.host.reload();
    hall.time.advance(60_000);
    expect(socket.sent).toHaveLength(sent);
  });
});
