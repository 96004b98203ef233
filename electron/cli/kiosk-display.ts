/**
 * Where the kiosk's window goes: the display it opens on, and how big that screen is.
 *
 * Without a window manager (a hall PC that starts X and the kiosk, nothing else) nobody makes
 * Chromium's window full screen: `--kiosk`, `--start-fullscreen` and `--start-maximized` all ask a
 * window manager that is not there. Measured with Debian Chromium 156 on Xvfb 1920×1080, a red
 * `--app` page, the screen grabbed with ffmpeg x11grab and its red pixels counted (2026-12-07):
 *
 *   flags                                          no window manager          openbox
 *   --kiosk (alone, or + --start-fullscreen
 *     or + --start-maximized)                      945×1060 at +10+10, 48 %   100 %
 *   --start-fullscreen alone                       945×1060, 46 %             45 %
 *   --start-maximized alone                        945×1060, 46 %             93 % (title bar)
 *   --window-position=0,0 --window-size=W,H        1919×1079, 94 % (title)    —
 *   --kiosk --start-fullscreen + that              1919×1079 at 0,0, 99.8 %   100 %
 *   --kiosk --start-fullscreen
 *     --window-position=0,0 --window-size=W+1,H+1  1921×1081 at 0,0, 100 %    100 %
 *
 * So the kiosk keeps `--kiosk --start-fullscreen` (a window manager's full screen), reads the
 * screen's size from the X server and asks for a window one pixel larger each way at 0,0: a window
 * of exactly the screen's size comes out one pixel smaller, leaving a stripe of bare screen at the
 * right and bottom (e2e/faults/kiosk-start.spec.ts sees it: 1999 uncovered edge pixels at 1280×720).
 */
import { execFile } from 'node:child_process';

export interface ScreenSize {
  width: number;
  height: number;
}

/**
 * Why no browser window can open here, as one line for the person at the console; null when a
 * display is named. Whether it can be reached is Chromium's to find out (the bounded starts say
 * so, with its own words).
 */
export function displayProblem(env: NodeJS.ProcessEnv): string | null {
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'no X display: DISPLAY is not set — run inside the hall PC\'s graphical session, or use `hallcast serve`';
}

/** The size of the screen `display` names (":0", ":0.1"), from `xdpyinfo`'s output. */
export function parseXdpyinfo(text: string, display: string): ScreenSize | null {
  const screen = /\.(\d+)$/.exec(display)?.[1] ?? '0';
  const section = text.split(/^screen #/m).find((s) => s.startsWith(`${screen}:`)) ?? '';
  const match = /dimensions:\s+(\d+)x(\d+) pixels/.exec(section);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}

/** The X screen's size, or null (no xdpyinfo, an X server that does not answer within 5 s). */
export function readScreenSize(display: string | undefined): Promise<ScreenSize | null> {
  if (!display) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('xdpyinfo', ['-display', display], { timeout: 5_000, env: { ...process.env, DISPLAY: display } }, (error, stdout) => {
      resolve(error ? null : parseXdpyinfo(stdout, display));
    });
  });
}

/** Chromium's window flags for a window over the whole of `size` (see above: one pixel larger each way). */
export function coverScreenFlags(size: ScreenSize): string[] {
  return ['--window-position=0,0', `--window-size=${size.width + 1},${size.height + 1}`];
}
