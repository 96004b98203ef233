/**
 * A real X screen for the kiosk faults: an Xvfb on a free display number, and what it shows,
 * grabbed with ffmpeg (the kiosk is not a Playwright page, so page.screenshot cannot see it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { meanLuma } from './picture.js';

const run = promisify(execFile);

export interface XScreen {
  display: string;
  width: number;
  height: number;
  /** The whole screen as a PNG (without the mouse pointer). */
  grab(): Promise<Buffer>;
  stop(): Promise<void>;
}

/** The first display number from 90 that no X server uses. */
export function freeDisplay(): string {
  let n = 90;
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
  return `:${n}`;
}

/**
 * Starts `Xvfb :N` on the first free N from 90 and waits (at most 10 s) for its socket.
 * `whiteRoot`: the bare screen is white (-wr) instead of black, so what no window covers shows.
 */
export async function startXScreen(width = 1280, height = 720, options: { whiteRoot?: boolean } = {}): Promise<XScreen> {
  const display = freeDisplay();
  const n = display.slice(1);
  const xvfb: ChildProcess = spawn('Xvfb', [display, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', ...(options.whiteRoot ? ['-wr'] : [])], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
    if (Date.now() > deadline || xvfb.exitCode !== null) throw new Error(`Xvfb ${display} did not start within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    display,
    width,
    height,
    async grab() {
      const { stdout } = await run('ffmpeg', ['-loglevel', 'error', '-f', 'x11grab', '-draw_mouse', '0', '-video_size', `${width}x${height}`, '-i', display, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', '-'], {
        encoding: 'buffer',
        maxBuffer: 32 * 1024 * 1024,
        timeout: 20_000,
      });
      return stdout;
    },
    async stop() {
      if (xvfb.exitCode !== null) return;
      const exited = new Promise((done) => xvfb.once('exit', done));
      xvfb.kill('SIGTERM');
      await exited;
    },
  };
}

/** Mean luma of the screen now, or null when it could not be grabbed. */
export async function xScreenLuma(screen: XScreen): Promise<number | null> {
  try {
    return meanLuma(await screen.grab());
  } catch {
    return null;
  }
}
