import { describe, expect, it } from 'vitest';
import { createCommandEngine } from './command-engine.js';
import { wavStats } from './tts.test-support.js';

// A stand-in for piper: reads the text on stdin, writes a 440 Hz tone one tenth of a second per
// character to the path given as its argument, so the test can see the text arrived intact.
const FAKE_TTS = `
const fs = require('node:fs');
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (s) => (text += s));
process.stdin.on('end', () => {
  const rate = 16000, n = Math.round(rate * 0.1 * [...text].length), out = Buffer.alloc(44 + n * 2);
  out.write('RIFF', 0); out.writeUInt32LE(36 + n * 2, 4); out.write('WAVEfmt ', 8);
  out.writeUInt32LE(16, 16); out.writeUInt16LE(1, 20); out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24); out.writeUInt32LE(rate * 2, 28); out.writeUInt16LE(2, 32); out.writeUInt16LE(16, 34);
  out.write('data', 36); out.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) out.writeInt16LE(Math.round(8000 * Math.sin(i / rate * 2 * Math.PI * 440)), 44 + i * 2);
  fs.writeFileSync(process.argv[1], out);
});`;

const node = (script: string, ...args: string[]) => [process.execPath, '-e', script, ...args];

describe('command engine', () => {
  it('passes the text on stdin and returns the WAV the command wrote to {out}', async () => {
    const engine = createCommandEngine({ id: 'fake', voices: { 'zh-CN': node(FAKE_TTS, '{out}') } });
    // Quotes and a leading dash would break a shell or an argv parser; stdin carries them as text.
    const stats = wavStats(await engine.synthesize('-请"勿"$吸烟', 'zh-CN', 1));
    expect(stats.sampleRate).toBe(16000);
    expect(stats.durationSec).toBeCloseTo(0.8, 5); // 8 characters, all of them arrived;
    expect(stats.rms).toBeGreaterThan(0.1);
    expect(engine.id).toBe('command:fake');
  });

  it('names the command and shows its stderr when it fails', async () => {
    const engine = createCommandEngine({
      id: 'broken',
      voices: { en: node('console.error("model zh.onnx not found"); process.exit(3)', '{out}') },
    });
    await expect(engine.synthesize('Hello', 'en', 1)).rejects.toThrow(/exited with code 3: .*node -e .*\nmodel zh.onnx not found/);
  });

  it('refuses a command that succeeds but writes no WAV, or writes something else', async () => {
    const silent = createCommandEngine({ id: 'silent', voices: { en: node('', '{out}') } });
    await expect(silent.synthesize('Hello', 'en', 1)).rejects.toThrow('speech command wrote no file');
    const text = createCommandEngine({
      id: 'text',
      voices: { en: node('require("node:fs").writeFileSync(process.argv[1], "hello")', '{out}') },
    });
    await expect(text.synthesize('Hello', 'en', 1)).rejects.toThrow('did not write a PCM WAV');
  });

  it('reports a missing program by name', async () => {
    const engine = createCommandEngine({ id: 'none', voices: { en: ['piper-not-installed', '--output_file', '{out}'] } });
    await expect(engine.synthesize('Hello', 'en', 1)).rejects.toThrow(/could not start \(.*ENOENT.*\): piper-not-installed --output_file/);
  });

  it('kills a command that runs past the timeout', async () => {
    const engine = createCommandEngine({ id: 'slow', timeoutMs: 300, voices: { en: node('setTimeout(() => {}, 20000)', '{out}') } });
    const started = Date.now();
    await expect(engine.synthesize('Hello', 'en', 1)).rejects.toThrow(/timed out after 300 ms .*SIGKILL/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('checks its configuration and its input', async () => {
    expect(() => createCommandEngine({ id: 'x', voices: { en: ['piper'] } })).toThrow('must be non-empty and contain {out}');
    const engine = createCommandEngine({ id: 'fake', voices: { 'zh-CN': node(FAKE_TTS, '{out}') } });
    await expect(engine.synthesize('x'.repeat(501), 'zh-CN', 1)).rejects.toThrow('the limit is 500');
    await expect(engine.synthesize('Hello', 'en', 1)).rejects.toThrow('unknown voice "en"; available: zh-CN');
  });
});
