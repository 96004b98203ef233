import { describe, expect, it } from 'vitest';
import type { AnnounceMessage, AnnouncementPlay, AudioOutput } from '../../../contract/messages.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import type { AnnounceIntent } from './announce-request.js';
import { createAnnouncementDesk } from './announcement-desk.js';
import type { AnnouncementLogRecord } from './announcement-log.js';
import { fakePacks } from './desk.test-support.js';

const T0 = Date.parse('2026-12-01T10:00:00+08:00');

function setup(file: Parameters<ReturnType<typeof createAnnouncementDesk>['configure']>[0] = null) {
  let now = T0;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const records: AnnouncementLogRecord[] = [];
  const warnings: string[] = [];
  let renders = 0;
  const refusals: string[] = [];
  const desk = createAnnouncementDesk({
    clock: { now: () => now },
    timers: {
      after(ms, run) {
        const t = { at: now + ms, run, live: true };
        timers.push(t);
        return () => void (t.live = false);
      },
    },
    log: { info: () => undefined, warn: (m) => warnings.push(m) },
    record: (r) => records.push(r),
    refused: (reason) => refusals.push(reason),
    speak: async (text, lang) => {
      renders++;
      return { url: `/speech/${lang}-${text.length}.wav`, durationMs: 2000 };
    },
  });
  desk.configure(file, TimeZone.of('Asia/Shanghai'), fakePacks());
  const inbox = new Map<string, AnnounceMessage[]>();
  /** A display joins; by default it then reports its audio output ready, as the renderer does. */
  const attach = (display: string, output: AudioOutput | null = 'ready') => {
    inbox.set(display, []);
    const detach = desk.attach(display, (m) => inbox.get(display)!.push(m));
    if (output) desk.audio(display, output);
    return detach;
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((x) => x.live && x.at <= end).sort((x, y) => x.at - y.at)[0];
      if (!due) break;
      now = Math.max(now, due.at);
      due.live = false;
      due.run();
    }
    now = end;
  };
  const plays = (display: string): AnnouncementPlay[] => inbox.get(display)!.flatMap((m) => (m.type === 'play' ? [m.play] : []));
  return { desk, records, warnings, inbox, attach, advance, plays, now: () => now, renders: () => renders, refusals };
}

const call = (ticket: string, counter: number): AnnounceIntent => ({ what: 'call', ticket, counter, kind: 'call', repeat: 1, expiresInMs: 30_000, chime: true, languages: ['zh-CN'] });
const pa = (text: string): AnnounceIntent => ({ what: 'text', texts: [{ lang: 'zh-CN', text }], kind: 'pa', repeat: 1, expiresInMs: 300_000, chime: true, languages: ['zh-CN'] });

describe('the announcement desk', () => {
  it('sends one announcement at a time: the second waits until the speaker reports the first ended', async () => {
    const { desk, attach, plays, records } = setup();
    attach('screen');
    const first = await desk.announce(call('A023', 5), { source: 'queue', key: 'call:A023' });
    const second = await desk.announce(pa('请注意'), { source: 'api' });
    expect(first.ok && second.ok).toBe(true);
    expect(plays('screen').map((p) => p.lines[0]!.text)).toStrictEqual(['请 A023 号到 5 号窗口']);
    const id = plays('screen')[0]!.id;
    desk.report('screen', { id, event: 'started', at: 0, duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 } });
    expect(plays('screen')).toHaveLength(1);
    desk.report('screen', { id, event: 'ended', at: 0 });
    // The PA message outranks calls but arrived while the call spoke: it goes next, not over it.
    expect(plays('screen').map((p) => p.lines[0]!.text)).toStrictEqual(['请 A023 号到 5 号窗口', '请注意']);
    expect(records.map((r) => r.event)).toStrictEqual(['requested', 'requested', 'started', 'ducked', 'ended']);
  });

  it('lets the display with working audio speak and the others show the banner; reports from banner displays are ignored', async () => {
    const { desk, attach, plays, inbox } = setup();
    attach('side-screen', null);
    attach('pa-screen');
    await desk.announce(call('B7', 2), { source: 'api' });
    expect(plays('pa-screen')[0]!.speak).toBe(true);
    expect(plays('side-screen')[0]!.speak).toBe(false);
    const id = plays('pa-screen')[0]!.id;
    desk.report('side-screen', { id, event: 'ended', at: 0 });
    expect(desk.view().current?.id).toBe(id);
    desk.report('pa-screen', { id, event: 'ended', at: 0 });
    expect(desk.view().current).toBeNull();
    expect(inbox.get('side-screen')!.at(-1)).toStrictEqual({ type: 'stop', id, reason: 'ended' });
  });

  it('holds a call while no display can speak, within the grace, and plays it when one comes', async () => {
    const { desk, records, attach, plays, advance } = setup();
    await desk.announce(call('A1', 1), { source: 'queue' });
    expect(records.map((r) => r.event)).toStrictEqual(['requested']);
    advance(10_000);
    attach('screen');
    expect(plays('screen')).toMatchObject([{ speak: true, lines: [{ text: '请 A1 号到 1 号窗口' }] }]);
  });

  it('fails a call from the queue at once once the hall has had no speaker for longer than the grace, and says why', async () => {
    const { desk, records, advance } = setup();
    advance(60_001);
    await desk.announce(call('A1', 1), { source: 'queue' });
    expect(records.at(-1)).toMatchObject({ event: 'ended', failure: 'no display with working audio connected: nothing could play it' });
    expect(desk.view().recent[0]).toMatchObject({ outcome: 'failed' });
  });

  it('fails what waited for a speaker when the grace runs out with none', async () => {
    const { desk, records, advance } = setup({ speakerGraceSeconds: 20 });
    await desk.announce({ ...call('A1', 1), expiresInMs: 300_000 }, { source: 'queue' });
    advance(19_000);
    expect(records.map((r) => r.event)).toStrictEqual(['requested']);
    advance(1_000);
    expect(records.at(-1)).toMatchObject({ event: 'ended', failure: 'no display with working audio connected: nothing could play it' });
  });

  it('hands the PA to the next display when the speaker disconnects mid-announcement', async () => {
    const { desk, attach, plays, records } = setup();
    attach('b');
    const detach = attach('a');
    await desk.announce(call('A1', 1), { source: 'queue' });
    await desk.announce(call('A2', 2), { source: 'queue' });
    detach();
    expect(records.find((r) => r.event === 'ended')).toMatchObject({ failure: 'the speaking display disconnected' });
    expect(plays('b').at(-1)).toMatchObject({ speak: true, lines: [{ text: '请 A2 号到 2 号窗口' }] });
  });

  it('cuts a call for an emergency, which plays at once; the call plays again afterwards', async () => {
    const { desk, attach, plays, inbox } = setup();
    attach('screen');
    await desk.announce(call('A1', 1), { source: 'queue' });
    const callId = plays('screen')[0]!.id;
    desk.report('screen', { id: callId, event: 'started', at: 0 });
    await desk.announce({ ...pa('请立即疏散'), kind: 'emergency', expiresInMs: null }, { source: 'api' });
    const messages = inbox.get('screen')!;
    expect(messages.at(-2)).toMatchObject({ type: 'stop', id: callId });
    expect(messages.at(-1)).toMatchObject({ type: 'play', play: { kind: 'emergency' } });
    desk.report('screen', { id: callId, event: 'ended', at: 0, reason: 'stopped' }); // late: ignored
    desk.report('screen', { id: plays('screen').at(-1)!.id, event: 'ended', at: 0 });
    expect(plays('screen').at(-1)).toMatchObject({ id: callId, kind: 'call' });
  });

  it('merges a recall with its waiting call, and drops a call left waiting past its expiry with the reason', async () => {
    const { desk, attach, plays, records, advance } = setup();
    attach('screen');
    await desk.announce(pa('长消息'), { source: 'api' });
    const a = await desk.announce({ ...call('A9', 3), expiresInMs: 5_000 }, { source: 'queue', key: 'call:A9' });
    const b = await desk.announce({ ...call('A9', 4), expiresInMs: 5_000 }, { source: 'queue', key: 'call:A9' });
    expect(b).toStrictEqual({ ok: true, id: (a as { id: string }).id, state: 'merged', into: (a as { id: string }).id });
    expect(desk.view().pending).toHaveLength(1);
    expect(desk.view().pending[0]!.lines[0]!.text).toBe('请 A9 号到 4 号窗口');
    advance(6_000);
    expect(records.find((r) => r.event === 'dropped')).toMatchObject({ reason: 'stale: requested at 10:00:00, expired at 10:00:05' });
    expect(plays('screen')).toHaveLength(1);
  });

  it('carries the hall\'s duck, pause and chime settings to the display', async () => {
    const { desk, attach, plays } = setup({ duck: { depthDb: -20 }, repeatPauseSeconds: 1.2 });
    attach('screen');
    await desk.announce({ ...call('A1', 1), repeat: 2 }, { source: 'api' });
    expect(plays('screen')[0]).toMatchObject({ duck: { depthDb: -20, attackSeconds: 0.5, releaseSeconds: 1.5 }, pauseSeconds: 1.2, repeat: 2, leadIn: 1 });
    expect(plays('screen')[0]!.clips[0]).toBe('/media/voice/zh-CN/chime.ogg');
  });

  it('refuses a call in quiet hours with 409 and the reason', async () => {
    const { desk, attach } = setup({ quietHours: [{ from: '22:00', to: '07:00' }] });
    attach('screen');
    // 10:00 is not quiet; make it 23:00 by asking with a custom hall file.
    desk.configure({ quietHours: [{ from: '09:00', to: '11:00' }] }, TimeZone.of('Asia/Shanghai'), fakePacks());
    const out = await desk.announce(call('A1', 1), { source: 'api' });
    expect(out).toMatchObject({ ok: false, reason: 'refused-by-queue', error: 'quiet hours 09:00–11:00: calls are not read out' });
  });

  it('never gives the PA to a display that never reported its audio ready, even the first to connect', async () => {
    const { desk, attach, plays, records } = setup();
    attach('silent', null);
    attach('blocked', 'blocked');
    await desk.announce(call('A1', 1), { source: 'queue' });
    expect(plays('silent')).toStrictEqual([]);
    expect(records.at(-1)).toMatchObject({ event: 'requested' });
    expect(desk.view()).toMatchObject({ displays: 2, speaker: null });
    desk.audio('silent', 'ready');
    expect(plays('silent').at(-1)).toMatchObject({ speak: true, lines: [{ text: '请 A1 号到 1 号窗口' }] });
    expect(plays('blocked').at(-1)).toMatchObject({ speak: false });
  });

  it('gives the PA to the display that most recently reported its audio ready, and lists each one\'s audio', async () => {
    const { desk, attach, plays } = setup();
    attach('old');
    attach('new');
    attach('quiet', 'unknown');
    expect(desk.view()).toMatchObject({
      speaker: 'new',
      roster: [
        { display: 'old', audio: 'ready', alive: true, speaker: false },
        { display: 'new', audio: 'ready', alive: true, speaker: true },
        { display: 'quiet', audio: 'unknown', alive: true, speaker: false },
      ],
    });
    await desk.announce(call('A1', 1), { source: 'queue' });
    expect(plays('new')[0]!.speak).toBe(true);
    expect(plays('old')[0]!.speak).toBe(false);
  });

  it('a speaker whose play failed goes to the back of the line: the next ready display speaks the next one', async () => {
    const { desk, attach, plays } = setup();
    attach('b');
    attach('a');
    await desk.announce(call('A1', 1), { source: 'queue' });
    desk.report('a', { id: plays('a')[0]!.id, event: 'failed', at: 0, reason: 'clip did not decode' });
    expect(desk.view().speaker).toBe('b');
    await desk.announce(call('A2', 2), { source: 'queue' });
    expect(plays('b').at(-1)).toMatchObject({ speak: true, lines: [{ text: '请 A2 号到 2 号窗口' }] });
    // Alone, a demoted display still speaks rather than leave the hall silent.
    desk.report('b', { id: plays('b').at(-1)!.id, event: 'failed', at: 0 });
    expect(desk.view().speaker).toBe('a');
  });

  it('a speaker that never reports the end loses the PA to the next ready display', async () => {
    const { desk, attach, plays, advance } = setup();
    attach('b');
    attach('mute');
    await desk.announce(call('A1', 1), { source: 'queue' });
    expect(plays('mute')[0]!.speak).toBe(true);
    advance(25_000);
    expect(desk.view().speaker).toBe('b');
    await desk.announce(call('A2', 2), { source: 'queue' });
    expect(plays('b').at(-1)).toMatchObject({ speak: true });
  });

  it('a lost display (no heartbeat) cannot speak until it is back', async () => {
    const { desk, attach } = setup();
    attach('b');
    attach('a');
    desk.alive('a', false);
    expect(desk.view().speaker).toBe('b');
    desk.alive('a', true);
    expect(desk.view().speaker).toBe('a');
  });

  it('holds emergencies to 3 waiting: the same words merge without composing, a fourth text is refused with 429 before any speech is rendered and counted, not logged; a PA message still queues', async () => {
    const { desk, attach, records, renders, refusals } = setup();
    attach('screen');
    const emergency = (text: string): AnnounceIntent => ({ ...pa(text), kind: 'emergency', expiresInMs: 600_000 });
    const first = await desk.announce(emergency('请立即疏散'), { source: 'api', key: 'emergency:a' }); // plays at once
    const waiting = await Promise.all(['b', 'c', 'd'].map((k) => desk.announce(emergency(`疏散${k}`), { source: 'api', key: `emergency:${k}` })));
    const same = await desk.announce(emergency('疏散b'), { source: 'api', key: 'emergency:b' });
    expect(renders()).toBe(4);
    const fourth = await desk.announce(emergency('疏散e'), { source: 'api', key: 'emergency:e' });
    expect(renders()).toBe(4);
    expect(first).toMatchObject({ ok: true, state: 'queued' });
    expect(waiting.every((w) => w.ok)).toBe(true);
    expect(same).toMatchObject({ ok: true, state: 'merged' });
    expect(fourth).toMatchObject({ ok: false, reason: 'too-many-emergencies', error: 'too many emergencies: 3 emergencies already wait (at most 3); send it again once one has played, or send the same text to merge with it' });
    expect(records.filter((r) => r.event === 'requested')).toHaveLength(4);
    expect(records.filter((r) => r.event === 'merged')).toHaveLength(0);
    expect(desk.view().pending.find((p) => p.key === 'emergency:b')).toMatchObject({ merged: 1 });
    expect(records.filter((r) => r.event === 'rejected')).toHaveLength(0);
    expect(refusals).toEqual([(fourth as { error: string }).error]);
    expect(await desk.announce(pa('请注意'), { source: 'api' })).toMatchObject({ ok: true, state: 'queued' });
    expect(desk.view().pending.map((p) => p.kind)).toEqual(['emergency', 'emergency', 'emergency', 'pa']);
  });

  it('counts emergencies still being composed against the budget: 10 different ones at once, 3 are composed and queued', async () => {
    const { desk, attach, renders } = setup();
    attach('screen');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => desk.announce({ ...pa(`疏散${i}`), kind: 'emergency', expiresInMs: 600_000 }, { source: 'api', key: `emergency:${i}` })),
    );
    expect(outcomes.map((o) => (o.ok ? o.state : o.reason))).toEqual(['queued', 'queued', 'queued', ...Array<string>(7).fill('too-many-emergencies')]);
    expect(renders()).toBe(3);
  });

  it('gives up on a display that never reports the end', async () => {
    const { desk, attach, plays, advance, records } = setup();
    attach('screen');
    await desk.announce(call('A1', 1), { source: 'queue' });
    await desk.announce(call('A2', 2), { source: 'queue' });
    advance(25_000);
    expect(records.some((r) => r.event === 'stop' && /no end reported: expected by 10:00:0/.test(r.reason))).toBe(true);
    expect(plays('screen')).toHaveLength(2);
  });
});

describe('the PA honest about reach', () => {
  const NO_ONE = 'no display can speak it now (no display is connected): an emergency is never left waiting for a speaker';

  it('refuses an emergency from the API at once when no display can speak it: 503, the reason, nothing rendered or queued', async () => {
    const { desk, records, renders } = setup();
    const out = await desk.announce({ ...pa('请立即疏散'), kind: 'emergency', expiresInMs: null }, { source: 'api' });
    expect(out).toMatchObject({ ok: false, id: null, reason: 'no-speaker', error: NO_ONE, reach: { canSpeak: false, refuses: 'emergencies' } });
    expect(renders()).toBe(0);
    expect(records).toStrictEqual([]);
    expect(desk.view().pending).toStrictEqual([]);
  });

  it('logs one line for a run of refusals (a panic button held down), not one per request', async () => {
    const { desk, warnings } = setup();
    for (let i = 0; i < 50; i++) expect(await desk.announce({ ...pa(`请立即疏散 ${i}`), kind: 'emergency', expiresInMs: null }, { source: 'api' })).toMatchObject({ reason: 'no-speaker' });
    expect(warnings).toStrictEqual(['announcement refused: no display can speak it']);
  });

  it('accepts any other priority within the grace (it waits), and refuses it once the hall has had no speaker for longer', async () => {
    const { desk, advance, attach, plays } = setup({ speakerGraceSeconds: 30 });
    expect(await desk.announce(pa('请注意'), { source: 'api' })).toMatchObject({ ok: true, state: 'queued' });
    advance(30_000);
    const late = await desk.announce(pa('请注意'), { source: 'api' });
    expect(late).toMatchObject({
      ok: false,
      reason: 'no-speaker',
      error: 'no display has been able to speak for 30 s (no display is connected); requests wait at most 30 s for one (announcements.json "speakerGraceSeconds")',
    });
    // A display comes: requests are taken again and played.
    attach('screen');
    expect(await desk.announce(pa('欢迎光临'), { source: 'api' })).toMatchObject({ ok: true });
    expect(plays('screen').map((p) => p.lines[0]!.text)).toStrictEqual(['欢迎光临']);
  });

  it('counts the grace from when the last speaker left, not from the start', async () => {
    const { desk, advance, attach } = setup({ speakerGraceSeconds: 30 });
    const detach = attach('screen');
    advance(120_000);
    detach();
    expect(desk.reach()).toMatchObject({ canSpeak: false, display: null, since: T0 + 120_000, refuses: 'emergencies', graceUntil: T0 + 150_000 });
    advance(29_000);
    expect(await desk.announce(pa('请注意'), { source: 'api' })).toMatchObject({ ok: true });
    advance(1_000);
    expect(await desk.announce(pa('请注意'), { source: 'api' })).toMatchObject({ ok: false, reason: 'no-speaker' });
  });

  it('says in reach() who speaks and since when, and why nobody can', () => {
    const { desk, advance, attach } = setup();
    expect(desk.reach()).toStrictEqual({ canSpeak: false, display: null, since: T0, reason: 'no display is connected', refuses: 'emergencies', graceUntil: T0 + 60_000 });
    attach('lobby', 'blocked');
    advance(61_000);
    expect(desk.reach()).toMatchObject({ canSpeak: false, reason: 'no connected display has working audio (lobby: audio blocked)', refuses: 'everything' });
    attach('pa');
    expect(desk.reach()).toStrictEqual({ canSpeak: true, display: 'pa', since: T0 + 61_000, reason: null, refuses: 'nothing', graceUntil: null });
    advance(5_000);
    desk.alive('pa', false);
    expect(desk.reach()).toMatchObject({ canSpeak: false, since: T0 + 66_000, reason: 'no connected display has working audio (lobby: audio blocked, pa: not heartbeating)' });
    expect(desk.view().reach).toStrictEqual(desk.reach());
  });

  it('stops nothing already playing when it refuses a request', async () => {
    const { desk, attach, plays, inbox } = setup();
    attach('screen');
    await desk.announce(call('A1', 1), { source: 'queue' });
    const id = plays('screen')[0]!.id;
    desk.report('screen', { id, event: 'started', at: 0 });
    // The speaker stops heartbeating mid-call: the call is left to finish or time out, as before.
    desk.alive('screen', false);
    const out = await desk.announce({ ...pa('请立即疏散'), kind: 'emergency', expiresInMs: null }, { source: 'api' });
    expect(out).toMatchObject({ ok: false, reason: 'no-speaker' });
    expect(inbox.get('screen')!.filter((m) => m.type === 'stop')).toStrictEqual([]);
    expect(desk.view().current?.id).toBe(id);
  });

  it('never refuses the hall\'s own triggers: a call from the queue is queued and its failure logged', async () => {
    const { desk, advance, records } = setup();
    advance(120_000);
    expect(await desk.announce(call('A1', 1), { source: 'queue' })).toMatchObject({ ok: true });
    expect(records.map((r) => r.event)).toStrictEqual(['requested', 'ended']);
  });
});
