import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmergencyView } from '../../../contract/emergency.js';
import type { AnnounceMessage, AnnouncementPlay } from '../../../contract/messages.js';
import type { EmergencyRecord } from '../../domain/emergency/emergency.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import { createAnnouncementDesk } from './announcement-desk.js';
import type { AnnouncementLogRecord } from './announcement-log.js';
import { fakePacks } from './desk.test-support.js';
import { createEmergencyDesk, READINGS_PER_PLAY, RETRY_MS } from './emergency-desk.js';
import { openKeptEmergency, type KeptEmergencyStore } from './kept-emergency.js';

const T0 = Date.parse('2026-12-01T10:00:00+08:00');
const pa = { via: 'http', who: '10.0.0.7' } as const;
const floor = { via: 'console', who: 'console session from 10.0.0.9' } as const;
const EVACUATE = { level: 'evacuate', text: { 'zh-CN': '请立即疏散', en: 'Please leave now' } };
const DUCK = { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 };

function setup(kept?: KeptEmergencyStore) {
  let now = T0;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const log: (AnnouncementLogRecord | EmergencyRecord)[] = [];
  const after = (ms: number, run: () => void) => {
    const t = { at: now + ms, run, live: true };
    timers.push(t);
    return () => void (t.live = false);
  };
  const quiet = { info: () => undefined, warn: () => undefined };
  let emergency: ReturnType<typeof createEmergencyDesk> | null = null;
  const desk = createAnnouncementDesk({
    clock: { now: () => now },
    timers: { after },
    log: quiet,
    record: (r) => {
      log.push(r);
      emergency?.observe(r);
    },
    speak: async (text, lang) => ({ url: `/speech/${lang}-${text.length}.wav`, durationMs: 2000 }),
  });
  desk.configure(null, TimeZone.of('Asia/Shanghai'), fakePacks());
  emergency = createEmergencyDesk({ clock: { now: () => now }, timers: { after }, log: quiet, desk, record: (r) => log.push(r), templates: () => ({}), chime: () => true, ...(kept ? { kept } : {}) });
  const inbox: AnnounceMessage[] = [];
  const shown: (EmergencyView | null)[] = [];
  emergency.subscribe((view) => shown.push(view));
  emergency.restore();
  const speaker = () => {
    desk.attach('screen', (m) => inbox.push(m));
    desk.audio('screen', 'ready');
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      await flush();
      const due = timers.filter((x) => x.live && x.at <= end).sort((x, y) => x.at - y.at)[0];
      if (!due) break;
      now = Math.max(now, due.at);
      due.live = false;
      due.run();
    }
    now = end;
    await flush();
  };
  const plays = (): AnnouncementPlay[] => inbox.flatMap((m) => (m.type === 'play' ? [m.play] : []));
  const stops = (): string[] => inbox.flatMap((m) => (m.type === 'stop' ? [m.id] : []));
  /** The speaker plays `id` to its end, as the display reports it. */
  const playThrough = (id: string) => {
    desk.report('screen', { id, event: 'started', at: now, duck: DUCK });
    desk.report('screen', { id, event: 'ended', at: now });
  };
  return { desk, emergency, log, shown, speaker, advance, plays, stops, playThrough, events: () => log.map((r) => r.event) };
}

/** Lets the desk's speech composition (a resolved promise per language) finish. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the emergency takeover at the PA desk', () => {
  it('takes the hall over again after a restart: kept on disk while active, restored, read on the speaker, gone once cleared', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-kept-'));
    try {
      const quiet = { info: () => undefined, warn: () => undefined };
      const store = () => openKeptEmergency(dir, { log: quiet });
      const before = setup(store());
      const raised = before.emergency.raise(EVACUATE, pa);
      const id = raised.ok ? raised.id : '';
      expect(existsSync(path.join(dir, 'emergency.json'))).toBe(true);

      // The player restarts: a new desk over the same state folder.
      const after = setup(store());
      expect(after.shown).toStrictEqual([expect.objectContaining({ id, level: 'evacuate', lines: [{ lang: 'zh-CN', text: '请立即疏散' }, { lang: 'en', text: 'Please leave now' }] })]);
      expect(after.emergency.status()).toMatchObject({ id, raisedBy: pa, acknowledged: [], plays: 0 });
      expect(after.events()).toContain('emergency-restored');
      after.speaker();
      await after.advance(RETRY_MS);
      expect(after.plays()[0]).toMatchObject({ kind: 'emergency', speak: true });

      expect(after.emergency.clear(floor).ok).toBe(true);
      expect(existsSync(path.join(dir, 'emergency.json'))).toBe(false);
      const again = setup(store());
      expect(again.shown).toStrictEqual([]);
      expect(again.emergency.status()).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows it everywhere at once and has the speaker read it on repeat until cleared, each play logged', async () => {
    const { emergency, speaker, advance, plays, playThrough, shown, events } = setup();
    speaker();
    const raised = emergency.raise(EVACUATE, pa);
    expect(raised.ok).toBe(true);
    const id = raised.ok ? raised.id : '';
    expect(shown).toStrictEqual([expect.objectContaining({ id, level: 'evacuate' })]);
    await advance(0);
    expect(plays()).toHaveLength(1);
    expect(plays()[0]).toMatchObject({ kind: 'emergency', repeat: READINGS_PER_PLAY, speak: true, lines: [{ lang: 'zh-CN', text: '请立即疏散' }, { lang: 'en', text: 'Please leave now' }] });
    playThrough(plays()[0]!.id);
    await advance(0);
    // The last reading ended while the emergency is active: the next play follows at once.
    expect(plays()).toHaveLength(2);
    playThrough(plays()[1]!.id);
    await advance(0);
    expect(plays()).toHaveLength(3);
    expect(emergency.status()).toMatchObject({ id, plays: 2 });
    expect(events().filter((e) => e.startsWith('emergency-'))).toStrictEqual(['emergency-raised', 'emergency-read', 'emergency-read']);
  });

  it('lets nothing lower play while active (a call is cut, a PA message waits), and the queue goes on once cleared', async () => {
    const { desk, emergency, speaker, advance, plays, stops, playThrough } = setup();
    speaker();
    await desk.announce({ what: 'call', ticket: 'A023', counter: 5, kind: 'call', repeat: 1, expiresInMs: 600_000, chime: true, languages: ['zh-CN'] }, { source: 'queue' });
    const call = plays()[0]!;
    emergency.raise(EVACUATE, pa);
    await advance(0);
    expect(stops()).toContain(call.id);
    const reading = plays()[1]!;
    expect(reading.kind).toBe('emergency');
    await desk.announce({ what: 'text', texts: [{ lang: 'zh-CN', text: '请注意' }], kind: 'pa', repeat: 1, expiresInMs: 600_000, chime: true, languages: ['zh-CN'] }, { source: 'api' });
    playThrough(reading.id);
    await advance(0);
    // Between two plays of the emergency, neither the cut call nor the PA message slips in.
    expect(plays().map((p) => p.kind)).toStrictEqual(['call', 'emergency', 'emergency']);
    const cleared = emergency.clear(floor);
    expect(cleared).toMatchObject({ ok: true, acknowledged: [] });
    // The reading on air is stopped on every display, and what waited plays on.
    expect(stops()).toContain(plays()[2]!.id);
    await advance(0);
    // The PA message outranks the cut call, which waits again behind it.
    expect(plays().map((p) => p.kind)).toStrictEqual(['call', 'emergency', 'emergency', 'pa']);
  });

  it('asks again every RETRY_MS for a reading nobody could play (no speaker past the grace), and reads once one connects', async () => {
    const { emergency, speaker, advance, plays, log } = setup();
    await advance(61_000); // the desk's speaker grace (60 s) is over: a reading fails at once
    emergency.raise(EVACUATE, pa);
    await advance(0);
    expect(log.filter((r) => r.event === 'ended')).toHaveLength(1);
    await advance(RETRY_MS);
    expect(log.filter((r) => r.event === 'ended')).toHaveLength(2);
    speaker();
    await advance(RETRY_MS);
    expect(plays()).toHaveLength(1);
    expect(log.filter((r) => r.event === 'requested')).toHaveLength(3);
  });

  it('replaces an active emergency: the old reading is stopped and the new words are read', async () => {
    const { emergency, speaker, advance, plays, stops, shown } = setup();
    speaker();
    const first = emergency.raise(EVACUATE, pa);
    await advance(0);
    const second = emergency.raise({ level: 'notice', text: '提前结束营业' }, floor);
    await advance(0);
    expect(second).toMatchObject({ ok: true, replaced: first.ok ? first.id : '' });
    expect(stops()).toContain(plays()[0]!.id);
    expect(plays()[1]!.lines).toStrictEqual([{ lang: 'zh-CN', text: '提前结束营业' }]);
    expect(shown.map((v) => v?.level ?? null)).toStrictEqual(['evacuate', 'notice']);
  });

  it('refuses to clear when none is active, and an emergency without words, changing nothing', async () => {
    const { emergency, shown, log } = setup();
    expect(emergency.clear(pa)).toStrictEqual({ ok: false, reason: 'no-emergency', error: 'no emergency is active: nothing to clear (GET /api/emergency shows the active one)' });
    expect(emergency.raise({ level: 'evacuate' }, pa)).toMatchObject({ ok: false, reason: 'invalid-request' });
    expect(shown).toStrictEqual([]);
    expect(log).toStrictEqual([]);
    expect(emergency.current()).toBeNull();
  });

  it('logs each display acknowledging the active emergency once', async () => {
    const { emergency, log } = setup();
    const raised = emergency.raise(EVACUATE, pa);
    const id = raised.ok ? raised.id : '';
    emergency.acknowledge('d1', { id, at: T0 + 120 });
    emergency.acknowledge('d1', { id, at: T0 + 300 });
    emergency.acknowledge('d2', { id: 'stale', at: T0 + 300 });
    emergency.clear(pa);
    expect(log.filter((r) => r.event.startsWith('emergency-'))).toStrictEqual([
      expect.objectContaining({ event: 'emergency-raised', id, by: pa }),
      { event: 'emergency-acknowledged', at: T0, id, display: 'd1', shownAt: T0 + 120, afterMs: 120 },
      expect.objectContaining({ event: 'emergency-cleared', id, by: pa, acknowledged: ['d1'] }),
    ]);
  });
});

describe('the emergency desk stopping', () => {
  it('asks for nothing more once stopped, even when a reading in flight fails afterwards (no timer keeps the player alive)', async () => {
    let fail: ((error: Error) => void) | null = null;
    const timers: number[] = [];
    const desk = createAnnouncementDesk({
      clock: { now: () => T0 },
      timers: { after: (ms) => (timers.push(ms), () => undefined) },
      log: { info: () => undefined, warn: () => undefined },
      record: () => undefined,
      speak: () => new Promise((_, reject) => (fail = reject)),
    });
    desk.configure(null, TimeZone.of('Asia/Shanghai'), fakePacks());
    const emergency = createEmergencyDesk({ clock: { now: () => T0 }, timers: { after: (ms) => (timers.push(ms), () => undefined) }, log: { info: () => undefined, warn: () => undefined }, desk, record: () => undefined, templates: () => ({}), chime: () => true });
    emergency.raise(EVACUATE, pa);
    await flush();
    emergency.stop();
    const before = timers.length;
    fail!(new Error('espeak-ng thread exited (code 1)'));
    await flush();
    expect(timers.filter((ms) => ms === RETRY_MS)).toHaveLength(0);
    expect(timers.length).toBe(before);
  });
});
