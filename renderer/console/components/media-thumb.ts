/** A small picture of a media file: the image itself, a video's first frames (`preload=metadata`), or a mark for audio. */
import type { MediaItem } from '../api/types.js';
import { html } from '../html.js';
import { mediaUrl } from '../logic/programme-fields.js';

export function MediaThumb({ path, kind }: { path: string; kind: MediaItem['kind'] | 'text' }) {
  if (kind === 'image') return html`<img class="thumb" src=${mediaUrl(path)} alt="" loading="lazy" decoding="async" />`;
  // `#t=0.5` asks for a frame half a second in: many clips open on black.
  if (kind === 'video') return html`<video class="thumb" src=${`${mediaUrl(path)}#t=0.5`} preload="metadata" muted playsinline tabindex="-1" aria-hidden="true"></video>`;
  return html`<span class="thumb thumb-mark" aria-hidden="true">${kind === 'audio' ? '♪' : 'T'}</span>`;
}

export function kindOfPath(path: string): MediaItem['kind'] {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (['mp4', 'webm', 'm4v', 'mov', 'mkv'].includes(ext)) return 'video';
  if (['wav', 'mp3', 'ogg', 'opus', 'm4a', 'flac'].includes(ext)) return 'audio';
  return 'image';
}
