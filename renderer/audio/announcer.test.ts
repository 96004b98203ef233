import { describe, expect, it } from 'vitest';
import { Announcer, type AnnouncerOptions } from './announcer.js';

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
    state: 'running',
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

function announcer(files: Record<string, string>, f = fakeContext()) {
  const fetched: string[] = [];
  const opts = {
    ctx: f.ctx,
    destination: {},
    programmeGain: f.programmeGain,
    clipUrl: (lang: string, seg: string) => `/media/voice/${lang}/${seg}.ogg`,
    fetchClip: async (url: string) => {
      fetched.push(url);
      const body = files[url];
      if (body === undefined) throw new Error('HTTP 404');
      return new TextEncoder().encode(body).buffer;
    },
  } as unknown as AnnouncerOptions;
  return { a: new Announcer(opts), f, fetched };
}

const files = { '/media/voice/zh/a.ogg': '0.5', '/media/voice/zh/b.ogg': '0.25', '/media/voice/zh/bad.ogg': 'xx' };

describe('Announcer', () => {
  it('schedules the clips back to back after the duck and ducks the programme', async () => {
    const { a, f } = announcer(files);
    const p = await a.play({ lang: 'zh', segments: ['a', 'b', 'a'], repeat: 1 });
    expect(f.sources.map((s) => s.at)).toEqual([2.55, 3.05, 3.3]);
    expect(p.startedAt).toBe(2.55);
    expect(p.endsAt).toBe(3.8);
    expect(f.log.filter((l) => l.startsWith('programme'))).toEqual([
      'programme cancel 2', 'programme set 1 @2',
      'programme set 1 @2.05', 'programme ramp 0.1778 @2.55', 'programme set 0.1778 @3.8', 'programme ramp 1 @5.3',
    ]);
  });

  it('fetches each clip once, however often it is used', async () => {
    const { a, f, fetched } = announcer(files);
    const p = await a.play({ lang: 'zh', segments: ['a', 'b', 'a'], repeat: 2 });
    f.sources.at(-1)!.onended!();
    expect(await p.ended).toBe('completed');
    await a.play({ lang: 'zh', segments: ['a'], repeat: 1 });
    expect(fetched).toEqual(['/media/voice/zh/a.ogg', '/media/voice/zh/b.ogg']);
  });

  it('rejects a call with a missing or undecodable clip, naming it, and plays none of it', async () => {
    const { a, f } = announcer(files);
    await expect(a.play({ lang: 'zh', segments: ['a', 'nope'], repeat: 1 })).rejects.toThrow(
      'announcer: clip "nope" (/media/voice/zh/nope.ogg) could not be loaded: HTTP 404',
    );
    await expect(a.play({ lang: 'zh', segments: ['bad', 'a'], repeat: 1 })).rejects.toThrow(/clip "bad" .*Unable to decode/);
    expect(f.sources).toEqual([]);
    expect(f.log.some((l) => l.startsWith('programme'))).toBe(false);
    expect(a.playing).toBe(false);
  });

  it('refuses a second announcement while one is loading or speaking', async () => {
    const { a } = announcer(files);
    const first = a.play({ lang: 'zh', segments: ['a'], repeat: 1 });
    await expect(a.play({ lang: 'zh', segments: ['b'], repeat: 1 })).rejects.toThrow(/already playing/);
    await first;
    await expect(a.play({ lang: 'zh', segments: ['b'], repeat: 1 })).rejects.toThrow(/already playing/);
  });

  it('stop() cuts the speech and restores the programme within 0.3 s', async () => {
    const { a, f } = announcer(files);
    const p = await a.play({ lang: 'zh', segments: ['a', 'b'], repeat: 1 });
    f.ctx.currentTime = 2.8;
    f.programmeGain.gain.value = 0.1778;
    a.stop();
    expect(await p.ended).toBe('stopped');
    expect(f.sources.map((s) => +s.stoppedAt!.toFixed(6))).toEqual([2.83, 2.83]);
    expect(f.log.slice(-3)).toEqual(['programme set 0.1778 @2.8', 'programme set 0.1778 @2.8', 'programme ramp 1 @3.1']);
    expect(a.playing).toBe(false);
  });

  it('stop() during loading rejects that play without scheduling it', async () => {
    const { a, f } = announcer(files);
    const p = a.play({ lang: 'zh', segments: ['a'], repeat: 1 });
    a.stop();
    await expect(p).rejects.toThrow(/stopped before it started/);
    expect(f.sources).toEqual([]);
  });
});
