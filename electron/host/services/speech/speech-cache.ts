/**
 * Synthesised speech kept as WAV files, so a care notice repeated every 20 minutes is made once.
 * The key is (engine, voice, rate, text); a file's mtime is its last use, and the oldest files
 * go when the folder grows past its budget.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Health } from '../../domain/health/health.js';
import { diskStore } from '../../domain/health/disk-store.js';
import type { SpeechEngine } from './speech-engine.js';
import { checkSpeechRequest } from '../../domain/speech-plans/speech-request.js';

export interface SpeechCacheOptions {
  engine: SpeechEngine;
  dir: string;
  /** Rate every phrase is rendered at (1 = normal). */
  rate?: number;
  /** Size budget for the folder; least recently used files beyond it are deleted. */
  maxBytes?: number;
  now?: () => Date;
  /** Where a write the disk refuses is reported (`disk`, key 'speech-cache'). */
  health?: Health | null;
  /**
   * Applied to each new WAV before it is kept (the host brings it to the packs' loudness). Its
   * `id` is part of the key, so files made before (or with another target) are not replayed.
   */
  finish?: { id: string; apply(wav: Buffer): Buffer };
  /** Writes a new WAV (tests make the disk full with it). */
  writeFile?: (file: string, data: Uint8Array) => Promise<void>;
}

export interface SpeechPhrase {
  text: string;
  voice: string;
}

export interface SpeechCache {
  /** Path of a WAV speaking `text`, synthesised only if not already cached. */
  render(text: string, voice: string): Promise<string>;
  /** Renders the phrases of timed announcements ahead of time, one after another. */
  prerender(phrases: readonly SpeechPhrase[]): Promise<string[]>;
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export function speechCacheKey(engineId: string, voice: string, rate: number, text: string): string {
  return createHash('sha256').update(JSON.stringify([engineId, voice, rate, text])).digest('hex');
}

export function createSpeechCache(options: SpeechCacheOptions): SpeechCache {
  const { engine, dir } = options;
  const rate = options.rate ?? 1;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? (() => new Date());
  // Two callers asking for the same new phrase at once share one synthesis.
  const inFlight = new Map<string, Promise<string>>();
  const disk = diskStore(options.health, 'speech-cache', 'phrases');

  async function renderUncached(path: string, text: string, voice: string): Promise<string> {
    const hit = await stat(path).catch(() => null);
    if (hit) {
      await utimes(path, now(), now());
      return path;
    }
    const raw = await engine.synthesize(text, voice, rate);
    const wav = options.finish ? options.finish.apply(raw) : raw;
    // A crash mid-write leaves only a .tmp file, never a truncated WAV under the real name.
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(dir, { recursive: true });
      await (options.writeFile ?? writeFile)(tmp, wav);
      await utimes(tmp, now(), now());
      await rename(tmp, path);
    } catch (error) {
      // A full disk keeps what it took of the WAV: give it back, report it, and fail this phrase only.
      await rm(tmp, { force: true }).catch(() => undefined);
      disk.failed(error);
      throw new Error(`the speech cache could not keep the phrase (${(error as NodeJS.ErrnoException).code}): free space in the state folder`, { cause: error });
    }
    disk.wrote();
    await evict(path);
    return path;
  }

  async function evict(keep: string): Promise<void> {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.wav'));
    const files = await Promise.all(
      names.map(async (n) => {
        const s = await stat(join(dir, n)).catch(() => null);
        return s ? { path: join(dir, n), size: s.size, used: s.mtimeMs } : null;
      }),
    );
    const present = files.filter((f) => f !== null).sort((a, b) => a.used - b.used);
    let total = present.reduce((n, f) => n + f.size, 0);
    for (const f of present) {
      if (total <= maxBytes) break;
      if (f.path === keep) continue;
      await rm(f.path, { force: true });
      total -= f.size;
    }
  }

  async function render(text: string, voice: string): Promise<string> {
    const spoken = checkSpeechRequest(text, voice, engine.voices, rate);
    const key = speechCacheKey(options.finish ? `${engine.id}+${options.finish.id}` : engine.id, voice, rate, spoken);
    // The voice prefix is only for a human browsing the folder; keep it a safe file-name fragment.
    const path = join(dir, `${voice.replace(/[^A-Za-z0-9-]/g, '_')}-${key.slice(0, 32)}.wav`);
    const pending = inFlight.get(path);
    if (pending) return pending;
    const job = renderUncached(path, spoken, voice).finally(() => inFlight.delete(path));
    inFlight.set(path, job);
    return job;
  }

  return {
    render,
    async prerender(phrases) {
      const paths: string[] = [];
      for (const p of phrases) paths.push(await render(p.text, p.voice));
      return paths;
    },
  };
}
