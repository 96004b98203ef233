/**
 * Read-only diagnostics on `window.__hallcast`, for the Playwright e2e tests and for a technician
 * with DevTools. Nothing here changes what plays; the player must never depend on it.
 */
import type { DisplayState, QueueBoardState } from '../electron/contract.js';
import type { NowPlaying } from './player/programme-player.js';

export interface FrameCounters {
  /** pixi frames rendered since start. */
  stage: number;
  /** Item changes on screen (seams) since start. */
  seams: number;
}

export interface TestHooks {
  state(): DisplayState | null;
  nowPlaying(): NowPlaying;
  frames(): FrameCounters;
  /** The last queue board, and when each call was first painted (performance.now(), by call key). */
  queue(): { board: QueueBoardState | null; painted: Record<string, number> };
}

declare global {
  interface Window {
    /** Test/diagnostics only; see renderer/test-hooks.ts. */
    __hallcast?: TestHooks;
  }
}

export function installTestHooks(hooks: TestHooks): void {
  Object.defineProperty(window, '__hallcast', { value: Object.freeze({ ...hooks }), writable: false, configurable: false });
}
