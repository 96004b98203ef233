import { describe, expect, it } from 'vitest';
import { checkMedia, sniff } from './media-types.js';

const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const box = (type: string, brand: string): Buffer => bytes([0, 0, 0, 0x18], type, brand, [0, 0, 0, 0], 'isomavc1');

const SAMPLES: Record<string, Buffer> = {
  mp4: box('ftyp', 'isom'),
  mov: box('ftyp', 'qt  '),
  oldMov: bytes([0, 0, 0, 8], 'wide', [0, 0, 0, 8], 'mdat'),
  avif: box('ftyp', 'avif'),
  heic: box('ftyp', 'heic'),
  webm: bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'),
  mkv: bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], 'matroska'),
  png: bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'),
  gif: bytes('GIF89a', [1, 0, 1, 0]),
  webp: bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '),
  wav: bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '),
  ogg: bytes('OggS', [0, 2]),
  mp3: bytes('ID3', [4, 0, 0]),
  mp3Frame: bytes([0xff, 0xfb, 0x90, 0x64]),
  exe: bytes('MZ', [0x90, 0, 3, 0]),
  zip: bytes('PK', [3, 4, 20, 0]),
  pdf: bytes('%PDF-1.7\n'),
  elf: bytes([0x7f], 'ELF', [2, 1, 1]),
  html: bytes('\n  <!doctype html><html>'),
};

describe('media types by their first bytes', () => {
  it.each([
    ['mp4', 'mp4'],
    ['mov', 'mp4'],
    ['oldMov', 'mp4'],
    ['avif', 'avif'],
    ['webm', 'webm'],
    ['png', 'png'],
    ['jpeg', 'jpeg'],
    ['gif', 'gif'],
    ['webp', 'webp'],
    ['wav', 'wav'],
    ['ogg', 'ogg'],
    ['mp3', 'mp3'],
    ['mp3Frame', 'mp3'],
  ])('%s is %s', (sample, id) => {
    const found = sniff(SAMPLES[sample]!);
    expect('media' in found && found.media.id).toBe(id);
  });

  it.each([
    ['exe', 'a Windows program (MZ)'],
    ['zip', 'a zip archive (PK), or an Office document'],
    ['pdf', 'a PDF document (%PDF)'],
    ['elf', 'a Linux program (ELF)'],
    ['html', 'a web page or XML document'],
    ['heic', 'a HEIF/HEIC photo (ftyp heic)'],
    ['mkv', 'a Matroska video (MKV)'],
  ])('names %s as %s', (sample, words) => {
    expect(sniff(SAMPLES[sample]!)).toEqual({ other: words });
  });

  it('shows the first bytes of something unknown', () => {
    expect(sniff(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toEqual({ other: 'nothing the player shows (first bytes 01 02 03 04 05 06 07 08)' });
    expect(sniff(Buffer.alloc(0))).toEqual({ other: 'an empty file' });
  });
});

describe('checkMedia: the content must match the name', () => {
  it('accepts each type under each of its extensions, in any case', () => {
    expect(checkMedia('clip.MP4', SAMPLES.mp4!)).toMatchObject({ ok: true, type: { id: 'mp4', kind: 'video' } });
    expect(checkMedia('phone.mov', SAMPLES.mov!)).toMatchObject({ ok: true });
    expect(checkMedia('slide.jpeg', SAMPLES.jpeg!)).toMatchObject({ ok: true, type: { kind: 'image' } });
    expect(checkMedia('chime.opus', SAMPLES.ogg!)).toMatchObject({ ok: true, type: { kind: 'audio' } });
  });

  it('refuses a program renamed .mp4, saying what it looks like', () => {
    expect(checkMedia('x.mp4', SAMPLES.exe!)).toEqual({ ok: false, error: '"x.mp4" is not an MP4 video: it starts like a Windows program (MZ)' });
    expect(checkMedia('x.jpg', SAMPLES.zip!)).toEqual({ ok: false, error: '"x.jpg" is not a JPEG image: it starts like a zip archive (PK), or an Office document' });
    expect(checkMedia('x.webm', SAMPLES.pdf!)).toEqual({ ok: false, error: '"x.webm" is not a WebM video: it starts like a PDF document (%PDF)' });
  });

  it('tells which extension a real media file needs', () => {
    expect(checkMedia('photo.jpg', SAMPLES.png!)).toEqual({ ok: false, error: '"photo.jpg" is not a JPEG image: it is a PNG image: give it the extension .png' });
  });

  it('refuses names the player cannot play at all', () => {
    expect(checkMedia('setup.exe', SAMPLES.exe!)).toEqual({
      ok: false,
      error: '"setup.exe" is a .exe file, which the player cannot play: upload MP4 or WebM video, PNG, JPEG, WebP, GIF or AVIF images, or MP3, Ogg or WAV audio',
    });
    expect(checkMedia('README', SAMPLES.html!)).toMatchObject({ ok: false, error: expect.stringMatching(/a file without an extension/) });
  });
});
