/**
 * A page init script for the announcement bench: it finds the node that feeds the AudioContext's
 * destination (Howler's master gain, or a baseline's own gain) as it is connected, and records
 * every sample that reaches the output, sample-accurately, with a ScriptProcessor beside it.
 * Nothing in the player is changed; the tap only listens.
 *
 * In the page: `__tap.arm()` forgets what came before; `__tap.first` is the performance.now()
 * time the first sample above the threshold reaches the output (via getOutputTimestamp), or
 * null; `__tap.runs()` gives the silent runs (start, length in s, context time) since arming.
 */
export const AUDIO_TAP_SCRIPT = `(() => {
  const THRESHOLD = 0.001;
  const tap = { first: null, armed: false, recording: false, samples: [], sampleRate: 0, startAt: 0, ctx: null };
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (target, ...rest) {
    const result = connect.call(this, target, ...rest);
    if (target instanceof AudioDestinationNode && !this.__tapped) {
      this.__tapped = true;
      const ctx = this.context;
      tap.ctx = ctx;
      tap.sampleRate = ctx.sampleRate;
      const sp = ctx.createScriptProcessor(1024, 1, 1);
      sp.onaudioprocess = (e) => {
        const data = e.inputBuffer.getChannelData(0);
        if (tap.recording) tap.samples.push(new Float32Array(data));
        if (!tap.armed || tap.first !== null) return;
        for (let i = 0; i < data.length; i++) {
          if (Math.abs(data[i]) > THRESHOLD) {
            const at = e.playbackTime + i / ctx.sampleRate;
            const stamp = ctx.getOutputTimestamp();
            tap.first = stamp.performanceTime + (at - stamp.contextTime) * 1000;
            break;
          }
        }
      };
      connect.call(this, sp);
      connect.call(sp, ctx.destination);
    }
    return result;
  };
  tap.arm = () => { tap.first = null; tap.armed = true; };
  tap.record = (on) => { tap.recording = on; if (on) tap.samples = []; };
  /** Silent runs (|x| < threshold) inside the recording, between its first and last loud sample, in seconds. */
  tap.runs = () => {
    const all = new Float32Array(tap.samples.reduce((n, s) => n + s.length, 0));
    let o = 0;
    for (const s of tap.samples) { all.set(s, o); o += s.length; }
    const runs = [];
    let first = -1, last = -1, start = -1;
    for (let i = 0; i < all.length; i++) {
      const loud = Math.abs(all[i]) > THRESHOLD;
      if (loud) { if (first < 0) first = i; last = i; if (start >= 0 && first >= 0 && start > first) runs.push([start, i - start]); start = -1; }
      else if (start < 0) start = i;
    }
    return { sampleRate: tap.sampleRate, first, last, runs };
  };
  /** The clips' own audible span (s): decoded lengths less the first clip's lead and the last one's tail silence. */
  tap.ownSpan = async (urls) => {
    const ctx = new AudioContext();
    const bufs = await Promise.all(urls.map(async (u) => ctx.decodeAudioData(await (await fetch(u)).arrayBuffer())));
    const edge = (b, fromEnd) => {
      const d = b.getChannelData(0);
      for (let k = 0; k < d.length; k++) if (Math.abs(d[fromEnd ? d.length - 1 - k : k]) > THRESHOLD) return k / b.sampleRate;
      return b.duration;
    };
    const total = bufs.reduce((s, b) => s + b.duration, 0);
    await ctx.close();
    return total - edge(bufs[0], false) - edge(bufs[bufs.length - 1], true);
  };
  window.__tap = tap;
})();`;
