/**
 * A voice pack is a folder of clips plus manifest.json mapping segment ids to files. The check is
 * pure (manifest + the set of file names present) so the player, a CLI and the tests share it.
 */
import { requiredSegments } from './call-plan.js';
import { isVoiceLang } from './voice-lang.js';

export interface VoiceClip {
  /** File name inside the pack folder; a hall replaces a clip by dropping in a file of this name. */
  file: string;
  /** What the clip says (pinyin with tone numbers for zh-CN), for people checking the pack. */
  text: string;
  durationMs: number;
}

export interface VoicePackManifest {
  lang: string;
  /** The synthetic voice that made the shipped clips, e.g. "espeak-ng cmn-latn-pinyin". */
  voice: string;
  clips: Record<string, VoiceClip>;
}

export type VoicePackProblem =
  | { kind: 'unknown-lang'; message: string }
  | { kind: 'missing-segment'; segment: string; message: string }
  | { kind: 'missing-file'; segment: string; file: string; message: string }
  | { kind: 'bad-clip'; segment: string; message: string };

// Clips are looked up inside the pack folder only; a path could reach files outside it.
const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Everything that would make some call in this pack's language unplayable; empty means complete. */
export function checkVoicePack(manifest: VoicePackManifest, files: ReadonlySet<string>): VoicePackProblem[] {
  const problems: VoicePackProblem[] = [];
  const clips = manifest.clips ?? {};
  if (!isVoiceLang(manifest.lang)) {
    problems.push({ kind: 'unknown-lang', message: `pack language ${JSON.stringify(manifest.lang)} has no call template` });
  } else {
    for (const segment of requiredSegments(manifest.lang)) {
      if (!Object.hasOwn(clips, segment)) {
        problems.push({ kind: 'missing-segment', segment, message: `no clip for segment "${segment}"` });
      }
    }
  }
  for (const [segment, clip] of Object.entries(clips)) {
    problems.push(...checkClip(segment, clip, files));
  }
  return problems;
}

function checkClip(segment: string, clip: VoiceClip, files: ReadonlySet<string>): VoicePackProblem[] {
  if (typeof clip?.file !== 'string' || !PLAIN_FILE_NAME.test(clip.file)) {
    return [{ kind: 'bad-clip', segment, message: `segment "${segment}" needs a plain file name, got ${JSON.stringify(clip?.file)}` }];
  }
  const problems: VoicePackProblem[] = [];
  if (!files.has(clip.file)) {
    problems.push({ kind: 'missing-file', segment, file: clip.file, message: `segment "${segment}" lists ${clip.file}, which is not in the pack` });
  }
  if (typeof clip.durationMs !== 'number' || !(clip.durationMs > 0)) {
    problems.push({ kind: 'bad-clip', segment, message: `segment "${segment}" has no positive durationMs` });
  }
  return problems;
}
