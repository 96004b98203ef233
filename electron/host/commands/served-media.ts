/**
 * What /media/ hands out: files a display plays (the video, image and audio types of
 * electron/contract/media-types.ts) and the voice packs' manifests the display reads to warm its clips —
 * nothing else under assets/ (the media library's index.json names every upload, for instance).
 * Inside assets/ only, through links too (services/playlists/media-path.ts).
 */
import { mediaTypeOfName } from '../../contract/media-types.js';
import { resolveMedia } from '../services/playlists/media-path.js';

const VOICE_MANIFEST = /^voice\/[A-Za-z0-9-]+\/manifest\.json$/;

/** `relative`: the decoded path under /media/. */
export function isServedMedia(assetsDir: string, relative: string): boolean {
  if (!mediaTypeOfName(relative) && !VOICE_MANIFEST.test(relative)) return false;
  return resolveMedia(assetsDir, relative).ok;
}
