/**
 * Which video codec a file carries, and whether the hall's screens can decode it. Debian's
 * Chromium (and Electron's) plays H.264, VP8, VP9 and AV1; HEVC and ProRes are refused at upload,
 * with the ffmpeg command that fixes them, rather than skipped on the wall with nobody told.
 * The codec comes from ffprobe where present (media-probe.ts), otherwise from the file itself: an
 * MP4/QuickTime track's sample description (stsd) or a WebM/Matroska track's CodecID.
 */

/** Codecs the screens decode, by the names ffprobe gives them. */
export const PLAYABLE_VIDEO_CODECS: ReadonlySet<string> = new Set(['h264', 'vp8', 'vp9', 'av1']);

/** MP4 sample-entry types of video tracks → ffprobe's codec names. */
const MP4_SAMPLE_ENTRIES: Record<string, string> = {
  avc1: 'h264',
  avc3: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  dvh1: 'hevc',
  dvhe: 'hevc',
  vp08: 'vp8',
  vp09: 'vp9',
  av01: 'av1',
  mp4v: 'mpeg4',
  apch: 'prores',
  apcn: 'prores',
  apcs: 'prores',
  apco: 'prores',
  ap4h: 'prores',
  ap4x: 'prores',
  jpeg: 'mjpeg',
  mjpa: 'mjpeg',
  'vvc1': 'vvc',
  'vvi1': 'vvc',
};

/** Matroska CodecIDs → ffprobe's codec names. */
const MATROSKA_CODECS: Record<string, string> = {
  V_VP8: 'vp8',
  V_VP9: 'vp9',
  V_AV1: 'av1',
  'V_MPEG4/ISO/AVC': 'h264',
  'V_MPEGH/ISO/HEVC': 'hevc',
  'V_PRORES': 'prores',
  'V_MPEG4/ISO/ASP': 'mpeg4',
  V_MJPEG: 'mjpeg',
};

const NAMES: Record<string, string> = {
  hevc: 'HEVC (H.265)',
  prores: 'Apple ProRes',
  mpeg4: 'MPEG-4 Part 2',
  mjpeg: 'Motion JPEG',
  vvc: 'VVC (H.266)',
};

export function codecOfMp4SampleEntry(type: string): string | null {
  return MP4_SAMPLE_ENTRIES[type] ?? null;
}

/**
 * The first video CodecID in a WebM/Matroska head: element 0x86 (CodecID), a one-byte size, then
 * "V_…". Track entries sit in the first kilobytes of any file a muxer writes.
 */
export function webmVideoCodec(head: Buffer): string | null {
  for (let at = head.indexOf(0x86); at !== -1 && at + 4 < head.length; at = head.indexOf(0x86, at + 1)) {
    const size = head[at + 1]! & 0x7f; // 1-byte EBML size: 0x80 | length
    if ((head[at + 1]! & 0x80) === 0 || size < 3 || at + 2 + size > head.length) continue;
    const id = head.toString('latin1', at + 2, at + 2 + size);
    if (!id.startsWith('V_')) continue;
    return MATROSKA_CODECS[id] ?? id.slice(2).toLowerCase();
  }
  return null;
}

/** null when the screens can play it (or it has no video); else the refusal with the fix. */
export function unplayableVideo(name: string, codec: string | null): string | null {
  if (codec === null || PLAYABLE_VIDEO_CODECS.has(codec)) return null;
  const base = name.replace(/\.[^.]+$/, '');
  return (
    `"${name}" is ${NAMES[codec] ?? codec} video, which the hall's screens cannot decode: re-encode it to H.264 ` +
    `(ffmpeg -i "${name}" -c:v libx264 -pix_fmt yuv420p -c:a aac "${base}-h264.mp4") or VP9 ` +
    `(ffmpeg -i "${name}" -c:v libvpx-vp9 -b:v 0 -crf 32 -c:a libopus "${base}-vp9.webm"), then upload that`
  );
}
