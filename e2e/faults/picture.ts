/**
 * What the wall shows, for the fault suite: the mean luma of a real screenshot (what the browser
 * composited, video and WebGL included), and a watcher that samples it while a fault is injected
 * and reports the longest run of blank samples. "Unattended" means no blank screen longer than one
 * item's load time (LOAD_TIMEOUT_MS, the renderer's own bound), ever.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

/** The renderer's load timeout for one item (renderer/display/player/video-slot.ts, still-slot.ts). */
export const LOAD_TIMEOUT_MS = 10_000;
/** Mean luma (0–255) under which a screenshot counts as blank: black, or a crashed tab's grey "Aw, Snap!" is not (see `isBlank`). */
export const BLANK_LUMA = 16;

export interface PictureSample {
  /** ms since the watch started. */
  t: number;
  /** Mean luma 0–255, or null when no screenshot could be taken (crashed or hung tab). */
  luma: number | null;
}

/** Mean luma of a PNG, every 4th pixel of every 4th row (plenty for "is anything there"). */
export function meanLuma(png: Buffer): number {
  const image = PNG.sync.read(png);
  let sum = 0;
  let n = 0;
  for (let y = 0; y < image.height; y += 4) {
    for (let x = 0; x < image.width; x += 4) {
      const i = (y * image.width + x) * 4;
      sum += 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
      n++;
    }
  }
  return n ? sum / n : 0;
}

/**
 * A screenshot may take seconds on a loaded 2-core machine (3.4–6.3 s seen at load 30): a timeout
 * shorter than that reports a playing screen as hung.
 */
export const SCREENSHOT_TIMEOUT_MS = 10_000;

export async function screenLuma(page: Page, timeoutMs = SCREENSHOT_TIMEOUT_MS): Promise<number | null> {
  try {
    return meanLuma(await page.screenshot({ timeout: timeoutMs, animations: 'allow', caret: 'initial', scale: 'css' }));
  } catch {
    return null;
  }
}

export interface PictureWatch {
  stop(): Promise<PictureSample[]>;
}

/** Samples `screenLuma` back to back (each takes ~100–300 ms on a quiet machine) until stopped. */
export function watchPicture(page: Page, intervalMs = 250, timeoutMs = SCREENSHOT_TIMEOUT_MS): PictureWatch {
  const samples: PictureSample[] = [];
  const started = Date.now();
  let running = true;
  const loop = (async () => {
    while (running) {
      const luma = await screenLuma(page, timeoutMs);
      samples.push({ t: Date.now() - started, luma });
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

/**
 * The same watch judging only the screenshots that were taken: for a fault whose tab is never at
 * stake (a flood of requests), where a screenshot that timed out on a loaded machine says nothing
 * of the wall. Callers still require a minimum number of samples.
 */
export function takenOnly(watch: PictureWatch): PictureWatch {
  return { stop: async () => (await watch.stop()).filter((s) => s.luma !== null) };
}

const isBlank = (s: PictureSample): boolean => s.luma === null || s.luma < BLANK_LUMA;

/** The longest stretch (ms) from the first blank sample of a run to the first good one after it. */
export function longestBlankMs(samples: PictureSample[]): number {
  let longest = 0;
  let since: number | null = null;
  for (const s of samples) {
    if (isBlank(s)) since ??= s.t;
    else if (since !== null) {
      longest = Math.max(longest, s.t - since);
      since = null;
    }
  }
  if (since !== null && samples.length) longest = Math.max(longest, samples[samples.length - 1]!.t - since);
  return longest;
}
