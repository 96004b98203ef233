/**
 * A hall's own engine (piper, a vendor CLI) run as a command per voice. The text goes on stdin so
 * it is never parsed by a shell or mistaken for an option; the command writes a WAV to `{out}`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpeechEngine } from './speech-engine.js';
import { checkSpeechRequest } from '../../domain/speech-plans/speech-request.js';
import { readWavInfo } from './wav.js';

export interface CommandEngineConfig {
  /** Cache key part; change it when the model changes so old audio is not replayed. */
  id: string;
  /** Per hall voice, argv with placeholders `{out}` (WAV path to write) and `{rate}` (1 = normal). */
  voices: Readonly<Record<string, readonly string[]>>;
  timeoutMs?: number;
  /** Where the per-call temporary folder goes; defaults to the OS temp dir. */
  tmpDir?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const STDERR_TAIL = 400;

export function createCommandEngine(config: CommandEngineConfig): SpeechEngine {
  const voices = Object.keys(config.voices);
  for (const [voice, argv] of Object.entries(config.voices)) {
    if (argv.length === 0 || !argv.some((a) => a.includes('{out}'))) {
      throw new RangeError(`command for voice ${voice} must be non-empty and contain {out}`);
    }
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    id: `command:${config.id}`,
    voices,
    async synthesize(text, voice, rate) {
      const spoken = checkSpeechRequest(text, voice, voices, rate);
      const dir = await mkdtemp(join(config.tmpDir ?? tmpdir(), 'hallcast-tts-'));
      const out = join(dir, 'speech.wav');
      const [command, ...args] = config.voices[voice]!.map((a) => a.replaceAll('{out}', out).replaceAll('{rate}', String(rate)));
      const name = [command, ...args].join(' ');
      try {
        await runWithStdin(command!, args, spoken, timeoutMs, name);
        const wav = await readFile(out).catch(() => {
          throw new Error(`speech command wrote no file: ${name}`);
        });
        const info = readWavInfo(wav);
        if (!info || info.dataBytes === 0) throw new Error(`speech command did not write a PCM WAV: ${name}`);
        return wav;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function runWithStdin(command: string, args: string[], input: string, timeoutMs: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr = (stderr + s).slice(-STDERR_TAIL);
    });
    // A command that exits without reading stdin makes the write fail with EPIPE; the exit code
    // is the useful report, so the stdin error itself is ignored.
    child.stdin.on('error', () => {});
    child.stdin.end(input, 'utf8');
    child.on('error', (err) => reject(new Error(`speech command could not start (${err.message}): ${name}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const why = signal ? `timed out after ${timeoutMs} ms or was killed (${signal})` : `exited with code ${code}`;
      reject(new Error(`speech command ${why}: ${name}${stderr.trim() ? `\n${stderr.trim()}` : ''}`));
    });
  });
}
