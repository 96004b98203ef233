import { describe, expect, it } from 'vitest';
import { displayWindowOptions } from './window-options.js';

describe('displayWindowOptions', () => {
  const options = displayWindowOptions('/opt/hallcast/dist/electron/preload.cjs');

  it('locks the renderer down, every flag stated explicitly', () => {
    expect(options.webPreferences).toStrictEqual({
      preload: '/opt/hallcast/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    });
  });

  it('is a frameless full-screen kiosk window, black and hidden until painted', () => {
    expect({ ...options, webPreferences: undefined }).toStrictEqual({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      show: false,
      webPreferences: undefined,
    });
  });
});
