import { readdirSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlaylists } from '../playlists/load.js';
import { createMediaLibrary } from './media-library.js';
import type { Probe } from './media-probe.js';
import { mediaUsage } from './media-usage.js';

const FIXTURE = path.join(import.meta.dirname, '../playlists/fixtures/hall');
const NOW = Date.parse('2026-12-01T10:17:00+08:00');
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function hall() {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-media-'));
  roots.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const assets = path.join(root, 'assets');
  const playlists = path.join(root, 'playlists');
  mkdirSync(path.join(assets, 'voice/zh-CN'), { recursive: true });
  writeFileSync(path.join(assets, 'voice/zh-CN/chime.ogg'), 'OggS');
  writeFileSync(path.join(assets, 'images/.DS_Store'), 'x');
  writeFileSync(path.join(assets, 'images/notes.txt'), 'x');
  writeFileSync(path.join(assets, 'images/spare.png'), 'spare');
  const probes: string[] = [];
  const probe: Probe = async (file, kind) => {
    probes.push(path.relative(assets, file));
    return { durationSeconds: kind === 'video' ? 8 : null, width: 640, height: 360, videoCodec: kind === 'video' ? (readFileSync(file, 'latin1').startsWith('hevc') ? 'hevc' : 'h264') : null };
  };
  const library = createMediaLibrary({ assetsDir: assets, probe, now: () => NOW });
  const usage = () => mediaUsage(loadPlaylists(playlists, { assetsDir: assets, now: NOW }).config, playlists);
  return { root, assets, playlists, library, usage, probes };
}

const sha = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

describe('media library', () => {
  it('lists the media under assets/ with hashes, facts and users; voice packs and other files left out', async () => {
    const { library, usage, assets } = hall();
    const { media, unused } = await library.list(usage());
    expect(media.map((m) => m.path)).toEqual(['images/slide.png', 'images/spare.png', 'video/clip.mp4']);
    expect(media[2]).toEqual({
      path: 'video/clip.mp4',
      kind: 'video',
      bytes: readFileSync(path.join(assets, 'video/clip.mp4')).length,
      sha256: sha(readFileSync(path.join(assets, 'video/clip.mp4'))),
      name: 'clip.mp4',
      durationSeconds: 8,
      width: 640,
      height: 360,
      videoCodec: 'h264',
      usedBy: ['welcome'],
    });
    expect(unused).toEqual(['images/spare.png']);
  });

  it('hashes and probes each file once while it does not change', async () => {
    const { library, usage, probes, assets } = hall();
    await library.list(usage());
    await library.list(usage());
    expect(probes.sort()).toEqual(['images/slide.png', 'images/spare.png', 'video/clip.mp4']);
    writeFileSync(path.join(assets, 'images/spare.png'), 'changed');
    await library.list(usage());
    expect(probes.filter((p) => p === 'images/spare.png')).toHaveLength(2);
  });

  it('counts programmes on disk, care-rule slides and the idle slide as users', async () => {
    const { library, playlists, assets } = hall();
    writeFileSync(path.join(playlists, 'programmes/extra.json'), JSON.stringify({ items: [{ type: 'image', src: './images/spare.png' }] }));
    writeFileSync(path.join(playlists, 'announcements.json'), JSON.stringify({ careRules: [{ id: 'busy', slide: { image: 'images/spare.png' } }] }));
    mkdirSync(path.join(assets, 'images'), { recursive: true });
    writeFileSync(path.join(assets, 'images/idle-branding.jpg'), 'jpeg');
    const usage = mediaUsage(null, playlists);
    expect(usage.get('images/spare.png')).toEqual(['care-rule:busy', 'extra']);
    expect(usage.get('images/idle-branding.jpg')).toEqual(['idle-slide']);
    const { unused } = await library.list(usage);
    expect(unused).toEqual([]);
  });

  it('takes an upload in under its hash, keeps its name, and keeps one copy of the same file', async () => {
    const { library, usage, assets } = hall();
    const content = Buffer.from('pretend video');
    const temp = (): string => {
      mkdirSync(library.folder, { recursive: true });
      const file = path.join(library.folder, `.upload-${Math.random()}.part`);
      writeFileSync(file, content);
      return file;
    };
    const first = await library.add({ temp: temp(), sha256: sha(content), bytes: content.length, extension: '.mp4', name: '大厅欢迎.mp4' }, usage());
    const expected = `library/${sha(content).slice(0, 16)}.mp4`;
    expect(first).toEqual({ duplicate: false, item: expect.objectContaining({ path: expected, name: '大厅欢迎.mp4', sha256: sha(content), usedBy: [] }) });
    const second = await library.add({ temp: temp(), sha256: sha(content), bytes: content.length, extension: '.mp4', name: 'copy.mp4' }, usage());
    expect(second).toEqual({ duplicate: true, item: expect.objectContaining({ path: expected, name: '大厅欢迎.mp4' }) });
    const index = JSON.parse(readFileSync(path.join(assets, 'library/index.json'), 'utf8'));
    expect(index.files[expected]).toEqual({ name: '大厅欢迎.mp4', sha256: sha(content), bytes: content.length, uploadedAt: NOW, durationSeconds: 8, width: 640, height: 360, videoCodec: 'h264' });
    expect((await library.list(usage())).media.map((m) => m.path)).toContain(expected);
  });

  it('refuses a video the screens cannot decode, with the ffmpeg fix, and keeps nothing of it', async () => {
    const { library, usage } = hall();
    const content = Buffer.from('hevc pretend video');
    mkdirSync(library.folder, { recursive: true });
    const temp = path.join(library.folder, '.upload-1.part');
    writeFileSync(temp, content);
    const before = (await library.list(usage())).media.map((m) => m.path);
    const added = await library.add({ temp, sha256: sha(content), bytes: content.length, extension: '.mp4', name: 'promo.mp4' }, usage());
    expect(added).toEqual({
      refused:
        '"promo.mp4" is HEVC (H.265) video, which the hall\'s screens cannot decode: re-encode it to H.264 (ffmpeg -i "promo.mp4" -c:v libx264 -pix_fmt yuv420p -c:a aac "promo-h264.mp4") or VP9 (ffmpeg -i "promo.mp4" -c:v libvpx-vp9 -b:v 0 -crf 32 -c:a libopus "promo-vp9.webm"), then upload that',
    });
    expect(readdirSync(library.folder).filter((f) => f !== 'index.json')).toEqual([]);
    expect((await library.list(usage())).media.map((m) => m.path)).toEqual(before);
  });

  it('refuses to delete a file in use (409, naming its users) and deletes an unused one', async () => {
    const { library, usage, assets } = hall();
    expect(await library.remove('video/clip.mp4', usage())).toEqual({ ok: false, reason: 'in-use', error: '"video/clip.mp4" is used by programme welcome: take it out of them first', usedBy: ['welcome'] });
    expect(existsSync(path.join(assets, 'video/clip.mp4'))).toBe(true);
    expect(await library.remove('images/spare.png', usage())).toEqual({ ok: true, deleted: 'images/spare.png' });
    expect(existsSync(path.join(assets, 'images/spare.png'))).toBe(false);
  });

  it('deletes nothing outside the media: voice packs, hidden files, other files, paths out', async () => {
    const { library, usage, root } = hall();
    writeFileSync(path.join(root, 'outside.png'), 'x');
    for (const name of ['voice/zh-CN/chime.ogg', 'images/.DS_Store', 'images/notes.txt', '../outside.png', '/etc/hostname', 'images/none.png']) {
      expect(await library.remove(name, usage())).toMatchObject({ reason: 'not-found' });
    }
    expect(existsSync(path.join(root, 'outside.png'))).toBe(true);
  });
});
