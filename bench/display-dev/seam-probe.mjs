/* global window, document, performance, MutationObserver, setInterval, clearInterval */
// DEV ONLY: measures video→video seams with requestVideoFrameCallback.
//   node bench/display-dev/seam-probe.mjs [seams=11]
// For each seam (the top <video> changes from X to Y) it takes the frames the viewer saw — X's
// frames presented before the raise, Y's after — and reports the longest interval between
// presented frames in [raise − 400 ms, raise + 600 ms], Y's first two visible frames, how much
// of Y was skipped (its mediaTime at the first visible frame minus its `in`), and the mean luma
// of X's last and Y's first visible frame (sampled via canvas drawImage; < 12 counts as black).
import { launch } from './launch.mjs';

const wanted = Number(process.argv[2] ?? 11);
const base = process.env.HALLCAST_DEV_URL ?? 'http://127.0.0.1:8321';
const { context, page, log } = await launch({});

await page.addInitScript(() => {
  const rec = { frames: [], raises: [], luma: [] };
  window.__seamProbe = rec;
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 27;
  const lumaOf = (v) => {
    const g = canvas.getContext('2d', { willReadFrequently: true });
    g.drawImage(v, 0, 0, canvas.width, canvas.height);
    const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let s = 0;
    for (let i = 0; i < d.length; i += 4) s += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    return s / (d.length / 4);
  };
  const top = (v) => v.style.visibility === 'visible' && v.style.zIndex === '2';
  const watch = (v) => {
    const slot = v.dataset.slot;
    let wasTop = false;
    let sinceRaise = 99;
    const cb = (_now, m) => {
      const isTop = top(v);
      if (isTop && !wasTop) sinceRaise = 0;
      wasTop = isTop;
      const f = { slot, t: m.presentationTime, exp: m.expectedDisplayTime, media: m.mediaTime, n: m.presentedFrames, top: isTop };
      // Sample the first visible frames after a raise; the last-frame sample is taken at the raise.
      if (isTop && sinceRaise < 2) f.luma = lumaOf(v);
      sinceRaise++;
      rec.frames.push(f);
      v.requestVideoFrameCallback(cb);
    };
    v.requestVideoFrameCallback(cb);
    new MutationObserver(() => {
      if (top(v) && !v.__wasTop) rec.raises.push({ slot, t: performance.now(), src: v.currentSrc.split('/').pop(), media: v.currentTime });
      v.__wasTop = top(v);
    }).observe(v, { attributes: true, attributeFilter: ['style'] });
    // The element about to be hidden still shows X's last frame: sample it when Y is raised.
    v.addEventListener('__probe', () => undefined);
  };
  const poll = setInterval(() => {
    const vids = document.querySelectorAll('video[data-slot]');
    if (vids.length < 2) return;
    clearInterval(poll);
    vids.forEach(watch);
  }, 5);
});

await page.goto(`${base}/dev/?scenario=videos`);
const deadline = Date.now() + (wanted + 2) * 9_000;
while (Date.now() < deadline) {
  await page.waitForTimeout(1000);
  const n = await page.evaluate(() => window.__seamProbe.raises.length);
  if (n > wanted) break;
}
await page.waitForTimeout(800);
const { frames, raises } = await page.evaluate(() => window.__seamProbe);
const reports = await page.evaluate(() => window.__fakeHost.reports);
await context.close();

const rows = [];
for (let i = 1; i < raises.length; i++) {
  const r = raises[i];
  const prev = raises[i - 1];
  const ts = r.t;
  const xs = frames.filter((f) => f.slot === prev.slot && f.t < ts && f.t >= ts - 400);
  const ys = frames.filter((f) => f.slot === r.slot && f.t >= ts && f.t <= ts + 600);
  const seen = [...xs, ...ys].sort((a, b) => a.t - b.t);
  let maxGap = 0;
  for (let k = 1; k < seen.length; k++) maxGap = Math.max(maxGap, seen[k].t - seen[k - 1].t);
  const y0 = ys[0];
  const y1 = ys[1];
  const x0 = xs[xs.length - 1];
  rows.push({
    seam: `${prev.src}→${r.src}`,
    maxGapMs: Math.round(maxGap),
    xLastToY0Ms: x0 && y0 ? Math.round(y0.t - x0.t) : null,
    y0ToY1Ms: y0 && y1 ? Math.round(y1.t - y0.t) : null,
    yFirstMedia: y0 ? +y0.media.toFixed(3) : null,
    yFirstLuma: y0?.luma !== undefined ? Math.round(y0.luma) : null,
    black: y0?.luma !== undefined ? y0.luma < 12 : null,
  });
}
console.log(`${rows.length} seams`);
console.table(rows);
const gaps = rows.map((r) => r.maxGapMs);
console.log('max gap per seam: median', gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)], 'worst', Math.max(...gaps));
// Baseline: intervals between frames of the top element away from any seam (>0.5 s from a raise).
const steady = [];
for (const slot of ['A', 'B']) {
  const fs = frames.filter((f) => f.slot === slot && f.top && raises.every((r) => Math.abs(f.t - r.t) > 500));
  for (let k = 1; k < fs.length; k++) if (fs[k].t - fs[k - 1].t < 400) steady.push(fs[k].t - fs[k - 1].t);
}
steady.sort((a, b) => a - b);
const pct = (p) => Math.round(steady[Math.floor((steady.length - 1) * p)]);
console.log(`steady playback: ${steady.length} intervals, median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms`);
console.log('reports:', reports.filter((r) => r.event === 'skipped').length, 'skipped;', reports.filter((r) => r.event === 'first-frame').length, 'first-frame');
console.log(log.filter((l) => !l.includes('GL Driver') && !l.includes('frame-ancestors')).join('\n'));
