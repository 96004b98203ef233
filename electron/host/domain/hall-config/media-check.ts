/**
 * A media file named by a playlist: inside the assets folder, present, and of a kind the screen can
 * show. Programme items and care-rule slides are checked by this one function.
 */
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { IMAGE_EXTENSIONS, VIDEO_EXTENSIONS } from '../../../contract/media-types.js';
import type { JsonPath, JsonSource } from './source.js';

/** Where a playlist's media path leads: the playlists service looks on disk (services/playlists/media-path.ts). */
export type MediaLookup = (relative: string) => { ok: true } | { ok: false; problem: 'escapes' | 'missing' | 'not-a-file' };

export interface AssetsFolder {
  /** How the folder is named in messages, e.g. "assets". */
  name: string;
  find: MediaLookup;
}

export function checkMediaFile(source: JsonSource, at: JsonPath, src: string, type: 'video' | 'image', assets: AssetsFolder, out: Diagnostic[]): void {
  const media = assets.find(src);
  const shown = `${assets.name}/${src}`;
  if (!media.ok) {
    const messages = {
      escapes: `media path "${src}" leaves the ${assets.name}/ folder: media must be inside it; copy the file there and give its path relative to ${assets.name}/`,
      missing: `media file not found: ${shown}: copy the file there or fix the path`,
      'not-a-file': `media path ${shown} is a folder, not a file: name the file`,
    };
    out.push(source.at(at, 'error', messages[media.problem]));
    if (media.problem === 'escapes') return;
  }
  const extension = extensionOf(src);
  const allowed = type === 'video' ? VIDEO_EXTENSIONS : IMAGE_EXTENSIONS;
  if (!allowed.includes(extension)) {
    out.push(
      source.at(at, 'error', `"${src}" is not ${type === 'video' ? 'a video' : 'an image'} the screen can show (${allowed.join(' ')}): ${type === 'video' ? 'convert it to H.264 MP4 or WebM' : 'convert it to PNG, JPEG or WebP'}`),
    );
  }
}

/** '.mp4' for 'video/a.b.MP4'; '' without one (as node:path's extname). */
function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}
