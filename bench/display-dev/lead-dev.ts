/**
 * DEV ONLY: how far ahead of `ctx.currentTime` a clip must be started so that its first sample is
 * rendered exactly when scheduled, for lead-probe.mjs. On Howler's AudioContext (as the display
 * uses it), with a 1080p video playing through the programme gain for realistic load, each trial
 * reads currentTime at a random moment and starts a 64-sample click at currentTime + lead. An
 * AudioWorklet on the speech bus sees every rendered frame with its absolute frame number, so it
 * tells whether the click began on its scheduled frame, late, or with its first sample cut.
 * Prints one console line `lead-probe {json}`.
 */
import { howlerOutput } from '../../renderer/display/audio/howler-output.js';

const params = new URLSearchParams(window.location.search);
const leadsMs = (params.get('leads') ?? '0,2.5,5,10,20,30,50').split(',').map(Number);
const trials = Number(params.get('trials') ?? 150);
const withVideo = params.get('video') !== '0';

// The click's first sample is 1, the rest 0.25: a click missing its first sample starts at 0.25.
const WORKLET = `
class Tap extends AudioWorkletProcessor {
  process(inputs) {
    const x = inputs[0] && inputs[0][0];
    if (x) for (let i = 0; i < x.length; i++) if (x[i] !== 0) { this.port.postMessage({ frame: currentFrame + i, value: x[i] }); break; }
    return true;
  }
}
registerProcessor('tap', Tap);`;

async function run(): Promise<void> {
  const out = howlerOutput();
  if (!out) throw new Error('no Web Audio');
  const { ctx, master } = out;
  if (withVideo) {
    const v = document.createElement('video');
    v.src = '/media/video/hall-welcome.mp4';
    v.loop = true;
    v.style.width = '100%';
    document.body.append(v);
    const programme = ctx.createGain();
    ctx.createMediaElementSource(v).connect(programme);
    programme.connect(master);
    await v.play();
  }
  await ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' })));
  const tap = new AudioWorkletNode(ctx, 'tap');
  const bus = ctx.createGain();
  bus.connect(master);
  bus.connect(tap);
  tap.connect(ctx.destination);

  const rate = ctx.sampleRate;
  const click = ctx.createBuffer(1, 64, rate);
  click.getChannelData(0).fill(0.25);
  click.getChannelData(0)[0] = 1;

  const heard: { frame: number; value: number }[] = [];
  tap.port.onmessage = (e: MessageEvent<{ frame: number; value: number }>) => heard.push(e.data);

  const results: Record<string, { late: number[]; cut: number; latencyMs: number[] }> = {};
  for (const lead of leadsMs) {
    const r: { late: number[]; cut: number; latencyMs: number[] } = { late: [], cut: 0, latencyMs: [] };
    results[lead] = r;
    for (let i = 0; i < trials; i++) {
      // A random phase against the render thread's bursts.
      await sleep(40 + Math.random() * 25);
      heard.length = 0;
      const calledAt = performance.now();
      // On a whole frame, so the click is not interpolated (a sub-sample start softens its first sample).
      const at = (Math.round(ctx.currentTime * rate) + Math.round((lead / 1000) * rate)) / rate;
      const src = ctx.createBufferSource();
      src.buffer = click;
      src.connect(bus);
      src.start(at);
      await sleep(lead + 80);
      const first = heard[0];
      if (!first) {
        r.cut++;
        continue;
      }
      if (Math.abs(first.value - 1) > 1e-6) r.cut++;
      r.late.push(first.frame - Math.round(at * rate));
      // When that frame reaches the output, on the performance clock.
      const ts = ctx.getOutputTimestamp();
      if (ts.contextTime && ts.performanceTime) r.latencyMs.push(ts.performanceTime + (first.frame / rate - ts.contextTime) * 1000 - calledAt);
    }
  }
  console.log(
    'lead-probe ' +
      JSON.stringify({ state: ctx.state, rate, baseLatency: ctx.baseLatency, outputLatency: ctx.outputLatency, withVideo, results }),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

setTimeout(() => run().catch((e: unknown) => console.log('lead-probe ' + JSON.stringify({ error: String(e) }))), 300);
