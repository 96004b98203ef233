/**
 * The one place the renderer reaches Howler's Web Audio graph: speech and programme go into the
 * same AudioContext and master gain as every Howl, so Howler's global volume and mute apply to them.
 */
import { Howler } from 'howler';

export interface AudioOutput {
  ctx: AudioContext;
  /** Howler's master gain (→ ctx.destination). */
  master: GainNode;
}

/** Howler's context and master gain, created if no Howl has run yet; null without Web Audio. */
export function howlerOutput(): AudioOutput | null {
  // Howler suspends its context 30 s after its last Howl stops, and it never sees our clips or the
  // programme's <video>s: the programme would fall silent after 30 s and every announcement would
  // first wait for a resume (measured: the context was suspended half-way through a probe).
  Howler.autoSuspend = false;
  // Howler creates its AudioContext lazily (first Howl, volume() or mute()); volume() with no
  // argument only reads, so this starts the context without changing anything.
  if (!(Howler.ctx as AudioContext | null)) Howler.volume();
  const ctx = Howler.ctx as AudioContext | null;
  const master = Howler.masterGain as GainNode | null;
  return Howler.usingWebAudio && ctx && master ? { ctx, master } : null;
}

/** Silences everything the display plays (programme and speech): the console's preview frame. */
export function muteOutput(): void {
  Howler.mute(true);
}
