import { describe, expect, it } from 'vitest';
import { unplayableVideo, webmVideoCodec } from './video-codec.js';

/** An EBML CodecID element: 0x86, a one-byte size, the id. */
const codecId = (id: string): Buffer => Buffer.concat([Buffer.from([0x86, 0x80 | id.length]), Buffer.from(id, 'latin1')]);

describe('video codec', () => {
  it('reads the first video CodecID of a WebM/Matroska head, past an audio track', () => {
    const head = (...ids: string[]) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x86]), ...ids.map(codecId), Buffer.alloc(16)]);
    expect(webmVideoCodec(head('A_OPUS', 'V_VP9'))).toBe('vp9');
    expect(webmVideoCodec(head('V_MPEGH/ISO/HEVC'))).toBe('hevc');
    expect(webmVideoCodec(head('V_AV1'))).toBe('av1');
    expect(webmVideoCodec(head('A_OPUS'))).toBeNull();
    expect(webmVideoCodec(Buffer.from([0x86]))).toBeNull();
  });

  it('lets H.264, VP8, VP9, AV1 and unknown codecs through; refuses the rest with both fixes', () => {
    for (const codec of ['h264', 'vp8', 'vp9', 'av1', null]) expect(unplayableVideo('a.mp4', codec)).toBeNull();
    expect(unplayableVideo('春季.mov', 'prores')).toBe(
      '"春季.mov" is Apple ProRes video, which the hall\'s screens cannot decode: re-encode it to H.264 (ffmpeg -i "春季.mov" -c:v libx264 -pix_fmt yuv420p -c:a aac "春季-h264.mp4") or VP9 (ffmpeg -i "春季.mov" -c:v libvpx-vp9 -b:v 0 -crf 32 -c:a libopus "春季-vp9.webm"), then upload that',
    );
    expect(unplayableVideo('x.mkv', 'theora')).toMatch(/^"x.mkv" is theora video/);
  });
});
