/**
 * The one window of the player: full screen, no frame, black until the first frame is painted,
 * and a renderer that can do nothing but what the preload exposes.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function displayWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    // Shown on ready-to-show, so the hall never sees a white flash or a half-drawn page.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // The display must keep its timing when another window (a dialog, a VNC viewer) covers it.
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
