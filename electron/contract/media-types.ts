/**
 * What a media file really is, from its first bytes, and whether that matches its name: an .mp4
 * must start like an MP4, so a renamed program or archive never reaches the screen. Names the
 * usual impostors in plain words ("a Windows program (MZ)") for the refusal.
 */
export type MediaKind = 'video' | 'image' | 'audio';

export interface MediaType {
  id: 'mp4' | 'webm' | 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'mp3' | 'ogg' | 'wav';
  kind: MediaKind;
  /** "an MP4 video" */
  label: string;
  extensions: string[];
}

export const MEDIA_TYPES: MediaType[] = [
  { id: 'mp4', kind: 'video', label: 'an MP4 video', extensions: ['.mp4', '.m4v', '.mov'] },
  { id: 'webm', kind: 'video', label: 'a WebM video', extensions: ['.webm'] },
  { id: 'png', kind: 'image', label: 'a PNG image', extensions: ['.png'] },
  { id: 'jpeg', kind: 'image', label: 'a JPEG image', extensions: ['.jpg', '.jpeg'] },
  { id: 'gif', kind: 'image', label: 'a GIF image', extensions: ['.gif'] },
  { id: 'webp', kind: 'image', label: 'a WebP image', extensions: ['.webp'] },
  { id: 'avif', kind: 'image', label: 'an AVIF image', extensions: ['.avif'] },
  { id: 'mp3', kind: 'audio', label: 'an MP3 audio file', extensions: ['.mp3'] },
  { id: 'ogg', kind: 'audio', label: 'an Ogg audio file', extensions: ['.ogg', '.oga', '.opus'] },
  { id: 'wav', kind: 'audio', label: 'a WAV audio file', extensions: ['.wav'] },
];

/** What a playlist may name, by kind (the file's first bytes are checked on upload: MEDIA_TYPES). */
export const VIDEO_EXTENSIONS = ['.mp4', '.m4v', '.webm', '.mov'];
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif'];

/** Bytes enough to tell every type above, and the usual impostors, apart. */
export const SNIFF_BYTES = 512;

export function mediaTypeOfName(name: string): MediaType | null {
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot).toLowerCase();
  return MEDIA_TYPES.find((t) => t.extensions.includes(extension)) ?? null;
}

export type Sniffed = { media: MediaType } | { other: string };

export function sniff(head: Uint8Array): Sniffed {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const ascii = (start: number, end: number): string => b.subarray(start, end).toString('latin1');
  const type = (id: MediaType['id']): Sniffed => ({ media: MEDIA_TYPES.find((t) => t.id === id)! });
  if (b.length === 0) return { other: 'an empty file' };

  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'avif' || brand === 'avis') return type('avif');
    if (['heic', 'heix', 'mif1', 'msf1', 'hevc'].includes(brand)) return { other: 'a HEIF/HEIC photo (ftyp heic)' };
    if (['M4A ', 'M4B ', 'M4P '].includes(brand)) return { other: 'an AAC audio file (M4A)' };
    if (brand.startsWith('3g')) return { other: 'a 3GP phone video' };
    return type('mp4');
  }
  // QuickTime files from before the ftyp box start straight with a movie atom.
  if (['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(ascii(4, 8))) return type('mp4');
  if (b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3) {
    const docType = /webm|matroska/.exec(ascii(4, Math.min(b.length, 64)))?.[0];
    return docType === 'matroska' ? { other: 'a Matroska video (MKV)' } : type('webm');
  }
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return type('png');
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return type('jpeg');
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return type('gif');
  if (ascii(0, 4) === 'RIFF') {
    const form = ascii(8, 12);
    if (form === 'WEBP') return type('webp');
    if (form === 'WAVE') return type('wav');
    if (form === 'AVI ') return { other: 'an AVI video' };
    return { other: 'a RIFF file' };
  }
  if (ascii(0, 4) === 'OggS') return type('ogg');
  if (ascii(0, 3) === 'ID3') return type('mp3');
  // An MPEG audio frame: 11 sync bits, then layer III (AAC's ADTS frames have layer 00).
  if (b[0] === 0xff && b.length > 1 && (b[1]! & 0xe0) === 0xe0) {
    if ((b[1]! & 0x06) === 0x02) return type('mp3');
    if ((b[1]! & 0x06) === 0x00) return { other: 'an AAC audio stream (ADTS)' };
    return { other: 'an MPEG audio stream (layer I/II)' };
  }
  return { other: lookalike(b) };
}

/** The common things that get renamed to .mp4 or .jpg by mistake, or on purpose. */
function lookalike(b: Buffer): string {
  const ascii = (n: number): string => b.subarray(0, n).toString('latin1');
  if (ascii(2) === 'MZ') return 'a Windows program (MZ)';
  if (b.length >= 4 && b.readUInt32BE(0) === 0x7f454c46) return 'a Linux program (ELF)';
  if (b.length >= 4 && [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(b.readUInt32BE(0))) return 'a macOS program (Mach-O)';
  if (ascii(2) === '#!') return 'a script (#!)';
  if (ascii(4) === 'PK\x03\x04' || ascii(4) === 'PK\x05\x06') return 'a zip archive (PK), or an Office document';
  if (ascii(4) === 'Rar!') return 'a RAR archive';
  if (ascii(6) === '7z\xbc\xaf\x27\x1c') return 'a 7-Zip archive';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'a gzip archive';
  if (ascii(4) === '%PDF') return 'a PDF document (%PDF)';
  if (b.length >= 4 && b.readUInt32BE(0) === 0xd0cf11e0) return 'an old Microsoft Office document';
  if (ascii(4) === 'fLaC') return 'a FLAC audio file';
  if (ascii(2) === 'BM') return 'a BMP image';
  if (ascii(4) === 'II*\0' || ascii(4) === 'MM\0*') return 'a TIFF image';
  if (b.length >= 4 && b.readUInt32BE(0) === 0x000001ba) return 'an MPEG program stream (VOB/MPG)';
  if (b[0] === 0x47 && b.length >= 189 && b[188] === 0x47) return 'an MPEG transport stream (TS)';
  const text = b.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'a web page or XML document';
  if (text.startsWith('{') || text.startsWith('[')) return 'a JSON document';
  return `nothing the player shows (first bytes ${[...b.subarray(0, 8)].map((x) => x.toString(16).padStart(2, '0')).join(' ')})`;
}

export type MediaCheck = { ok: true; type: MediaType } | { ok: false; error: string };

/** Whether a file named `name` whose content starts with `head` may go into the media library. */
export function checkMedia(name: string, head: Uint8Array): MediaCheck {
  const claimed = mediaTypeOfName(name);
  if (!claimed) return { ok: false, error: unsupportedName(name) };
  const found = sniff(head);
  if ('media' in found && found.media.id === claimed.id) return { ok: true, type: claimed };
  const looks = 'media' in found ? `it is ${found.media.label}: give it the extension ${found.media.extensions[0]}` : `it starts like ${found.other}`;
  const label = name.toLowerCase().endsWith('.mov') ? 'a QuickTime video' : claimed.label;
  return { ok: false, error: `"${name}" is not ${label}: ${looks}` };
}

export function unsupportedName(name: string): string {
  const dot = name.lastIndexOf('.');
  const what = dot < 0 ? 'a file without an extension' : `a ${name.slice(dot).toLowerCase()} file`;
  return `"${name}" is ${what}, which the player cannot play: upload MP4 or WebM video, PNG, JPEG, WebP, GIF or AVIF images, or MP3, Ogg or WAV audio`;
}
