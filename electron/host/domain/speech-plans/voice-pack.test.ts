import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requiredSegments } from './call-plan.js';
import { checkVoicePack, type VoicePackManifest } from './voice-pack.js';
import { VOICE_LANGS } from './voice-lang.js';

const packDir = (lang: string) => fileURLToPath(new URL(`../../../../assets/voice/${lang}/`, import.meta.url));

function shippedPack(lang: string): { manifest: VoicePackManifest; files: Set<string> } {
  const dir = packDir(lang);
  const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as VoicePackManifest;
  return { manifest, files: new Set(readdirSync(dir)) };
}

describe.each(VOICE_LANGS)('shipped voice pack %s', (lang) => {
  it('is complete: every segment a call can need has a clip, and every clip file exists', () => {
    const { manifest, files } = shippedPack(lang);
    expect(manifest.lang).toBe(lang);
    expect(checkVoicePack(manifest, files)).toEqual([]);
  });

  it('has small, non-empty Opus clips', () => {
    const { manifest } = shippedPack(lang);
    for (const clip of Object.values(manifest.clips)) {
      const bytes = readFileSync(`${packDir(lang)}${clip.file}`);
      expect(bytes.subarray(0, 4).toString('latin1'), clip.file).toBe('OggS');
      expect(bytes.includes(Buffer.from('OpusHead')), clip.file).toBe(true);
      expect(clip.durationMs, clip.file).toBeGreaterThan(100);
      expect(clip.durationMs, clip.file).toBeLessThan(2000);
    }
  });
});

describe('checkVoicePack', () => {
  const complete = (): { manifest: VoicePackManifest; files: Set<string> } => {
    const clips = Object.fromEntries(
      requiredSegments('en').map((id) => [id, { file: `${id}.ogg`, text: id, durationMs: 300 }]),
    );
    return { manifest: { lang: 'en', voice: 'test', clips }, files: new Set(Object.keys(clips).map((id) => `${id}.ogg`)) };
  };

  it('accepts a complete pack', () => {
    const { manifest, files } = complete();
    expect(checkVoicePack(manifest, files)).toEqual([]);
  });

  it('reports a segment the templates need but the manifest lacks', () => {
    const { manifest, files } = complete();
    delete manifest.clips['num-13'];
    expect(checkVoicePack(manifest, files)).toEqual([
      { kind: 'missing-segment', segment: 'num-13', message: 'no clip for segment "num-13"' },
    ]);
  });

  it('reports a clip whose file is not in the pack', () => {
    const { manifest, files } = complete();
    files.delete('letter-Q.ogg');
    expect(checkVoicePack(manifest, files)).toEqual([
      expect.objectContaining({ kind: 'missing-file', segment: 'letter-Q', file: 'letter-Q.ogg' }),
    ]);
  });

  it('refuses file names that reach outside the pack, and clips without a duration', () => {
    const { manifest, files } = complete();
    manifest.clips['chime'] = { file: '../../etc/passwd', text: 'x', durationMs: 1 };
    manifest.clips['ticket'] = { file: 'ticket.ogg', text: 'x', durationMs: 0 };
    expect(checkVoicePack(manifest, files).map((p) => [p.kind, 'segment' in p ? p.segment : ''])).toEqual([
      ['bad-clip', 'chime'],
      ['bad-clip', 'ticket'],
    ]);
  });

  it('reports a pack in a language no template speaks', () => {
    const { manifest, files } = complete();
    expect(checkVoicePack({ ...manifest, lang: 'fr' }, files)).toEqual([
      expect.objectContaining({ kind: 'unknown-lang' }),
    ]);
  });

  it('sees a shipped clip go missing from disk', () => {
    const { manifest, files } = shippedPack('zh-CN');
    files.delete('hao-chuangkou.ogg');
    expect(existsSync(`${packDir('zh-CN')}hao-chuangkou.ogg`)).toBe(true);
    expect(checkVoicePack(manifest, files).map((p) => p.kind)).toEqual(['missing-file']);
  });
});
