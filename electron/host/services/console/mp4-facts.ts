/**
 * Duration and picture size of an MP4/QuickTime file without ffprobe: the top-level boxes are
 * walked by their headers (the movie box may sit at the end of a file that was not "fast-started"),
 * then the movie header (mvhd) gives the duration and the first track header (tkhd) with a picture
 * gives the size, turned when the track's matrix rotates it a quarter turn (phone videos).
 */
import { open } from 'node:fs/promises';
import { codecOfMp4SampleEntry } from './video-codec.js';

export interface MediaFacts {
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  /** The first video track's codec, by ffprobe's names ("h264", "hevc", "vp9"…); null: no video, or not known. */
  videoCodec: string | null;
}

/** A movie box bigger than this is not a movie header we can trust (or need). */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

export async function mp4Facts(file: string): Promise<MediaFacts | null> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= size) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) break;
      const box = boxSize(header, bytesRead, size - offset);
      if (box === null) break;
      if (header.toString('latin1', 4, 8) === 'moov') {
        if (box.size > MAX_MOOV_BYTES) return null;
        const moov = Buffer.alloc(box.size - box.headerBytes);
        await handle.read(moov, 0, moov.length, offset + box.headerBytes);
        return moovFacts(moov);
      }
      offset += box.size;
    }
    return null;
  } finally {
    await handle.close();
  }
}

function boxSize(header: Buffer, available: number, remaining: number): { size: number; headerBytes: number } | null {
  const small = header.readUInt32BE(0);
  if (small === 1) {
    if (available < 16) return null;
    const large = Number(header.readBigUInt64BE(8));
    return large >= 16 ? { size: large, headerBytes: 16 } : null;
  }
  if (small === 0) return { size: remaining, headerBytes: 8 };
  return small >= 8 ? { size: small, headerBytes: 8 } : null;
}

/** The boxes directly inside `data`, as [type, content]. */
function* children(data: Buffer): Generator<[string, Buffer]> {
  let offset = 0;
  while (offset + 8 <= data.length) {
    const box = boxSize(data.subarray(offset, offset + 16), Math.min(16, data.length - offset), data.length - offset);
    if (!box || offset + box.size > data.length) return;
    yield [data.toString('latin1', offset + 4, offset + 8), data.subarray(offset + box.headerBytes, offset + box.size)];
    offset += box.size;
  }
}

export function moovFacts(moov: Buffer): MediaFacts {
  const facts: MediaFacts = { durationSeconds: null, width: null, height: null, videoCodec: null };
  for (const [type, content] of children(moov)) {
    if (type === 'mvhd' && content.length >= 32) {
      const v1 = content[0] === 1;
      const timescale = content.readUInt32BE(v1 ? 20 : 12);
      const duration = v1 ? Number(content.readBigUInt64BE(24)) : content.readUInt32BE(16);
      // All ones: unknown (a fragmented or live file); 0: the fragments say, which we do not read.
      const unknown = v1 ? content.readBigUInt64BE(24) === 0xffffffffffffffffn : duration === 0xffffffff;
      if (timescale > 0 && duration > 0 && !unknown) facts.durationSeconds = Math.round((duration / timescale) * 1000) / 1000;
    }
    if (type === 'trak' && facts.videoCodec === null) facts.videoCodec = trackVideoCodec(content);
    if (type === 'trak' && facts.width === null) {
      for (const [inner, tkhd] of children(content)) {
        if (inner !== 'tkhd') continue;
        const v1 = tkhd[0] === 1;
        const at = v1 ? 88 : 76;
        if (tkhd.length < at + 8) continue;
        const width = Math.round(tkhd.readUInt32BE(at) / 65536);
        const height = Math.round(tkhd.readUInt32BE(at + 4) / 65536);
        if (width === 0 || height === 0) continue; // a sound track
        const matrixA = tkhd.readInt32BE(at - 36);
        const quarterTurn = matrixA === 0;
        facts.width = quarterTurn ? height : width;
        facts.height = quarterTurn ? width : height;
      }
    }
  }
  return facts;
}

/** trak → mdia → minf → stbl → stsd: the first sample entry's type, when it is a video codec. */
function trackVideoCodec(trak: Buffer): string | null {
  let box: Buffer | undefined = trak;
  for (const name of ['mdia', 'minf', 'stbl', 'stsd']) {
    const inside: Buffer | undefined = box ? [...children(box)].find(([type]) => type === name)?.[1] : undefined;
    box = inside;
  }
  // stsd: version and flags (4), entry count (4), then the entries: size (4), type (4), …
  if (!box || box.length < 16) return null;
  return codecOfMp4SampleEntry(box.toString('latin1', 12, 16));
}
