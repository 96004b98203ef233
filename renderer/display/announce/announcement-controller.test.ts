import { describe, expect, it } from 'vitest';
import type { AnnouncementPlay, AnnouncementReport } from '../../../electron/contract/messages.js';
import type { EndReason, Playback, SpeechPlan } from '../audio/announcer.js';
import { DEFAULT_DUCK } from '../audio/speech-schedule.js';
import { AnnouncementController, type ControllerDeps } from './announcement-controller.js';

/** A speaker whose plays the test settles by hand, like the Announcer: one at a time, stop() ends it. */
function fakeSpeaker() {
  const plays: { plan: SpeechPlan; resolve: (p: Playback) => void; reject: (e: Error) => void; end: (r: EndReason) => void }[] = [];
  let stops = 0;
  return {
    plays,
    get stops() {
      return stops;
    },
    play(plan: SpeechPlan): Promise<Playback> {
      return new Promise<Playback>((resolve, reject) => {
        let end!: (r: EndReason) => void;
        const ended = new Promise<EndReason>((r) => (end = r));
        plays.push({ plan, resolve: (p) => resolve({ ...p, ended }), reject, end });
      });
    },
    stop() {
      stops++;
      const last = plays.at(-1);
      last?.end('stopped');
      last?.reject(new Error('announcer: stopped before it started'));
    },
  };
}

/** Context times → host ms: context 0 s is host 1 000 000 ms, heard 30 ms later. */
function world(speaker: ReturnType<typeof fakeSpeaker> | null = fakeSpeaker()) {
  const sent: AnnouncementReport[] = [];
  const banner: string[] = [];
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const deps: ControllerDeps = {
    speaker,
    banner: { show: (id, kind, lines) => void banner.push(`show ${id} ${kind} ${lines.map((l) => l.text).join(' / ')}`), hide: (id) => void banner.push(`hide ${id}`) },
    send: (r) => void sent.push(r),
    hostTimeOf: (t) => 1_000_000 + t * 1000 + 30,
    msUntil: (t) => Math.max(0, (t - 2) * 1000),
    hostNow: () => 1_000_500,
    after: (ms, run) => {
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  };
  const fire = (): void => {
    for (const t of timers.splice(0)) if (!t.cancelled) t.run();
  };
  return { c: new AnnouncementController(deps), speaker: speaker!, sent, banner, timers, fire };
}

const play = (id: string, speak = true): AnnouncementPlay => ({
  id,
  kind: 'call',
  clips: ['/media/voice/zh-CN/chime.ogg', '/media/voice/zh-CN/qing.ogg'],
  leadIn: 1,
  repeat: 1,
  pauseSeconds: 0.8,
  duck: DEFAULT_DUCK,
  lines: [
    { lang: 'zh-CN', text: `请 ${id} 号到 5 号窗口` },
    { lang: 'en', text: `Ticket ${id}, please go to counter 5` },
  ],
  speak,
});
const playback = (startedAt: number, endsAt: number) => ({ duckAt: startedAt, startedAt, endsAt, restoredAt: endsAt + 1.5 }) as Playback;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('AnnouncementController', () => {
  it('speaks a play, shows its banner, reports started when the first clip sounds and ended when it completes', async () => {
    const { c, speaker, sent, banner, timers, fire } = world();
    c.handle({ type: 'play', play: play('A023') });
    expect(speaker.plays[0]!.plan.clips).toEqual(play('A023').clips);
    expect(c.speaking).toBeNull(); // still decoding
    speaker.plays[0]!.resolve(playback(2.02, 5.5));
    await settle();
    expect(c.speaking).toBe('A023');
    expect(banner).toEqual(['show A023 call 请 A023 号到 5 号窗口 / Ticket A023, please go to counter 5']);
    expect(sent).toEqual([]);
    expect(timers.map((t) => Math.round(t.ms))).toEqual([20]);
    fire();
    expect(sent).toEqual([{ id: 'A023', event: 'started', at: 1_002_050, duck: DEFAULT_DUCK }]);
    speaker.plays[0]!.end('completed');
    await settle();
    expect(sent.at(-1)).toEqual({ id: 'A023', event: 'ended', at: 1_005_530 });
    expect(banner.at(-1)).toBe('hide A023');
    expect(c.speaking).toBeNull();
    expect(c.reports).toHaveLength(2);
  });

  it('reports failed with the reason when a clip does not load, and shows nothing', async () => {
    const { c, speaker, sent, banner } = world();
    c.handle({ type: 'play', play: play('B1') });
    speaker.plays[0]!.reject(new Error('announcer: clip /media/voice/zh-CN/qing.ogg could not be loaded: HTTP 404'));
    await settle();
    expect(sent).toEqual([{ id: 'B1', event: 'failed', at: 1_000_500, reason: 'announcer: clip /media/voice/zh-CN/qing.ogg could not be loaded: HTTP 404' }]);
    expect(banner.filter((b) => b.startsWith('show'))).toEqual([]);
    expect(c.speaking).toBeNull();
  });

  it('fails at once without an audio output', () => {
    const { c, sent } = world(null);
    c.handle({ type: 'play', play: play('C1') });
    expect(sent).toEqual([{ id: 'C1', event: 'failed', at: 1_000_500, reason: 'this display has no audio output (Web Audio unavailable)' }]);
  });

  it('a stop cuts the one speaking, reports it ended with the reason and takes the banner down', async () => {
    const { c, speaker, sent, banner, fire } = world();
    c.handle({ type: 'play', play: play('A1') });
    speaker.plays[0]!.resolve(playback(2.02, 5));
    await settle();
    fire();
    c.handle({ type: 'stop', id: 'A1', reason: 'preempted by an emergency' });
    await settle();
    expect(speaker.stops).toBe(1);
    expect(sent.map((r) => `${r.event} ${r.reason ?? ''}`)).toEqual(['started ', 'ended preempted by an emergency']);
    expect(banner.at(-1)).toBe('hide A1');
    expect(c.speaking).toBeNull();
  });

  it('a stop before the first clip sounds never reports started', async () => {
    const { c, speaker, sent, fire } = world();
    c.handle({ type: 'play', play: play('A1') });
    speaker.plays[0]!.resolve(playback(2.02, 5));
    await settle();
    c.handle({ type: 'stop', id: 'A1', reason: 'stale' });
    fire();
    expect(sent.map((r) => r.event)).toEqual(['ended']);
  });

  it('a stop while the clips load cuts it too, and the failed load is not reported again', async () => {
    const { c, speaker, sent } = world();
    c.handle({ type: 'play', play: play('A1') });
    c.handle({ type: 'stop', id: 'A1', reason: 'stale' });
    await settle();
    expect(speaker.stops).toBe(1);
    expect(sent).toEqual([{ id: 'A1', event: 'ended', at: 1_000_500, reason: 'stale' }]);
  });

  it('ignores a stop for another or an already ended announcement, except for its banner', async () => {
    const { c, speaker, sent, banner } = world();
    c.handle({ type: 'play', play: play('A1') });
    speaker.plays[0]!.resolve(playback(2.02, 5));
    await settle();
    c.handle({ type: 'stop', id: 'OLD', reason: 'ended' });
    expect(speaker.stops).toBe(0);
    expect(c.speaking).toBe('A1');
    expect(banner.at(-1)).toBe('hide OLD');
    speaker.plays[0]!.end('completed');
    await settle();
    c.handle({ type: 'stop', id: 'A1', reason: 'ended' }); // the host's stop after our own ended
    expect(speaker.stops).toBe(0);
    expect(sent.filter((r) => r.event === 'ended')).toHaveLength(1);
  });

  it('a play while another speaks cuts the old one first (ended, superseded), then speaks the new one', async () => {
    const { c, speaker, sent, banner, fire } = world();
    c.handle({ type: 'play', play: play('A1') });
    speaker.plays[0]!.resolve(playback(2.02, 5));
    await settle();
    fire();
    c.handle({ type: 'play', play: play('A2') });
    expect(speaker.stops).toBe(1);
    expect(speaker.plays).toHaveLength(2);
    expect(sent.map((r) => `${r.id} ${r.event} ${r.reason ?? ''}`.trim())).toEqual(['A1 started', 'A1 ended superseded']);
    speaker.plays[1]!.resolve(playback(2.02, 4));
    await settle();
    expect(c.speaking).toBe('A2');
    expect(banner.slice(-2)).toEqual(['hide A1', 'show A2 call 请 A2 号到 5 号窗口 / Ticket A2, please go to counter 5']);
  });

  it('a play that supersedes one still loading leaves no failed report behind', async () => {
    const { c, speaker, sent } = world();
    c.handle({ type: 'play', play: play('A1') });
    c.handle({ type: 'play', play: play('A2') });
    await settle();
    expect(sent.map((r) => `${r.id} ${r.event} ${r.reason ?? ''}`.trim())).toEqual(['A1 ended superseded']);
    expect(speaker.plays).toHaveLength(2);
  });

  it('a repeated play of the one on air changes nothing', async () => {
    const { c, speaker, sent } = world();
    c.handle({ type: 'play', play: play('A1') });
    c.handle({ type: 'play', play: play('A1') });
    expect(speaker.plays).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('on a display without the PA only shows the banner until the stop, and reports nothing', () => {
    const { c, speaker, sent, banner } = world();
    c.handle({ type: 'play', play: play('A1', false) });
    expect(speaker.plays).toHaveLength(0);
    expect(c.speaking).toBeNull();
    c.handle({ type: 'stop', id: 'A1', reason: 'ended' });
    expect(banner).toEqual(['show A1 call 请 A1 号到 5 号窗口 / Ticket A1, please go to counter 5', 'hide A1']);
    expect(sent).toEqual([]);
  });

  it('keeps the last 50 reports', () => {
    const { c } = world(null);
    for (let i = 0; i < 60; i++) c.handle({ type: 'play', play: play(`N${i}`) });
    expect(c.reports).toHaveLength(50);
    expect(c.reports[0]!.id).toBe('N10');
  });
});
