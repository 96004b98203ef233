/**
 * Who can take a picture of which screen. A shell that owns a display's compositor registers a
 * capture for it (`hallcast kiosk`: Chromium's DevTools pipe; the Electron shell:
 * `webContents.capturePage`); `hallcast serve` alone registers none, since a browser that opened
 * the page by itself cannot be looked into from here.
 *
 * Taking a picture costs the display's own renderer time, so each display has at most one capture
 * in flight: a second request for the same size shares it, one for another size is told to wait.
 * A picture just taken is handed out again for a second, so a burst of requests (a console left
 * open on several desks) costs one capture. A capture that does not answer within its time is
 * given up on (a hung tab must not hang the request), and a picture over the size bound is not
 * handed out.
 */
import type { Clock, Timers } from '../../ports.js';
import type { ScreenView } from '../../../contract/screen-view.js';

/** The shells' JPEG quality: good enough to read a board from; a 1080p frame stays well under a megabyte. */
export const SCREENSHOT_JPEG_QUALITY = 80;

/** `maxWidth`: scale the picture down to at most this many pixels wide (a thumbnail); null: as composited. */
export interface CaptureRequest {
  maxWidth: number | null;
}

/** Resolves with a JPEG of what the display composites now. */
export type ScreenCapture = (request: CaptureRequest) => Promise<Buffer>;

export type CaptureOutcome =
  | { ok: true; jpeg: Buffer; takenAt: number }
  | { ok: false; why: 'unknown' }
  | { ok: false; why: 'gone'; leftAt: number }
  | { ok: false; why: 'busy' }
  | { ok: false; why: 'failed'; message: string };

export interface ScreenCaptures {
  /** `capture` now answers for `displayId` (replacing any before it); the function returned withdraws it. */
  register(displayId: string, capture: ScreenCapture): () => void;
  /** Whether a picture of `displayId` can be asked for now, without taking one. */
  known(displayId: string): 'captured' | 'unknown' | { leftAt: number };
  /** Whether a request for this display and size would be answered without a new capture (shared or recent). */
  free(displayId: string, request: CaptureRequest): boolean;
  take(displayId: string, request: CaptureRequest): Promise<CaptureOutcome>;
  /** Every display captured now or that left lately, by id. */
  list(): ScreenView[];
}

export interface ScreenCaptureTuning {
  timeoutMs: number;
  maxBytes: number;
  /** A picture this recent is handed out again rather than taken anew. */
  reuseMs: number;
  /** How many displays that left are remembered (the oldest forgotten first). */
  goneKept: number;
}

export const SCREEN_CAPTURE_TUNING: ScreenCaptureTuning = { timeoutMs: 5_000, maxBytes: 8 * 1024 * 1024, reuseMs: 1_000, goneKept: 64 };

interface InFlight {
  width: number | null;
  outcome: Promise<CaptureOutcome>;
}

export function createScreenCaptures(deps: { clock: Clock; timers: Pick<Timers, 'after'> }, tuning: ScreenCaptureTuning = SCREEN_CAPTURE_TUNING): ScreenCaptures {
  const captures = new Map<string, ScreenCapture>();
  const gone = new Map<string, number>();
  const inFlight = new Map<string, InFlight>();
  const recent = new Map<string, { width: number | null; jpeg: Buffer; takenAt: number; at: number }>();

  const reusable = (displayId: string, width: number | null): { jpeg: Buffer; takenAt: number } | null => {
    const last = recent.get(displayId);
    // Monotonic: a wall clock step must not make an old picture look new.
    return last && last.width === width && deps.clock.monotonic() - last.at < tuning.reuseMs ? last : null;
  };

  const capture = (displayId: string, take: ScreenCapture, width: number | null): Promise<CaptureOutcome> => {
    // Read only in callbacks, which all run later (a timer, a promise), once it is assigned.
    const outcome: Promise<CaptureOutcome> = new Promise<CaptureOutcome>((resolve) => {
      let settled = false;
      const settle = (answer: CaptureOutcome): void => {
        if (settled) return;
        settled = true;
        cancelTimeout();
        if (inFlight.get(displayId)?.outcome === outcome) inFlight.delete(displayId);
        resolve(answer);
      };
      const cancelTimeout = deps.timers.after(tuning.timeoutMs, () => settle({ ok: false, why: 'failed', message: `no picture within ${tuning.timeoutMs / 1000} s (the display's page may be hung)` }));
      let started: Promise<Buffer>;
      try {
        started = take({ maxWidth: width });
      } catch (error) {
        started = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      started.then(
        (jpeg) => {
          if (settled) return;
          if (jpeg.length > tuning.maxBytes) {
            settle({ ok: false, why: 'failed', message: `the picture is ${Math.round(jpeg.length / 1024)} KB, over the ${tuning.maxBytes / 1024 / 1024} MB bound: ask for a smaller ?width=` });
            return;
          }
          const takenAt = deps.clock.now();
          // Only the display's current capture may leave a picture behind for others.
          if (captures.get(displayId) === take) recent.set(displayId, { width, jpeg, takenAt, at: deps.clock.monotonic() });
          settle({ ok: true, jpeg, takenAt });
        },
        (error: unknown) => settle({ ok: false, why: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    });
    return outcome;
  };

  return {
    register(displayId, take) {
      captures.set(displayId, take);
      gone.delete(displayId);
      recent.delete(displayId);
      return () => {
        if (captures.get(displayId) !== take) return;
        captures.delete(displayId);
        recent.delete(displayId);
        gone.set(displayId, deps.clock.now());
        while (gone.size > tuning.goneKept) gone.delete(gone.keys().next().value!);
      };
    },
    known(displayId) {
      if (captures.has(displayId)) return 'captured';
      const leftAt = gone.get(displayId);
      return leftAt === undefined ? 'unknown' : { leftAt };
    },
    free(displayId, request) {
      return reusable(displayId, request.maxWidth) !== null || inFlight.get(displayId)?.width === request.maxWidth;
    },
    take(displayId, request) {
      const take = captures.get(displayId);
      if (!take) {
        const leftAt = gone.get(displayId);
        return Promise.resolve(leftAt === undefined ? { ok: false, why: 'unknown' } : { ok: false, why: 'gone', leftAt });
      }
      const last = reusable(displayId, request.maxWidth);
      if (last) return Promise.resolve({ ok: true, jpeg: last.jpeg, takenAt: last.takenAt });
      const running = inFlight.get(displayId);
      if (running) return running.width === request.maxWidth ? running.outcome : Promise.resolve({ ok: false, why: 'busy' });
      const outcome = capture(displayId, take, request.maxWidth);
      inFlight.set(displayId, { width: request.maxWidth, outcome });
      return outcome;
    },
    list() {
      return [
        ...[...captures.keys()].map((id) => ({ id, leftAt: null })),
        ...[...gone].map(([id, leftAt]) => ({ id, leftAt })),
      ].sort((a, b) => a.id.localeCompare(b.id));
    },
  };
}
