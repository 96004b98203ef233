import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { capturePageJpeg } from './kiosk-capture.js';
import { SCREENSHOT_JPEG_QUALITY as JPEG_QUALITY } from '../host/services/screens/screen-captures.js';

/** A DevTools stand-in that answers each method from a table and records what it was sent. */
function fakeDevtools(answers: Record<string, Record<string, unknown> | Error>) {
  const sent: { method: string; params: Record<string, unknown>; sessionId: string | undefined }[] = [];
  return {
    sent,
    async send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
      sent.push({ method, params, sessionId });
      const answer = answers[method] ?? {};
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
const VIEWPORT = { cssVisualViewport: { pageX: 0, pageY: 0, clientWidth: 1280, clientHeight: 720 } };

describe("the kiosk page's picture over the DevTools pipe", () => {
  it('attaches to the page, asks for a JPEG of the screen as it is, and detaches', async () => {
    const devtools = fakeDevtools({ 'Target.attachToTarget': { sessionId: 'S' }, 'Page.captureScreenshot': { data: JPEG.toString('base64') } });
    expect((await capturePageJpeg(devtools, 'PAGE', { maxWidth: null })).equals(JPEG)).toBe(true);
    expect(devtools.sent).toEqual([
      { method: 'Target.attachToTarget', params: { targetId: 'PAGE', flatten: true }, sessionId: undefined },
      { method: 'Page.captureScreenshot', params: { format: 'jpeg', quality: JPEG_QUALITY, optimizeForSpeed: true }, sessionId: 'S' },
      { method: 'Target.detachFromTarget', params: { sessionId: 'S' }, sessionId: undefined },
    ]);
  });

  it('has the browser scale a thumbnail (never up), so only the small picture crosses the pipe', async () => {
    const devtools = fakeDevtools({ 'Target.attachToTarget': { sessionId: 'S' }, 'Page.getLayoutMetrics': VIEWPORT, 'Page.captureScreenshot': { data: JPEG.toString('base64') } });
    await capturePageJpeg(devtools, 'PAGE', { maxWidth: 320 });
    await capturePageJpeg(devtools, 'PAGE', { maxWidth: 3840 });
    const clips = devtools.sent.filter((s) => s.method === 'Page.captureScreenshot').map((s) => s.params.clip);
    expect(clips).toEqual([
      { x: 0, y: 0, width: 1280, height: 720, scale: 0.25 },
      { x: 0, y: 0, width: 1280, height: 720, scale: 1 },
    ]);
  });

  it('detaches even when the capture fails, and says why', async () => {
    const devtools = fakeDevtools({ 'Target.attachToTarget': { sessionId: 'S' }, 'Page.captureScreenshot': new Error('Page.captureScreenshot: no answer within 5000 ms') });
    await expect(capturePageJpeg(devtools, 'PAGE', { maxWidth: null })).rejects.toThrow('no answer within 5000 ms');
    expect(devtools.sent.at(-1)).toMatchObject({ method: 'Target.detachFromTarget' });
  });
});

describe('hallcast kiosk --display', () => {
  it('refuses an id that is not one in one line naming the flag, exit 2, before anything starts', async () => {
    const err: string[] = [];
    const code = await main(['kiosk', '--display', 'Counter_5', '--port', '0', '--browser', '/nonexistent/chromium'], { stdout: () => undefined, stderr: (l) => err.push(l) });
    expect({ code, err }).toEqual({
      code: 2,
      err: ['hallcast kiosk: --display "Counter_5": not a display id — use 1–40 of a–z, 0–9 and \'-\', starting with a letter or digit, e.g. counter-5 (hallcast kiosk --help)'],
    });
  });
});
