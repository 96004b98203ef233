/**
 * A picture of the display window as Electron composites it (`webContents.capturePage`), as a
 * JPEG for the screen-capture registry (host/services/screens/). A thumbnail is scaled here, in
 * the main process, from the window's own picture.
 */
import { SCREENSHOT_JPEG_QUALITY, type CaptureRequest } from '../host/services/screens/screen-captures.js';
import type { ShellWebContents } from './electron-ports.js';

export async function captureWindowJpeg(contents: Pick<ShellWebContents, 'capturePage' | 'isDestroyed'>, request: CaptureRequest): Promise<Buffer> {
  if (contents.isDestroyed()) throw new Error('the display window is gone');
  const image = await contents.capturePage();
  const { width } = image.getSize();
  // Electron answers an empty picture for a window that has not painted (or is hidden).
  if (width === 0) throw new Error('the display window has not painted yet');
  const scaled = request.maxWidth !== null && width > request.maxWidth ? image.resize({ width: request.maxWidth }) : image;
  return scaled.toJPEG(SCREENSHOT_JPEG_QUALITY);
}
