/**
 * What the display needs from its host, whichever shell it runs in. The type is the Electron
 * preload's own `window.hallcast` object; in plain Chromium `createWsBridge` provides the same
 * methods over the host's WebSocket. The renderer never asks which one it got (beyond the hello's
 * `shell`).
 */
import type { Bridge } from '../../electron/shell/preload.js';

export type { Bridge };

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the Chromium kiosk. */
    hallcast?: Bridge;
  }
}
