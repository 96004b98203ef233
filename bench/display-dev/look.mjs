/* global window */
// DEV ONLY: opens a fake-host scenario, waits, saves screenshots and prints what the display sent.
//   node bench/display-dev/look.mjs <scenario> [seconds=6] [WxH=1920x1080] [shots=1] [--no-autoplay]
import { launch } from './launch.mjs';

const [scenario = 'mixed', seconds = '6', size = '1920x1080', shots = '1'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [width, height] = size.split('x').map(Number);
const base = process.env.HALLCAST_DEV_URL ?? 'http://127.0.0.1:8321';
const { context, page, log } = await launch({ width, height, autoplay: !process.argv.includes('--no-autoplay') });
await page.goto(`${base}/dev/?scenario=${scenario}`);
const n = Number(shots);
for (let i = 0; i < n; i++) {
  await page.waitForTimeout((Number(seconds) * 1000) / n);
  const path = `/tmp/hallcast-shots/${scenario}-${size}-${i}.png`;
  await page.screenshot({ path });
  const now = await page.evaluate(() => window.__hallcast?.nowPlaying());
  console.log(path, JSON.stringify(now));
}
const out = await page.evaluate(() => ({
  frames: window.__hallcast?.frames(),
  reports: window.__fakeHost?.reports.map((r) => `${r.event} ${r.item} ${r.reason ?? ''}`.trim()),
  heartbeats: window.__fakeHost?.heartbeats.length,
  hello: window.__fakeHost?.hellos,
}));
console.log(JSON.stringify(out, null, 1));
console.log(log.join('\n'));
await context.close();
