/**
 * When each clip of an announcement starts, and how the programme ducks under it: pure, in
 * AudioContext seconds, from the decoded clips' durations (the manifest's durationMs are rounded
 * and Opus pre-skip can shift them, so only the decoded AudioBuffer.duration is exact enough for
 * back-to-back clips).
 */
import type { DuckPlan } from '../../../electron/contract/messages.js';

/** What the host sends when announcements.json says nothing (its DEFAULT_DUCK). */
export const DEFAULT_DUCK: DuckPlan = { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 };

export interface SpeechRequest {
  /** Decoded duration of each clip, seconds, in reading order. */
  durations: readonly number[];
  /**
   * How many leading clips (the chime) start with the duck, under its attack ramp; the clip after
   * them starts at their end or at the end of the attack, whichever is later.
   */
  leadIn: number;
  /** Times the whole list is read, ≥ 1 (AnnouncementPlay.repeat). */
  repeat: number;
  /** Silence between readings, seconds. */
  pause: number;
  /** AudioContext time the duck begins. */
  at: number;
  duck: DuckPlan;
  /** The programme's level when the duck begins (< 1 if a previous release is still running). */
  from?: number;
}

/** One clip to start: which clip (index into `durations`), which reading, and when. */
export interface ClipStart {
  clip: number;
  reading: number;
  at: number;
  end: number;
}

/** An automation point: `ramp` = linear ramp ending here, otherwise a set at this time. */
export interface GainPoint {
  at: number;
  value: number;
  ramp: boolean;
}

export interface SpeechSchedule {
  clips: ClipStart[];
  /** First clip's start. */
  speechAt: number;
  /** Last clip's end. */
  speechEnd: number;
  /** Programme back at full level. */
  restoredAt: number;
  /** Programme gain automation, in time order. */
  duck: GainPoint[];
}

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

/** Why a request cannot be timed, or null; checked before any clip is fetched. */
export function speechRequestProblem(req: Omit<SpeechRequest, 'at' | 'durations'> & { clips: number }): string | null {
  const { duck } = req;
  if (req.clips === 0) return 'an announcement needs at least one clip';
  if (!Number.isInteger(req.repeat) || req.repeat < 1) return `repeat must be an integer ≥ 1, got ${req.repeat}`;
  if (!Number.isInteger(req.leadIn) || req.leadIn < 0 || req.leadIn > req.clips) return `leadIn must be an integer from 0 to ${req.clips}, got ${req.leadIn}`;
  if (!(req.pause >= 0) || !(duck.attackSeconds >= 0) || !(duck.releaseSeconds >= 0)) return 'pause, attack and release must be ≥ 0 s';
  if (!Number.isFinite(req.pause) || !Number.isFinite(duck.attackSeconds) || !Number.isFinite(duck.releaseSeconds)) return 'pause, attack and release must be finite';
  if (!Number.isFinite(duck.depthDb) || duck.depthDb > 0) return `duck depth must be ≤ 0 dB, got ${duck.depthDb}`;
  return null;
}

export function scheduleSpeech(req: SpeechRequest): SpeechSchedule {
  const problem = speechRequestProblem({ ...req, clips: req.durations.length });
  if (problem) throw new Error(problem);
  for (const d of req.durations) if (!(d > 0) || !Number.isFinite(d)) throw new Error(`clip durations must be > 0 s, got ${d}`);

  const attackEnd = req.at + req.duck.attackSeconds;
  const clips: ClipStart[] = [];
  let t = req.at;
  for (let reading = 0; reading < req.repeat; reading++) {
    if (reading > 0) t += req.pause;
    req.durations.forEach((d, clip) => {
      // Only the first reading waits for the attack: later ones are read into a programme already down.
      if (reading === 0 && clip === req.leadIn) t = Math.max(t, attackEnd);
      // Each start is the previous clip's computed end, not a multiple of anything: no drift, no gap.
      const end = t + d;
      clips.push({ clip, reading, at: t, end });
      t = end;
    });
  }
  const speechAt = clips[0]!.at;
  const speechEnd = t;
  // A lead-in alone (a chime with nothing after it) can end before the attack does.
  const holdUntil = Math.max(speechEnd, attackEnd);
  const restoredAt = holdUntil + req.duck.releaseSeconds;
  const low = dbToGain(req.duck.depthDb);
  const duck: GainPoint[] = [
    { at: req.at, value: req.from ?? 1, ramp: false },
    { at: attackEnd, value: low, ramp: true },
    // Hold the low level until the speech ends; a ramp always runs from the previous point.
    { at: holdUntil, value: low, ramp: false },
    { at: restoredAt, value: 1, ramp: true },
  ];
  return { clips, speechAt, speechEnd, restoredAt, duck };
}
