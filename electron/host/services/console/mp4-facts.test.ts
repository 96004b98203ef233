import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moovFacts, mp4Facts } from './mp4-facts.js';

const SAMPLE = path.join(import.meta.dirname, '../../../../assets/video/hall-welcome.mp4');
const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-mp4-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function mvhd(timescale: number, duration: number, version: 0 | 1 = 0): Buffer {
  const content = Buffer.alloc(version === 1 ? 112 : 100);
  content[0] = version;
  if (version === 1) {
    content.writeUInt32BE(timescale, 20);
    content.writeBigUInt64BE(BigInt(duration), 24);
  } else {
    content.writeUInt32BE(timescale, 12);
    content.writeUInt32BE(duration, 16);
  }
  return box('mvhd', content);
}

function tkhd(width: number, height: number, quarterTurn = false): Buffer {
  const content = Buffer.alloc(84);
  // The matrix: identity, or a quarter turn (a = 0, b = 1, c = -1, d = 0) as phones write it.
  content.writeInt32BE(quarterTurn ? 0 : 0x10000, 40);
  content.writeInt32BE(quarterTurn ? 0x10000 : 0, 44);
  content.writeInt32BE(quarterTurn ? -0x10000 : 0, 52);
  content.writeInt32BE(quarterTurn ? 0 : 0x10000, 56);
  content.writeUInt32BE(width * 65536, 76);
  content.writeUInt32BE(height * 65536, 80);
  return box('tkhd', content);
}

/** trak's media → media information → sample table → sample description, with one entry of `type`. */
function media(entry: string): Buffer {
  const entryBox = box(entry, Buffer.alloc(78));
  const stsd = box('stsd', Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]), entryBox);
  return box('mdia', box('minf', box('stbl', stsd)));
}

const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isomavc1', 'latin1'));

describe('MP4 facts without ffprobe', () => {
  it('reads duration and size from the movie and the picture track, past a sound track', () => {
    const moov = box('moov', mvhd(1000, 12_500), box('trak', tkhd(0, 0), media('mp4a')), box('trak', tkhd(1920, 1080), media('avc1')));
    expect(moovFacts(moov.subarray(8))).toEqual({ durationSeconds: 12.5, width: 1920, height: 1080, videoCodec: 'h264' });
  });

  it('names the video codec from the sample description: HEVC and ProRes too', () => {
    for (const [entry, codec] of [['hvc1', 'hevc'], ['hev1', 'hevc'], ['apcn', 'prores'], ['vp09', 'vp9'], ['av01', 'av1'], ['mp4a', null]] as const) {
      const moov = box('moov', mvhd(1000, 1000), box('trak', tkhd(640, 360), media(entry)));
      expect(moovFacts(moov.subarray(8)).videoCodec, entry).toBe(codec);
    }
  });

  it('finds the movie box at the end of a file that was not fast-started', async () => {
    const file = path.join(dir, 'late.mp4');
    writeFileSync(file, Buffer.concat([ftyp, box('mdat', Buffer.alloc(100_000)), box('moov', mvhd(90_000, 90_000 * 30, 1), box('trak', tkhd(1280, 720)))]));
    expect(await mp4Facts(file)).toEqual({ durationSeconds: 30, width: 1280, height: 720, videoCodec: null });
  });

  it('turns the size of a phone video recorded upright', () => {
    const moov = box('moov', mvhd(600, 600 * 7), box('trak', tkhd(1920, 1080, true)));
    expect(moovFacts(moov.subarray(8))).toEqual({ durationSeconds: 7, width: 1080, height: 1920, videoCodec: null });
  });

  it('says null where it does not know, and never throws on a broken file', async () => {
    const file = path.join(dir, 'broken.mp4');
    writeFileSync(file, Buffer.concat([ftyp, Buffer.from([0, 0, 0, 3, 1, 2, 3])]));
    expect(await mp4Facts(file)).toBeNull();
    expect(moovFacts(box('moov', mvhd(1000, 0)).subarray(8))).toEqual({ durationSeconds: null, width: null, height: null, videoCodec: null });
    expect(moovFacts(box('moov', box('trak', box('mdia', box('minf', box('stbl', box('stsd', Buffer.alloc(3))))))).subarray(8)).videoCodec).toBeNull();
  });

  it('reads the shipped sample video as ffprobe does', async () => {
    expect(await mp4Facts(SAMPLE)).toEqual({ durationSeconds: 8, width: 1920, height: 1080, videoCodec: 'h264' });
  });
});
