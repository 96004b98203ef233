import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { createHealth } from '../../domain/health/health.js';
import { createSpeechCache } from './speech-cache.js';
import type { SpeechEngine } from './speech-engine.js';
import { encodeWav } from './wav.js';

/** Counts calls and makes a WAV of `bytes` bytes whose samples encode the call number. */
function countingEngine(bytes = 1044) {
  const calls: Array<{ text: string; voice: string; rate: number }> = [];
  const engine: SpeechEngine = {
    id: 'counting',
    voices: ['zh-CN', 'en'],
    async synthesize(text, voice, rate) {
      calls.push({ text, voice, rate });
      return encodeWav(new Int16Array((bytes - 44) / 2).fill(calls.length), 16000);
    },
  };
  return { engine, calls };
}

describe('speech cache', () => {
  let dir: string;
  let clock: number;
  const now = () => new Date(clock);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speech-cache-'));
    clock = Date.UTC(2025, 0, 6, 9, 0, 0);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('synthesises a phrase once and returns the same file after', async () => {
    const { engine, calls } = countingEngine();
    const cache = createSpeechCache({ engine, dir, now });
    const first = await cache.render('请保管好您的随身物品', 'zh-CN');
    const again = await cache.render('  请保管好您的随身物品 ', 'zh-CN');
    expect(again).toBe(first);
    expect(calls).toHaveLength(1);
    expect((await readFile(first)).toString('ascii', 0, 4)).toBe('RIFF');
    // A new cache over the same folder (player restart) still hits.
    await createSpeechCache({ engine, dir, now }).render('请保管好您的随身物品', 'zh-CN');
    expect(calls).toHaveLength(1);
  });

  it('keys on voice, rate and engine as well as text', async () => {
    const { engine, calls } = countingEngine();
    await createSpeechCache({ engine, dir, now }).render('OK', 'en');
    await createSpeechCache({ engine, dir, now }).render('OK', 'zh-CN');
    await createSpeechCache({ engine, dir, now, rate: 1.2 }).render('OK', 'en');
    await createSpeechCache({ engine: { ...engine, id: 'other' }, dir, now }).render('OK', 'en');
    expect(calls.map((c) => [c.voice, c.rate])).toEqual([['en', 1], ['zh-CN', 1], ['en', 1.2], ['en', 1]]);
  });

  it('shares one synthesis between simultaneous requests, and prerenders a list', async () => {
    const { engine, calls } = countingEngine();
    const cache = createSpeechCache({ engine, dir, now });
    const [a, b] = await Promise.all([cache.render('Mind the step', 'en'), cache.render('Mind the step', 'en')]);
    expect(a).toBe(b);
    const paths = await cache.prerender([
      { text: 'Mind the step', voice: 'en' },
      { text: '小心台阶', voice: 'zh-CN' },
    ]);
    expect(paths[0]).toBe(a);
    expect(calls.map((c) => c.text)).toEqual(['Mind the step', '小心台阶']);
    // Only finished WAVs are left, no temporary files.
    expect((await readdir(dir)).every((n) => n.endsWith('.wav'))).toBe(true);
  });

  it('deletes the least recently used files beyond the size budget', async () => {
    const { engine, calls } = countingEngine(1044);
    const cache = createSpeechCache({ engine, dir, now, maxBytes: 3 * 1044 });
    const one = await cache.render('one', 'en');
    clock += 60_000;
    await cache.render('two', 'en');
    clock += 60_000;
    await cache.render('three', 'en');
    clock += 60_000;
    await cache.render('one', 'en'); // used again: now the newest
    clock += 60_000;
    await cache.render('four', 'en'); // over budget: 'two' is the oldest use
    expect(await readdir(dir)).toHaveLength(3);
    expect(calls).toHaveLength(4);
    await cache.render('one', 'en');
    await cache.render('three', 'en');
    expect(calls).toHaveLength(4);
    await cache.render('two', 'en');
    expect(calls.map((c) => c.text)).toEqual(['one', 'two', 'three', 'four', 'two']);
    expect(one).toMatch(/en-[0-9a-f]{32}\.wav$/);
  });

  it('refuses bad input before the engine is called', async () => {
    const { engine, calls } = countingEngine();
    const cache = createSpeechCache({ engine, dir, now });
    await expect(cache.render('', 'en')).rejects.toThrow('speech text is empty');
    await expect(cache.render('a'.repeat(10_000), 'en')).rejects.toThrow('the limit is 500');
    await expect(cache.render('Hello', 'fr')).rejects.toThrow('unknown voice "fr"; available: zh-CN, en');
    expect(calls).toHaveLength(0);
  });

  it('passes on an engine failure and caches nothing', async () => {
    const failing: SpeechEngine = { id: 'f', voices: ['en'], synthesize: async () => Promise.reject(new Error('engine down')) };
    await expect(createSpeechCache({ engine: failing, dir, now }).render('Hello', 'en')).rejects.toThrow('engine down');
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails only the phrase a full disk refuses, gives back what it took, reports it, and clears once a phrase is kept', async () => {
    const { engine } = countingEngine();
    const health = createHealth({ now: () => clock, log: { info: () => undefined, warn: () => undefined } });
    let full = true;
    const cache = createSpeechCache({
      engine,
      dir,
      now,
      health,
      async writeFile(file, data) {
        // A full disk takes part of the WAV, then refuses.
        await writeFile(file, full ? data.subarray(0, 100) : data);
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(cache.render('请保管好您的随身物品', 'zh-CN')).rejects.toThrow('ENOSPC');
    expect(await readdir(dir)).toEqual([]);
    expect(health.view().classes.disk.active).toEqual([expect.objectContaining({ key: 'speech-cache', fields: expect.objectContaining({ code: 'ENOSPC', dropped: 1 }) })]);
    full = false;
    const file = await cache.render('请保管好您的随身物品', 'zh-CN');
    expect((await readFile(file)).length).toBe(1044);
    expect(health.view().ok).toBe(true);
  });
});
