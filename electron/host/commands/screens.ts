/**
 * Real pixels of the hall's screens: a JPEG of what a display composites now, taken by the shell
 * that owns it (services/screens/screen-captures.ts). Bounded so that no number of requests can
 * disturb what the hall sees: the id and width are checked first, a display nobody captures is
 * refused at once, and new captures across all displays are held to a rate (a picture shared or
 * reused costs none).
 */
import { displayIdProblem, isDisplayId } from '../../contract/display-id.js';
import { refused, type Refusal } from '../../contract/refusal.js';
import { TokenBucket, type TokenBucketLimit } from '../domain/limits/token-bucket.js';
import type { Clock } from '../ports.js';
import type { ScreenCaptures } from '../services/screens/screen-captures.js';
import type { ScreensView } from '../../contract/screen-view.js';

export const MIN_WIDTH = 16;
/** Wide enough for a 4K wall; anything larger is a mistake or an attack on the display's renderer. */
export const MAX_WIDTH = 3840;
/** New captures across all displays: a thumbnail per display every few seconds fits well inside. */
export const CAPTURE_RATE: TokenBucketLimit = { ratePerSecond: 2, burst: 6 };

export type ScreenshotOutcome =
  | { ok: true; jpeg: Buffer; takenAt: number }
  | Refusal<'invalid-request' | 'unknown-display' | 'display-gone' | 'busy' | 'rate-limited' | 'capture-failed'>;

export interface ScreenCommands {
  /** `width`: as the query gave it (`?width=320`), or absent for the picture as composited. */
  screenshot(displayId: string, options: { width?: string | undefined }): Promise<ScreenshotOutcome>;
  /** The displays this player can take pictures of, and those that left lately. */
  list(): ScreensView;
}

export function screenCommands(captures: ScreenCaptures | null, clock: Pick<Clock, 'now' | 'monotonic'>, limit: TokenBucketLimit = CAPTURE_RATE): ScreenCommands {
  const bucket = new TokenBucket(limit, clock.monotonic());
  return {
    async screenshot(displayId, options) {
      if (!isDisplayId(displayId)) return refused('invalid-request', displayIdProblem(displayId, 'display'));
      const width = widthOf(options.width);
      if (typeof width === 'string') return refused('invalid-request', width);
      const known = captures?.known(displayId) ?? 'unknown';
      if (known === 'unknown') {
        return refused('unknown-display', `no picture of display "${displayId}": no shell of this player captures it (only \`hallcast kiosk --display ${displayId}\` or the Electron shell can; a browser that opened the page itself cannot)`);
      }
      if (known !== 'captured') return refused('display-gone', `display "${displayId}" left at ${new Date(known.leftAt).toISOString()}: no picture until its window is back`);
      const request = { maxWidth: width };
      if (!captures!.free(displayId, request) && !bucket.take(clock.monotonic())) {
        return refused('rate-limited', `too many pictures asked for: at most ${limit.ratePerSecond} a second across all displays, try again in a second`);
      }
      const outcome = await captures!.take(displayId, request);
      if (outcome.ok) return outcome;
      switch (outcome.why) {
        case 'unknown':
        case 'gone':
          return refused('display-gone', `display "${displayId}" left while its picture was being taken`);
        case 'busy':
          return refused('busy', `display "${displayId}" is being captured at another size: try again in a second`);
        case 'failed':
          return refused('capture-failed', `display "${displayId}" gave no picture: ${outcome.message}`);
      }
    },
    list: () => ({ displays: captures?.list() ?? [] }),
  };
}

/** The width asked for, null for none, or what is wrong with it. */
function widthOf(value: string | undefined): number | null | string {
  if (value === undefined || value === '') return null;
  const width = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return width >= MIN_WIDTH && width <= MAX_WIDTH ? width : `width ${JSON.stringify(value.slice(0, 20))}: give whole pixels ${MIN_WIDTH}-${MAX_WIDTH}, e.g. ?width=320`;
}
