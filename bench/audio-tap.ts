/**
 * A page init script for the announcement bench: it finds the node that feeds the AudioContext's
 * destination (Howler's master gain, or a baseline's own gain) as it is connected, and listens to
 * it with an AudioWorklet beside it. The worklet sees each 128-frame render quantum with its exact
 * context time, so the first loud sample is placed to the sample (a ScriptProcessor's playbackTime
 * would be a buffer off); getOutputTimestamp() then says when that sample reaches the output.
 * Nothing in the player is changed; the tap only listens. Pages need bypassCSP (a blob: worklet).
 *
 * In the page: `__tap.arm()` forgets what came before; `__tap.first` is the performance.now() time
 * the first sample above the threshold reaches the output, or null; `__tap.record(on)` keeps the
 * samples; `__tap.span()` is the first and last loud sample of the recording; `__tap.ownSpan(urls)`
 * the same for the clips themselves, decoded at the context's rate; `__tap.listen(threshold)` then
 * collects in `__tap.onsets` the performance.now() time each sound above `threshold` that follows
 * 100 ms below it reaches the output (the bench clips' clicks).
 */
export const AUDIO_TAP_SCRIPT = `(() => {
  const THRESHOLD = 0.001;
  const WORKLET = \`
    class Tap extends AudioWorkletProcessor {
      constructor() { super(); this.armed = false; this.recording = false; this.onset = 0; this.quiet = 0; this.port.onmessage = (e) => Object.assign(this, e.data); }
      process(inputs) {
        const data = inputs[0] && inputs[0][0];
        if (!data) return true;
        if (this.recording) this.port.postMessage({ chunk: data.slice(0) });
        if (this.onset > 0) {
          for (let i = 0; i < data.length; i++) {
            if (Math.abs(data[i]) > this.onset) {
              if (this.quiet >= sampleRate / 10) this.port.postMessage({ onsetAt: currentTime + i / sampleRate });
              this.quiet = 0;
            } else this.quiet++;
          }
        }
        if (this.armed) {
          for (let i = 0; i < data.length; i++) {
            if (Math.abs(data[i]) > \${THRESHOLD}) { this.armed = false; this.port.postMessage({ loudAt: currentTime + i / sampleRate }); break; }
          }
        }
        return true;
      }
    }
    registerProcessor('hallcast-tap', Tap);\`;
  const tap = { first: null, ready: false, chunks: [], sampleRate: 0, node: null, onsets: [] };
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (target, ...rest) {
    const result = connect.call(this, target, ...rest);
    if (target instanceof AudioDestinationNode && !this.__tapped) {
      this.__tapped = true;
      const source = this;
      const ctx = this.context;
      tap.sampleRate = ctx.sampleRate;
      const url = URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' }));
      ctx.audioWorklet.addModule(url).then(() => {
        const node = new AudioWorkletNode(ctx, 'hallcast-tap', { numberOfOutputs: 0 });
        node.port.onmessage = (e) => {
          if (e.data.chunk) tap.chunks.push(e.data.chunk);
          if (e.data.onsetAt !== undefined) {
            const stamp = ctx.getOutputTimestamp();
            tap.onsets.push(stamp.performanceTime + (e.data.onsetAt - stamp.contextTime) * 1000);
          }
          if (e.data.loudAt !== undefined) {
            const stamp = ctx.getOutputTimestamp();
            tap.first = stamp.performanceTime + (e.data.loudAt - stamp.contextTime) * 1000;
          }
        };
        connect.call(source, node);
        tap.node = node;
        tap.ready = true;
      });
    }
    return result;
  };
  tap.arm = () => { tap.first = null; tap.node.port.postMessage({ armed: true }); };
  tap.listen = (threshold) => { tap.onsets = []; tap.node.port.postMessage({ onset: threshold, quiet: 0 }); };
  tap.record = (on) => { if (on) tap.chunks = []; tap.node.port.postMessage({ recording: on }); };
  tap.span = () => {
    let first = -1, last = -1, i = 0;
    for (const c of tap.chunks) for (let k = 0; k < c.length; k++, i++) if (Math.abs(c[k]) > THRESHOLD) { if (first < 0) first = i; last = i; }
    return { sampleRate: tap.sampleRate, first, last };
  };
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
