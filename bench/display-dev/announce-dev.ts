/**
 * DEV ONLY: plays one call through the Announcer on Howler's graph and records what came out, for
 * announce-probe.mjs. Starts itself from a timer (never from the probe's page.evaluate, which
 * would count as a user gesture and hide an autoplay failure) and prints its report as one
 * console line `announce-probe {json}`.
 *
 * The tap is a ScriptProcessorNode on Howler's master gain: deprecated, but it hands over every
 * sample with no bookkeeping, which an AnalyserNode polled from a timer cannot promise.
 */
import { Announcer, type SpeechPlan } from '../../renderer/display/audio/announcer.js';
import { howlerOutput } from '../../renderer/display/audio/howler-output.js';
import { DEFAULT_DUCK } from '../../renderer/display/audio/speech-schedule.js';

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') ?? 'zh-CN';
const segments = (params.get('segments') ?? 'chime qing letter-A digit-0 digit-2 digit-3 hao dao num-5 hao-chuangkou').split(' ');
const clipUrl = (seg: string): string => `/media/voice/${lang}/${seg}.ogg`;
const plan: SpeechPlan = {
  clips: segments.map(clipUrl),
  // The chime sounds under the duck's attack, as the host sends it.
  leadIn: segments[0] === 'chime' ? 1 : 0,
  repeat: Number(params.get('repeat') ?? 1),
  pauseSeconds: 0.8,
  duck: DEFAULT_DUCK,
};
const TAP_FRAMES = 1024;

async function run(): Promise<void> {
  const out = howlerOutput();
  if (!out) throw new Error('no Web Audio');
  const { ctx, master } = out;
  const stateAtStart = ctx.state;
  const programmeGain = ctx.createGain();
  programmeGain.connect(master);
  const announcer = new Announcer({ ctx, destination: master, programmeGain });

  // The clips as decoded, for the expected durations and their own silences.
  const clips = await Promise.all(
    plan.clips.map(async (url) => ctx.decodeAudioData(await (await fetch(url)).arrayBuffer())),
  );

  const chunks: { at: number; data: Float32Array }[] = [];
  const tap = ctx.createScriptProcessor(TAP_FRAMES, 1, 1);
  tap.onaudioprocess = (e) => chunks.push({ at: e.playbackTime, data: e.inputBuffer.getChannelData(0).slice() });
  master.connect(tap);
  tap.connect(ctx.destination); // it only runs when connected; it writes nothing, so it adds silence

  const gains: [number, number][] = [];
  const sampler = setInterval(() => gains.push([ctx.currentTime, programmeGain.gain.value]), 50);

  const playback = await announcer.play(plan);
  const busy = await announcer.play(plan).then(() => 'accepted (wrong)', (e: Error) => e.message);
  const endedAt: { reason: string; at: number } = { reason: await playback.ended, at: ctx.currentTime };
  await sleep((playback.restoredAt - ctx.currentTime) * 1000 + 400);
  clearInterval(sampler);
  master.disconnect(tap);
  tap.disconnect();
  const missing = await announcer.play({ ...plan, leadIn: 0, clips: [clipUrl('qing'), clipUrl('digit-X')] }).then(() => 'accepted (wrong)', (e: Error) => e.message);

  const signal = new Float32Array(chunks.reduce((n, c) => n + c.data.length, 0));
  let o = 0;
  for (const c of chunks) {
    signal.set(c.data, o);
    o += c.data.length;
  }
  console.log(
    'announce-probe ' +
      JSON.stringify({
        stateAtStart,
        sampleRate: ctx.sampleRate,
        playback: { duckAt: playback.duckAt, startedAt: playback.startedAt, endsAt: playback.endsAt, restoredAt: playback.restoredAt },
        endedAt,
        busy,
        missing,
        recordingStartsAt: chunks[0]?.at ?? 0,
        clips: clips.map((b, i) => ({ segment: segments[i], duration: b.duration, ...silences(b.getChannelData(0), b.sampleRate) })),
        recording: { ...silences(signal, ctx.sampleRate), rms50: windowRms(signal, ctx.sampleRate, 0.05) },
        gains,
      }),
  );
}

/** Below this |sample| counts as silence (−60 dBFS). */
const QUIET = 0.001;
/** Silent runs at least this long (s) are listed, to match them against the clips' own pauses. */
const MIN_RUN = 0.001;

/** Where the sound is (seconds from the start of `x`): first/last loud sample, silence before/after, silent runs inside. */
function silences(x: Float32Array, rate: number) {
  let first = -1;
  let last = -1;
  let run = 0;
  let longest = 0;
  let longestAt = 0;
  const runs: [number, number][] = [];
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]!) >= QUIET) {
      if (first < 0) first = i;
      else {
        if (run >= rate * MIN_RUN) runs.push([(i - run) / rate, run / rate]);
        if (run > longest) {
          longest = run;
          longestAt = i - run;
        }
      }
      last = i;
      run = 0;
    } else {
      run++;
    }
  }
  return {
    firstLoud: first / rate,
    lastLoud: (last + 1) / rate,
    tail: (x.length - last - 1) / rate,
    longestInnerSilence: longest / rate,
    longestInnerSilenceAt: longestAt / rate,
    runs,
  };
}

function windowRms(x: Float32Array, rate: number, seconds: number): number[] {
  const n = Math.round(rate * seconds);
  const out: number[] = [];
  for (let i = 0; i + n <= x.length; i += n) {
    let s = 0;
    for (let j = i; j < i + n; j++) s += x[j]! * x[j]!;
    out.push(Math.round(Math.sqrt(s / n) * 10000) / 10000);
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

setTimeout(() => run().catch((e: unknown) => console.log('announce-probe ' + JSON.stringify({ error: String(e) }))), 300);
