/* global URLSearchParams, setTimeout */
// DEV ONLY: plays a call through the Announcer in headless Chromium and measures what came out of
// Howler's master gain (bench/display-dev/announce-dev.ts does the recording in the page).
//   node bench/display-dev/announce-probe.mjs [port=8331] ["segments …"] [repeat=1]
// Reports (a) audible speech span vs the decoded clips' sum, (b) silent runs at each clip junction
// vs the clips' own silence there (a scheduling gap shows as the difference) and 50 ms RMS, (c) the
// programme gain sampled every 50 ms: the duck to −15 dB and the restore.
import { devPage, probe } from './launch.mjs';

const port = Number(process.argv[2] ?? 8331);
const segments = process.argv[3] ?? 'chime qing letter-A digit-0 digit-2 digit-3 hao dao num-5 hao-chuangkou';
const repeat = process.argv[4] ?? '1';
const base = `http://127.0.0.1:${port}`;

const dev = await devPage('announce', port, { width: 640, height: 360 });
const { page } = dev;
await probe(dev, async () => {
  const result = new Promise((ok) => page.on('console', (m) => m.text().startsWith('announce-probe ') && ok(JSON.parse(m.text().slice(15)))));
  // Navigation is not a user gesture; the page starts playing from its own timer.
  await page.goto(`${base}/announce/?${new URLSearchParams({ segments, repeat })}`);
  const r = await Promise.race([result, new Promise((_, no) => setTimeout(() => no(new Error('no report in 60 s')), 60_000))]);
  if (r.error) throw new Error(r.error);
  report(r);
});

function report(r) {
  const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
  const { clips, recording: rec, playback } = r;
  const n = Number(repeat);
  const reading = clips.reduce((a, c) => a + c.duration, 0);
  const sum = n * reading + (n - 1) * 0.8;
  console.log(`context ${r.stateAtStart} at start, ${r.sampleRate} Hz; ${clips.length} clips × ${n}: ${clips.map((c) => c.segment).join(' ')}`);
  console.log(`play while playing → ${r.busy}`);
  console.log(`missing clip → ${r.missing}`);

  // (a) The audible span starts at the first clip's first loud sample and ends at the last clip's last one.
  const last = clips.at(-1);
  const expectedAudible = sum - clips[0].firstLoud - (last.duration - last.lastLoud);
  const audible = rec.lastLoud - rec.firstLoud;
  console.log(`(a) scheduled span ${(playback.endsAt - playback.startedAt).toFixed(6)} s, sum of decoded clips ${sum.toFixed(6)} s`);
  console.log(`    recorded audible span ${audible.toFixed(5)} s, expected ${expectedAudible.toFixed(5)} s: difference ${ms(audible - expectedAudible)}`);
  console.log(`    ended event ${ms(r.endedAt.at - playback.endsAt)} after endsAt (${r.endedAt.reason})`);

  // (b) Each junction's expected silence = previous clip's tail + next clip's lead.
  const offset = rec.firstLoud - clips[0].firstLoud; // recording time of the first clip's start
  let t = 0;
  const junctions = [];
  for (let k = 0; k < n; k++) {
    clips.forEach((c, i) => {
      if (i > 0 || k > 0) {
        const prev = i > 0 ? clips[i - 1] : last;
        const own = prev.duration - prev.lastLoud + c.firstLoud + (i === 0 ? 0.8 : 0);
        const at = offset + t;
        const run = rec.runs.find(([s, len]) => s <= at + 0.001 && s + len >= at - 0.001);
        junctions.push({ at: t, seg: c.segment, own, measured: run ? run[1] : 0 });
      }
      t += c.duration + (i === clips.length - 1 ? 0.8 : 0);
    });
  }
  // Only added silence is a scheduling gap; a shorter run is the clips' edge samples crossing the threshold.
  const worst = junctions.reduce((a, j) => (j.measured - j.own > a.measured - a.own ? j : a));
  console.log(`(b) silence at the ${junctions.length} junctions (measured − clips' own): ${junctions.map((j) => `${j.seg} ${((j.measured - j.own) * 1000).toFixed(2)}`).join(', ')} ms`);
  console.log(`    most added silence: before ${worst.seg}, measured ${ms(worst.measured)} vs own ${ms(worst.own)}`);
  const ownInner = Math.max(...clips.map((c) => c.longestInnerSilence), ...junctions.map((j) => j.own));
  console.log(`    longest silent run in the announcement ${ms(rec.longestInnerSilence)} at +${(rec.longestInnerSilenceAt - rec.firstLoud).toFixed(3)} s; longest in the clips themselves (inside or at a junction) ${ms(ownInner)}`);
  const from = Math.floor(rec.firstLoud / 0.05);
  const to = Math.ceil(rec.lastLoud / 0.05);
  const win = rec.rms50.slice(from, to);
  const quiet = win.map((v, i) => [i, v]).filter(([, v]) => v < 0.003);
  const sorted = [...win].sort((a, b) => a - b);
  console.log(`    50 ms RMS over the speech: ${win.length} windows, median ${sorted[win.length >> 1]}, max ${sorted.at(-1)}, below 0.003: ${quiet.length} ${quiet.length ? `(at ${quiet.map(([i]) => `+${(i * 0.05).toFixed(2)}`).join(' ')} s)` : ''}`);

  // (c) Programme gain, times relative to the duck's start (the chime's start with a lead-in,
  // else 0.5 s before the first clip).
  const duckAt = playback.duckAt;
  const g = r.gains.map(([at, v]) => [at - duckAt, v]);
  const low = g.filter(([, v]) => v < 0.18);
  const back = g.find(([at, v]) => at > playback.endsAt - duckAt && v > 0.999);
  console.log(`(c) programme gain: min ${Math.min(...g.map(([, v]) => v)).toFixed(4)} (−15 dB = 0.1778); ≤0.18 from +${low[0]?.[0].toFixed(3)} to +${low.at(-1)?.[0].toFixed(3)} s; speech +${(playback.startedAt - duckAt).toFixed(3)} … +${(playback.endsAt - duckAt).toFixed(3)} s; back to 1 at +${back?.[0].toFixed(3)} s (scheduled +${(playback.restoredAt - duckAt).toFixed(3)})`);
  const every = g.filter((_, i) => i % 5 === 0).map(([at, v]) => `${at.toFixed(2)}:${v.toFixed(3)}`);
  console.log(`    every ~250 ms: ${every.join(' ')}`);
}
