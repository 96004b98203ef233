/**
 * Bounds Chromium's text cache behind pixi's text measuring: after `limit` distinct strings, pixi
 * gets a fresh measuring canvas and the old one, with everything Chromium shaped on it, is left to
 * the garbage collector (text-cache-budget.ts says why; BENCHMARKS.md "Soak, fourth pass" has the
 * figures). Replacing a canvas is the only thing that empties that cache: `ctx.reset()`, resizing the
 * canvas and changing its font were measured to free nothing.
 *
 * Nothing on screen changes: drawn words live in their textures, pixi's font metrics and its own
 * cache of measurements do not depend on the canvas, and a string measured again on the new canvas
 * shapes to the same width.
 */
import { CanvasTextMetrics } from 'pixi.js';
import { TextCacheBudget } from './text-cache-budget.js';

/**
 * Distinct strings one measuring canvas may shape: ~0.6 MB of Chromium's nodes (1.2 KB each). The
 * cost of a low limit is only re-shaping a string pixi's own cache (1,000 measurements) has
 * forgotten, once per canvas.
 */
export const TEXT_CACHE_STRINGS = 500;

/** pixi's measuring canvas and context, created on first use by CanvasTextMetrics's getters. */
interface MeasuringCanvas {
  __canvas?: unknown;
  __context?: unknown;
}

let installed: TextCacheBudget | null = null;

/** Starts counting what pixi measures and renewing its canvas when due; once per page (pixi's measuring is global). */
export function boundTextCache(limit: () => number = limitFromPage): TextCacheBudget {
  if (installed) return installed;
  const budget = new TextCacheBudget(limit);
  installed = budget;
  let due = false;
  let stuck = false;
  let watched: unknown = null;

  const watch = (): void => {
    const context = CanvasTextMetrics._context;
    if (context === watched) {
      // A pixi whose internals were renamed keeps its canvas: give up once rather than retry at every measurement.
      stuck = true;
      console.error('hallcast: pixi’s text-measuring canvas could not be replaced; its text cache is not bounded');
      return;
    }
    watched = context;
    const measure = context.measureText.bind(context);
    context.measureText = (text: string): TextMetrics => {
      if (budget.measured(context.font, text) && !due && !stuck) {
        due = true;
        // Not now: pixi is inside a measurement that has the old context and its font in hand.
        setTimeout(renew, 0);
      }
      return measure(text);
    };
  };

  const renew = (): void => {
    due = false;
    const pixi = CanvasTextMetrics as unknown as MeasuringCanvas;
    pixi.__canvas = undefined;
    pixi.__context = undefined;
    budget.renewed();
    watch();
  };

  watch();
  return budget;
}

/** `<html data-text-cache-strings="N">` overrides the limit; `"off"` never renews (the baseline of the e2e test and the soak). */
function limitFromPage(): number {
  const raw = document.documentElement.dataset.textCacheStrings;
  if (raw === 'off') return Infinity;
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(v) && v >= 1 ? v : TEXT_CACHE_STRINGS;
}
