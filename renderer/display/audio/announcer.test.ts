import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer, LEAD_S, leadFor, type AnnouncerOptions, type SpeechPlan } from './announcer.js';
import { DEFAULT_DUCK } from './speech-schedule.js';

/** Just enough of a BaseAudioContext to record what the announcer schedules. */
function fakeContext(now = 2) {
  const log: string[] = [];
  const sources: { buffer: { duration: number } | null; at: number | null; stoppedAt: number | null; onended: (() => void) | null }[] = [];
  const param = (name: string) => ({
    value: 1,
    cancelScheduledValues: (t: number) => log.push(`${name} cancel ${t}`),
    setValueAtTime: (v: number, t: number) => log.push(`${name} set ${+v.toFixed(4)} @${+t.toFixed(4)}`),
    linearRampToValueAtTime: (v: number, t: number) => log.push(`${name} ramp ${+v.toFixed(4)} @${+t.toFixed(4)}`),
  });
  const ctx = {
    currentTime: now,
    state: 'running' as AudioContextState,
    resumed: 0,
    resume() {
      this.resumed++;
      return new Promise<void>(() => undefined); // no gesture: never resolves
    },
    createGain: () => ({ gain: param('speech'), connect: () => undefined, disconnect: () => undefined }),
    createBufferSource: () => {
      const s = { buffer: null, at: null as number | null, stoppedAt: null as number | null, onended: null, connect: () => undefined,
        start(t: number) { this.at = t; }, stop(t: number) { this.stoppedAt = t; } };
      sources.push(s);
      return s;
    },
    // The fake "file" is its duration in seconds, as text.
    decodeAudioData: async (bytes: ArrayBuffer) => {
      const d = Number(new TextDecoder().decode(bytes));
      if (!(d > 0)) throw new Error('Unable to decode audio data');
      return { duration: d };
    },
  };
  return { ctx, sources, log, programmeGain: { gain: param('programme') } };
}

function announcer(f = fakeContext(), leadSeconds: number | null = 0.05) {
  const fetched: string[] = [];
  const opts = {
    ctx: f.ctx,
    destination: {},
    programmeGain: f.programmeGain,
    leadSeconds: leadSeconds ?? undefined,
    fetchClip: async (url: string) => {
      fetched.push(url);
      const body = files[url];
      if (body === undefined) throw new Error('HTTP 404');
      return new TextEncoder().encode(body).buffer;
    },
  } as unknown as AnnouncerOptions;
  return { a: new Announcer(opts), f, fetched };
}

const files: Record<string, string> = { '/v/chime.ogg': '1.5', '/v/a.ogg': '0.5', '/v/b.ogg': '0.25', '/v/bad.ogg': 'xx' };
const plan = (clips: string[], more: Partial<SpeechPlan> = {}): SpeechPlan => ({ clips, leadIn: 0, repeat: 1, pauseSeconds: 0.75, duck: DEFAULT_DUCK, ...more });
const programme = (log: string[]) => log.filter((l) => l.startsWith('programme'));

afterEach(() => vi.useRealTimers());

describe('Announcer', () => {
  it('schedules the clips back to back after the duck and ducks the programme', async () => {
    const { a, f } = announcer();
    const p = await a.play(plan(['/v/a.ogg', '/v/b.ogg', '/v/a.ogg']));
    expect(f.sources.map((s) => s.at)).toEqual([2.55, 3.05, 3.3]);
    expect([p.duckAt, p.startedAt, p.endsAt, p.restoredAt]).toEqual([2.05, 2.55, 3.8, 5.3]);
    expect(programme(f.log)).toEqual([
      'programme cancel 2', 'programme set 1 @2',
      'programme set 1 @2.05', 'programme ramp 0.1778 @2.55', 'programme set 0.1778 @3.8', 'programme ramp 1 @5.3',
    ]);
  });

  it('sounds the lead-in (the chime) at once, under the attack, and the words right after it', async () => {
    const { a, f } = announcer();
    const p = await a.play(plan(['/v/chime.ogg', '/v/a.ogg', '/v/b.ogg'], { leadIn: 1 }));
    expect(f.sources.map((s) => s.at)).toEqual([2.05, 3.55, 4.05]);
    expect(p.startedAt).toBe(2.05);
    expect(programme(f.log).slice(2)).toEqual(['programme set 1 @2.05', 'programme ramp 0.1778 @2.55', 'programme set 0.1778 @4.3', 'programme ramp 1 @5.8']);
  });

  it("ducks by the play's own depth and times, and reads it `repeat` times with its pause", async () => {
    const { a, f } = announcer();
    await a.play(plan(['/v/a.ogg', '/v/b.ogg'], { repeat: 2, pauseSeconds: 0.5, duck: { depthDb: -20, attackSeconds: 0.25, releaseSeconds: 1 } }));
    expect(f.sources.map((s) => s.at)).toEqual([2.3, 2.8, 3.55, 4.05]);
    expect(programme(f.log).slice(2)).toEqual(['programme set 1 @2.05', 'programme ramp 0.1 @2.3', 'programme set 0.1 @4.3', 'programme ramp 1 @5.3']);
  });

  it(`schedules ${LEAD_S * 1000} ms ahead of the context clock by default, and a lead-in (the chime) at once`, async () => {
    const first = announcer(fakeContext(), null);
    await first.a.play(plan(['/v/a.ogg']));
    expect(first.f.sources[0]!.at).toBe(2 + LEAD_S + 0.5);
    const chimed = announcer(fakeContext(), null);
    await chimed.a.play(plan(['/v/chime.ogg', '/v/a.ogg'], { leadIn: 1 }));
    expect(chimed.f.sources[0]!.at).toBe(2);
  });

  it('leads by two render callbacks where those are longer than the default', () => {
    expect(leadFor({ baseLatency: 0.005 } as AudioContext)).toBe(LEAD_S);
    expect(leadFor({ baseLatency: 0.04 } as AudioContext)).toBe(0.08);
    expect(leadFor({} as BaseAudioContext)).toBe(LEAD_S);
  });

  it('fetches each clip once, however often it is used', async () => {
    const { a, f, fetched } = announcer();
    const p = await a.play(plan(['/v/a.ogg', '/v/b.ogg', '/v/a.ogg'], { repeat: 2 }));
    expect(f.sources).toHaveLength(6);
    f.sources.at(-1)!.onended!();
    expect(await p.ended).toBe('completed');
    await a.preload(['/v/a.ogg', '/v/chime.ogg']);
    await a.play(plan(['/v/a.ogg', '/v/chime.ogg']));
    expect(fetched).toEqual(['/v/a.ogg', '/v/b.ogg', '/v/chime.ogg']);
  });

  it('rejects a play with a missing or undecodable clip, naming its URL, and plays none of it', async () => {
    const { a, f } = announcer();
    await expect(a.play(plan(['/v/a.ogg', '/v/nope.ogg']))).rejects.toThrow('announcer: clip /v/nope.ogg could not be loaded: HTTP 404');
    await expect(a.play(plan(['/v/bad.ogg', '/v/a.ogg']))).rejects.toThrow(/clip \/v\/bad\.ogg .*Unable to decode/);
    expect(f.sources).toEqual([]);
    expect(f.log.some((l) => l.startsWith('programme'))).toBe(false);
    expect(a.playing).toBe(false);
  });

  it('refuses a plan it cannot time before fetching anything', async () => {
    const { a, fetched } = announcer();
    await expect(a.play(plan(['/v/a.ogg'], { leadIn: 2 }))).rejects.toThrow(/leadIn/);
    await expect(a.play(plan([]))).rejects.toThrow(/at least one clip/);
    expect(fetched).toEqual([]);
    expect(a.playing).toBe(false);
  });

  it('refuses a second announcement while one is loading or speaking', async () => {
    const { a } = announcer();
    const first = a.play(plan(['/v/a.ogg']));
    await expect(a.play(plan(['/v/b.ogg']))).rejects.toThrow(/already playing/);
    await first;
    await expect(a.play(plan(['/v/b.ogg']))).rejects.toThrow(/already playing/);
  });

  it('stop() cuts the speech and restores the programme within 0.3 s', async () => {
    const { a, f } = announcer();
    const p = await a.play(plan(['/v/a.ogg', '/v/b.ogg']));
    f.ctx.currentTime = 2.8;
    f.programmeGain.gain.value = 0.1778;
    a.stop();
    expect(await p.ended).toBe('stopped');
    expect(f.sources.map((s) => +s.stoppedAt!.toFixed(6))).toEqual([2.83, 2.83]);
    expect(f.log.slice(-3)).toEqual(['programme set 0.1778 @2.8', 'programme set 0.1778 @2.8', 'programme ramp 1 @3.1']);
    expect(a.playing).toBe(false);
  });

  it('stop() during loading rejects that play without scheduling it, and the next play goes ahead', async () => {
    const { a, f } = announcer();
    const p = a.play(plan(['/v/a.ogg']));
    a.stop();
    const next = a.play(plan(['/v/b.ogg']));
    await expect(p).rejects.toThrow(/stopped before it started/);
    await next;
    expect(f.sources.map((s) => s.buffer!.duration)).toEqual([0.25]);
    expect(a.playing).toBe(true);
  });

  it('rejects when the context stays suspended (no autoplay), instead of hanging', async () => {
    vi.useFakeTimers();
    const f = fakeContext();
    f.ctx.state = 'suspended';
    const { a } = announcer(f);
    const p = a.play(plan(['/v/a.ogg']));
    const seen = expect(p).rejects.toThrow('announcer: the audio output is suspended (autoplay not allowed?)');
    await vi.advanceTimersByTimeAsync(1_000);
    await seen;
    expect(f.ctx.resumed).toBe(1);
    expect(f.sources).toEqual([]);
    expect(a.playing).toBe(false);
  });
});
