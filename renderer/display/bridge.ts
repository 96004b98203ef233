/**
 * `window.hallcast`: the Electron preload's bridge to the host (electron/contract/bridge.ts types
 * it); in plain Chromium `createWsBridge` provides the same methods over the host's WebSocket. The
 * renderer never asks which one it got (beyond the hello's `shell`).
 */
import type { Bridge } from '../../electron/contract/bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the Chromium kiosk. */
    hallcast?: Bridge;
  }
}
