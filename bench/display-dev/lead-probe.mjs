/* global URLSearchParams, setTimeout, clearTimeout */
// DEV ONLY: measures the announcer's schedule-ahead lead in headless Chromium (lead-dev.ts runs
// in the page). For each lead: how many clicks started late (frames after their scheduled
// frame) or lost their first sample, and call → output latency from getOutputTimestamp.
//   node bench/display-dev/lead-probe.mjs [port=8332] [leads=0,2.5,5,10,20,30,50] [trials=150] [video=1]
import { devPage, probe } from './launch.mjs';

const [port = '8332', leads = '0,2.5,5,10,20,30,50', trials = '150', video = '1'] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;

const dev = await devPage('lead', port, { width: 1280, height: 720 });
const { page } = dev;
await probe(dev, async () => {
  const result = new Promise((ok) => page.on('console', (m) => m.text().startsWith('lead-probe ') && ok(JSON.parse(m.text().slice(11)))));
  await page.goto(`${base}/lead/?${new URLSearchParams({ leads, trials, video })}`);
  let timer;
  const r = await Promise.race([result, new Promise((_, no) => (timer = setTimeout(() => no(new Error('no report in 15 min')), 900_000)))]);
  clearTimeout(timer);
  if (r.error) throw new Error(r.error);
  console.log(`context ${r.state}, ${r.rate} Hz, baseLatency ${(r.baseLatency * 1000).toFixed(1)} ms, outputLatency ${(r.outputLatency * 1000).toFixed(1)} ms, video ${r.withVideo}`);
  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
  };
  for (const [lead, { late, cut, latencyMs }] of Object.entries(r.results)) {
    const lateCount = late.filter((f) => f > 0).length;
    const worst = Math.max(0, ...late);
    console.log(
      `lead ${lead.padStart(4)} ms: ${late.length} heard, late ${lateCount} (worst ${worst} frames = ${((worst / r.rate) * 1000).toFixed(2)} ms), first sample cut ${cut}; ` +
        `call → output p50 ${pct(latencyMs, 50)?.toFixed(1)} p95 ${pct(latencyMs, 95)?.toFixed(1)} max ${Math.max(...latencyMs).toFixed(1)} ms`,
    );
  }
});
