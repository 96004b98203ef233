/**
 * The verbs called as a second channel would call them (no HTTP): each refusal names its reason,
 * and a success carries what a channel answers with. The HTTP routes' own tests check the status
 * codes the reasons become (channels/http/*.test.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHall } from '../test-hall.test-support.js';
import { createCommands } from './commands.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

const QUEUE = {
  services: [{ id: 'A', name: { 'zh-CN': '综合业务', en: 'General business' }, serviceMinutes: 6 }],
  counters: [{ id: 5, services: ['A'] }],
};

async function hall(queue: object | null) {
  const { root, host, time, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    if (queue) writeFileSync(path.join(dir, 'playlists', 'queue.json'), JSON.stringify(queue));
  });
  host.start();
  cleanups.push(cleanup);
  const commands = await createCommands(host, { version: '9.9.9', assetsDir: path.join(root, 'assets'), now: time.now });
  return { root, commands };
}

describe('the commands', () => {
  it('answer health, status and the timeline from the host', async () => {
    const { commands } = await hall(null);
    expect(commands.hall.health()).toMatchObject({ ok: true, version: '9.9.9' });
    expect(commands.hall.status().ok).toBe(true);
    const timeline = commands.hall.timeline({ date: '2026-12-01' });
    expect(timeline.ok && timeline.timeline.rows.length).toBeGreaterThan(0);
    expect(commands.hall.timeline({ date: '1 December' })).toMatchObject({ ok: false, reason: 'invalid-request' });
  });

  it('say why the queue verbs refuse: no queue, wrong feed, bad fields, a call the model refuses', async () => {
    const none = (await hall(null)).commands;
    expect(none.queue.board()).toMatchObject({ ok: false, reason: 'no-queue' });
    expect(none.queue.call({ ticket: 'A001', counter: 5 })).toMatchObject({ ok: false, reason: 'no-queue' });

    const { commands } = await hall({ ...QUEUE, feed: { kind: 'simulator' } });
    expect(commands.queue.ingest([{ type: 'counter.opened', seq: 1, at: 0, counter: 5 }])).toMatchObject({ ok: false, reason: 'wrong-feed' });
    expect(commands.queue.call({ ticket: 'A001' })).toMatchObject({ ok: false, reason: 'invalid-request', example: { ticket: 'A023', counter: 5 } });
    expect(commands.queue.call({ ticket: 'A001', counter: 99 })).toMatchObject({ ok: false, reason: 'call-refused' });
    const called = commands.queue.call({ ticket: 'A001', counter: 5 });
    expect(called).toMatchObject({ ok: true, call: { ticket: 'A001', counter: 5 } });
  });

  it('refuse pushed events by reason: none valid, too many', async () => {
    const { commands } = await hall({ ...QUEUE, feed: { kind: 'push' } });
    expect(commands.queue.ingest({})).toMatchObject({ ok: false, reason: 'invalid-request' });
    const many = Array.from({ length: 10_001 }, (_, i) => ({ type: 'counter.opened', seq: i + 1, at: 0, counter: 5 }));
    expect(commands.queue.ingest(many)).toMatchObject({ ok: false, reason: 'too-many-events' });
    expect(commands.queue.ingest([{ type: 'counter.opened', seq: 1, at: Date.parse('2026-12-01T10:17:00+08:00'), counter: 5 }])).toMatchObject({ ok: true, accepted: 1 });
  });

  it('refuse an announcement nobody can hear, and a malformed one, by reason', async () => {
    const { commands } = await hall(null);
    expect(await commands.pa.announce({ text: { 'zh-CN': '请立即疏散' }, priority: 'emergency' })).toMatchObject({ ok: false, reason: 'no-speaker' });
    expect(await commands.pa.announce({ nonsense: true })).toMatchObject({ ok: false, reason: 'invalid-request' });
  });

  it('say a reload of a broken folder was not applied', async () => {
    const { root, commands } = await hall(null);
    expect(commands.hall.reload()).toMatchObject({ ok: true });
    writeFileSync(path.join(root, 'playlists', 'schedule.json'), '{ not json');
    expect(commands.hall.reload()).toMatchObject({ ok: false, reason: 'invalid-playlists', playlists: { errors: expect.arrayContaining([expect.stringContaining('schedule.json')]) } });
  });

  it('hand out media types inside assets/ only', async () => {
    const { commands } = await hall(null);
    expect(commands.servedMedia('images/slide.png')).toBe(true);
    expect(commands.servedMedia('../playlists/schedule.json')).toBe(false);
    expect(commands.servedMedia('library/index.json')).toBe(false);
  });
});

describe('the emergency verbs', () => {
  it('raise, show and clear one host-wide emergency with who asked; clearing none and raising without words are refused with their reasons', async () => {
    const { commands } = await hall(null);
    const by = { via: 'cli', who: '127.0.0.1' } as const;
    expect(commands.emergency.clear(by)).toMatchObject({ ok: false, reason: 'no-emergency' });
    expect(commands.emergency.raise({ level: 'alert' }, by)).toMatchObject({ ok: false, reason: 'invalid-request' });
    expect(commands.emergency.current()).toBeNull();
    const raised = commands.emergency.raise({ level: 'evacuate', text: { 'zh-CN': '请立即疏散', en: 'Please leave now' } }, by);
    expect(raised).toMatchObject({ ok: true, replaced: null, emergency: { level: 'evacuate', raisedBy: by, acknowledged: [], plays: 0 } });
    expect(commands.hall.status().emergency).toMatchObject({ level: 'evacuate', raisedBy: by });
    expect(commands.emergency.clear({ via: 'console', who: 'console session from 127.0.0.1' })).toMatchObject({ ok: true, id: raised.ok ? raised.id : '' });
    expect(commands.emergency.current()).toBeNull();
    expect(commands.hall.status().emergency).toBeNull();
  });
});
