/**
 * A picture of what the kiosk's page composites, through the DevTools pipe the kiosk already owns
 * (no TCP port): `Page.captureScreenshot` reads the compositor's output, so a playing video's
 * frame is in it, as the wall shows it. A thumbnail is scaled by the browser (a clip with a
 * scale), so only the small picture crosses the pipe.
 */
import type { Devtools } from './devtools-pipe.js';
import { SCREENSHOT_JPEG_QUALITY } from '../host/services/screens/screen-captures.js';
/** Each DevTools step; the registry gives up on the whole capture sooner (screen-captures.ts). */
const STEP_TIMEOUT_MS = 5_000;

interface VisualViewport {
  pageX: number;
  pageY: number;
  clientWidth: number;
  clientHeight: number;
}

export async function capturePageJpeg(devtools: Pick<Devtools, 'send'>, targetId: string, request: { maxWidth: number | null }): Promise<Buffer> {
  const { sessionId } = (await devtools.send('Target.attachToTarget', { targetId, flatten: true }, undefined, STEP_TIMEOUT_MS)) as { sessionId: string };
  try {
    let clip: Record<string, number> | null = null;
    if (request.maxWidth !== null) {
      const metrics = await devtools.send('Page.getLayoutMetrics', {}, sessionId, STEP_TIMEOUT_MS);
      const view = metrics.cssVisualViewport as VisualViewport | undefined;
      if (view && view.clientWidth > 0 && view.clientHeight > 0) {
        // Never scaled up: a thumbnail wider than the screen is the screen.
        const scale = Math.min(1, request.maxWidth / view.clientWidth);
        clip = { x: view.pageX, y: view.pageY, width: view.clientWidth, height: view.clientHeight, scale };
      }
    }
    const { data } = (await devtools.send(
      'Page.captureScreenshot',
      { format: 'jpeg', quality: SCREENSHOT_JPEG_QUALITY, optimizeForSpeed: true, ...(clip ? { clip } : {}) },
      sessionId,
      STEP_TIMEOUT_MS,
    )) as { data?: unknown };
    if (typeof data !== 'string') throw new Error('Page.captureScreenshot answered without a picture');
    return Buffer.from(data, 'base64');
  } finally {
    await devtools.send('Target.detachFromTarget', { sessionId }, undefined, STEP_TIMEOUT_MS).catch(() => undefined);
  }
}
