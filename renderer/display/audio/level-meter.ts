/**
 * An AnalyserNode tapped on one point of the graph, for diagnostics: the RMS of the latest few
 * milliseconds, and the latest samples with the context time they end at. The analyser passes
 * nothing on and Chromium pulls an analyser with no outputs by itself, so the tap changes nothing
 * that is heard; it only copies samples when asked.
 */

/** 4096 frames = 85 ms at 48 kHz: longer than a frame even at 15 fps, so polling each frame misses nothing. */
const FFT_SIZE = 4096;

export class LevelMeter {
  private readonly analyser: AnalyserNode;
  private readonly buffer: Float32Array<ArrayBuffer>;

  constructor(
    private readonly ctx: BaseAudioContext,
    source: AudioNode,
  ) {
    this.analyser = ctx.createAnalyser();
    this.analyser.fftSize = FFT_SIZE;
    this.buffer = new Float32Array(FFT_SIZE);
    source.connect(this.analyser);
  }

  /** RMS of the latest `seconds` rendered (default 20 ms), 0 while the context is not running. */
  rms(seconds = 0.02): number {
    if (this.ctx.state !== 'running') return 0;
    const x = this.latest().samples;
    const n = Math.min(x.length, Math.max(1, Math.round(seconds * this.ctx.sampleRate)));
    let sum = 0;
    for (let i = x.length - n; i < x.length; i++) sum += x[i]! * x[i]!;
    return Math.sqrt(sum / n);
  }

  /** The latest rendered samples (mixed down to mono, a reused buffer) and the context time the last one ends at. */
  latest(): { samples: Float32Array; endTime: number } {
    // The render thread may add quanta between the copy and the clock read (a whole 10 ms callback
    // when it catches up): read the clock on both sides and retry until they agree.
    let endTime = this.ctx.currentTime;
    for (let tries = 0; tries < 3; tries++) {
      this.analyser.getFloatTimeDomainData(this.buffer);
      const after = this.ctx.currentTime;
      if (after === endTime) break;
      endTime = after;
    }
    return { samples: this.buffer, endTime };
  }
}
