/**
 * A media file named by a playlist: inside the assets folder, present, and of a kind the screen can
 * show. Programme items and care-rule slides are checked by this one function.
 */
import path from 'node:path';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { IMAGE_EXTENSIONS, resolveMedia, VIDEO_EXTENSIONS } from './media-path.js';
import type { JsonPath, JsonSource } from '../../domain/hall-config/source.js';

export interface AssetsFolder {
  root: string;
  /** How the folder is named in messages, e.g. "assets". */
  name: string;
}

export function checkMediaFile(source: JsonSource, at: JsonPath, src: string, type: 'video' | 'image', assets: AssetsFolder, out: Diagnostic[]): void {
  const media = resolveMedia(assets.root, src);
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
  const extension = path.extname(src).toLowerCase();
  const allowed = type === 'video' ? VIDEO_EXTENSIONS : IMAGE_EXTENSIONS;
  if (!allowed.includes(extension)) {
    out.push(
      source.at(at, 'error', `"${src}" is not ${type === 'video' ? 'a video' : 'an image'} the screen can show (${allowed.join(' ')}): ${type === 'video' ? 'convert it to H.264 MP4 or WebM' : 'convert it to PNG, JPEG or WebP'}`),
    );
  }
}
