import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../speech/wav.js';
import { createProbe, findOnPath, readFfprobe, wavSeconds } from './media-probe.js';

const ASSETS = path.join(import.meta.dirname, '../../../../assets');
const FFPROBE = findOnPath('ffprobe');
const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Silence of `seconds`, as the speech cache writes WAVs. */
const wav = (seconds: number, rate = 8000): Buffer => encodeWav(new Int16Array(rate * seconds), rate);

describe('media probe', () => {
  it('falls back to reading headers when ffprobe is not installed', async () => {
    const probe = createProbe(null);
    expect(await probe(path.join(ASSETS, 'video/hall-welcome.mp4'), 'video')).toEqual({ durationSeconds: 8, width: 1920, height: 1080, videoCodec: 'h264' });
    expect(await probe(path.join(ASSETS, 'images/slide-services.jpg'), 'image')).toEqual({ durationSeconds: null, width: 1920, height: 1080, videoCodec: null });
    // WebM's play time is not read without ffprobe: unknown, not wrong; its codec is.
    expect(await probe(path.join(ASSETS, 'video/broadband.webm'), 'video')).toEqual({ durationSeconds: null, width: null, height: null, videoCodec: 'vp9' });
    const file = path.join(dir, 'tone.wav');
    writeFileSync(file, wav(2));
    expect(await probe(file, 'audio')).toEqual({ durationSeconds: 2, width: null, height: null, videoCodec: null });
    expect(await wavSeconds(file)).toBe(2);
  });

  it('says unknown for a file it cannot read', async () => {
    const file = path.join(dir, 'junk.png');
    writeFileSync(file, 'not a png');
    expect(await createProbe(null)(file, 'image')).toEqual({ durationSeconds: null, width: null, height: null, videoCodec: null });
    expect(await createProbe('/nonexistent/ffprobe')(file, 'image')).toEqual({ durationSeconds: null, width: null, height: null, videoCodec: null });
  });

  it.skipIf(!FFPROBE)('asks ffprobe when it is on PATH, WebM too', async () => {
    const probe = createProbe(FFPROBE);
    expect(await probe(path.join(ASSETS, 'video/hall-welcome.mp4'), 'video')).toEqual({ durationSeconds: 8, width: 1920, height: 1080, videoCodec: 'h264' });
    const webm = await probe(path.join(ASSETS, 'video/broadband.webm'), 'video');
    expect(webm.durationSeconds).toBeGreaterThan(0);
    expect(webm.width).toBeGreaterThan(0);
    expect(webm.videoCodec).toBe('vp9');
    expect(await probe(path.join(ASSETS, 'images/slide-services.jpg'), 'image')).toEqual({ durationSeconds: null, width: 1920, height: 1080, videoCodec: null });
  });

  it('reads ffprobe output: images have no play time, audio no picture, rotated video turns', () => {
    const streams = [{ codec_type: 'video', codec_name: 'hevc', width: 1920, height: 1080, side_data_list: [{ rotation: -90 }] }];
    expect(readFfprobe({ format: { duration: '12.3456' }, streams }, 'video')).toEqual({ durationSeconds: 12.346, width: 1080, height: 1920, videoCodec: 'hevc' });
    expect(readFfprobe({ format: { duration: '0.04' }, streams: [{ codec_type: 'video', codec_name: 'png', width: 800, height: 600 }] }, 'image')).toEqual({ durationSeconds: null, width: 800, height: 600, videoCodec: null });
    const cover = { codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } };
    expect(readFfprobe({ format: { duration: '3.5' }, streams: [{ codec_type: 'audio' }, cover] }, 'audio')).toEqual({ durationSeconds: 3.5, width: null, height: null, videoCodec: null });
  });

  it('names an HEVC clip\'s codec with and without ffprobe, so the upload can be refused', async () => {
    const hevc = path.join(import.meta.dirname, '../../../../e2e/media/hevc-clip.mp4');
    expect((await createProbe(null)(hevc, 'video')).videoCodec).toBe('hevc');
    if (FFPROBE) expect((await createProbe(FFPROBE)(hevc, 'video')).videoCodec).toBe('hevc');
  });

  it('finds programs on PATH only where they are executable', () => {
    writeFileSync(path.join(dir, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(path.join(dir, 'data'), 'x', { mode: 0o644 });
    expect(findOnPath('tool', `/nonexistent${path.delimiter}${dir}`)).toBe(path.join(dir, 'tool'));
    expect(findOnPath('data', dir)).toBeNull();
  });
});
