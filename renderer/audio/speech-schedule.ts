/**
 * When each clip of an announcement starts, and how the programme ducks under it: pure, in
 * AudioContext seconds, from the decoded clips' durations (the manifest's durationMs are rounded
 * and Opus pre-skip can shift them, so only the decoded AudioBuffer.duration is exact enough for
 * back-to-back clips).
 */

/** How the programme makes room for speech. */
export interface DuckShape {
  /** Programme level under speech, dB (−15 dB ≈ ×0.178). */
  depthDb: number;
  /** Ramp down, seconds, ending when the first clip starts. */
  attack: number;
  /** Ramp back to full, seconds, starting when the last clip ends. */
  release: number;
}

export const DEFAULT_DUCK: DuckShape = { depthDb: -15, attack: 0.5, release: 1.5 };
/** Silence between two readings of the same call, seconds. */
export const DEFAULT_REPEAT_PAUSE = 0.8;

export interface SpeechRequest {
  /** Decoded duration of each segment's clip, seconds, in reading order. */
  durations: readonly number[];
  /** Times the whole list is read, ≥ 1 (the host's Announcement.repeat). */
  repeat: number;
  /** Silence between readings, seconds. */
  pause: number;
  /** AudioContext time the duck begins; the first clip starts `attack` later. */
  at: number;
  duck?: Partial<DuckShape>;
  /** The programme's level when the duck begins (< 1 if a previous release is still running). */
  from?: number;
}

/** One clip to start: which segment (index into `durations`), which reading, and when. */
export interface ClipStart {
  segment: number;
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

export function scheduleSpeech(req: SpeechRequest): SpeechSchedule {
  const shape = { ...DEFAULT_DUCK, ...req.duck };
  if (!Number.isInteger(req.repeat) || req.repeat < 1) throw new Error(`repeat must be an integer ≥ 1, got ${req.repeat}`);
  if (req.durations.length === 0) throw new Error('an announcement needs at least one segment');
  for (const d of req.durations) if (!(d > 0) || !Number.isFinite(d)) throw new Error(`clip durations must be > 0 s, got ${d}`);
  if (!(req.pause >= 0) || !(shape.attack >= 0) || !(shape.release >= 0)) throw new Error('pause, attack and release must be ≥ 0 s');

  const speechAt = req.at + shape.attack;
  const clips: ClipStart[] = [];
  let t = speechAt;
  for (let reading = 0; reading < req.repeat; reading++) {
    if (reading > 0) t += req.pause;
    req.durations.forEach((d, segment) => {
      // Each start is the previous clip's computed end, not a multiple of anything: no drift, no gap.
      const end = t + d;
      clips.push({ segment, reading, at: t, end });
      t = end;
    });
  }
  const speechEnd = t;
  const restoredAt = speechEnd + shape.release;
  const low = dbToGain(shape.depthDb);
  const duck: GainPoint[] = [
    { at: req.at, value: req.from ?? 1, ramp: false },
    { at: speechAt, value: low, ramp: true },
    // Hold the low level until the speech ends; a ramp always runs from the previous point.
    { at: speechEnd, value: low, ramp: false },
    { at: restoredAt, value: 1, ramp: true },
  ];
  return { clips, speechAt, speechEnd, restoredAt, duck };
}
