/* global window */
// DEV ONLY: how long from an announce message reaching the display to the chime being heard, in
// headless Chromium on the dev page (node scripts/build.mjs --dev; serve-fake.mjs running).
// Plays the fake host's call N times over a playing programme, stopping each one once it has
// started (as an emergency would), and reads the display's own hooks (renderer/display/README.md):
//   received.at  the message handed to the display (corrected host clock)
//   heard.from   first sample above −60 dBFS on the speech bus, as heard (output latency included)
//   reports      started.at (AudioContext time of the first clip, as heard)
//   node bench/display-dev/call-latency.mjs [calls=40] [scenario=videos] [wait=10 s before the first call] [alead=ms]
import { launch, probe } from './launch.mjs';

const calls = Number(process.argv[2] ?? 40);
const scenario = process.argv[3] ?? 'videos';
const wait = Number(process.argv[4] ?? 10);
const alead = process.argv[5];
const base = process.env.HALLCAST_DEV_URL ?? 'http://127.0.0.1:8321';
const launched = await launch({ width: 1920, height: 1080 });
const { page } = launched;
await probe(launched, async () => {
  await page.goto(`${base}/dev/?scenario=${scenario}${alead ? `&alead=${alead}` : ''}`);
  // The display decodes the voice packs ~2 s after its first picture (audio/voice-warmup.ts).
  await page.waitForTimeout(wait * 1000);
  const rows = [];
  for (let i = 0; i < calls; i++) {
    const ticket = `${'ABC'[i % 3]}${String((i * 37) % 1000).padStart(3, '0')}`;
    const id = await page.evaluate(([t, c]) => window.__fakeHost.call(t, c).id, [ticket, 1 + (i % 9)]);
    await page.waitForFunction((id) => window.__hallcast.audio().reports.some((r) => r.id === id && r.event !== 'ended'), id, { timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.evaluate((id) => window.__fakeHost.announce({ type: 'stop', id, reason: 'probe' }), id);
    await page.waitForTimeout(400 + Math.random() * 300);
    const a = await page.evaluate(() => window.__hallcast.audio());
    const got = a.received.find((m) => m.id === id && m.type === 'play');
    const started = a.reports.find((r) => r.id === id && r.event === 'started');
    const failed = a.reports.find((r) => r.id === id && r.event === 'failed');
    const heard = a.heard.find((s) => s.from >= got.at - 1);
    rows.push({ i, ticket, heardMs: heard ? heard.from - got.at : null, startedMs: started ? started.at - got.at : null, failed: failed?.reason ?? null, outputLatencyMs: a.outputLatencyMs });
  }
  const pct = (xs, p) => {
    const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
  };
  for (const r of rows) console.log(`${String(r.i).padStart(3)} ${r.ticket}  heard +${r.heardMs?.toFixed(1)} ms  started +${r.startedMs?.toFixed(1)} ms ${r.failed ?? ''}`);
  const warm = rows.slice(5);
  const h = warm.map((r) => r.heardMs);
  const lat = rows[0]?.outputLatencyMs ?? 0;
  console.log(`first call: heard +${rows[0]?.heardMs?.toFixed(1)} ms`);
  console.log(`calls 6–${rows.length}: message → heard p50 ${pct(h, 50).toFixed(1)} p95 ${pct(h, 95).toFixed(1)} max ${pct(h, 100).toFixed(1)} ms (output latency ${lat} ms of it: rendered p95 ${(pct(h, 95) - lat).toFixed(1)} ms)`);
  const d = warm.filter((r) => r.heardMs !== null && r.startedMs !== null).map((r) => Math.abs(r.startedMs - r.heardMs));
  console.log(`started report vs measured first sound: |Δ| p50 ${pct(d, 50).toFixed(2)} max ${pct(d, 100).toFixed(2)} ms; failed ${rows.filter((r) => r.failed).length}`);
});
