/**
 * Issue 12 item 10, "every frame and every word of a clip": at a video→video seam the next clip is
 * raised on its first frame with its sound starting there, not started early underneath (it used
 * to be ~0.2 s in when it came up, its start never seen or heard). The page notes each raise of a
 * <video> (z-index 2, visible) as it happens, with the element's media time and volume then, and
 * every frame requestVideoFrameCallback reports, and whether the clip a seam replaced has been
 * unloaded a second later. bench/gapless measures the same across 100 seams.
 */
import { expect, nowPlaying, test, waitForProgramme } from './fixtures.js';

interface Raise { src: string; time: number; volume: number; muted: boolean; cuedFrame: boolean }

const RECORDER = `(() => {
  const raises = [];
  const unloads = [];
  const cued = new Map();
  globalThis.__raises = raises;
  globalThis.__unloads = unloads;
  const base = (v) => (v.currentSrc || '').split('/').pop();
  const watched = new WeakSet();
  const watch = (v) => {
    if (watched.has(v)) return;
    watched.add(v);
    let top = false;
    const cb = (_now, m) => { if (!top && m.mediaTime < 0.01) cued.set(v, base(v)); v.requestVideoFrameCallback(cb); };
    v.requestVideoFrameCallback(cb);
    new MutationObserver(() => {
      const now = v.style.zIndex === '2' && v.style.visibility === 'visible';
      if (now && !top) raises.push({ src: base(v), time: v.currentTime, volume: v.volume, muted: v.muted, cuedFrame: cued.get(v) === base(v) });
      if (top && !now) {
        cued.delete(v);
        // The clip replaced at a seam is unloaded a moment later (its decoder freed), not left loaded.
        const src = base(v);
        setTimeout(() => unloads.push({ src, unloaded: !v.getAttribute('src') }), 1000);
      }
      top = now;
    }).observe(v, { attributes: true, attributeFilter: ['style'] });
  };
  new MutationObserver((list) => {
    for (const m of list) for (const n of m.addedNodes) {
      if (n.nodeName === 'VIDEO') watch(n);
      else if (n.querySelectorAll) n.querySelectorAll('video').forEach(watch);
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

test('each clip comes up on its first frame, its sound starting with it, at every seam', async ({ page, hall }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  await page.addInitScript({ content: RECORDER });
  await page.goto(h.url);
  await waitForProgramme(page, 'alpha');
  // The first clip, then two seams (the alpha programme is two 8 s clips in a loop).
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __raises: Raise[] }).__raises.length), { timeout: 40_000 }).toBeGreaterThanOrEqual(3);
  const raises = await page.evaluate(() => (globalThis as unknown as { __raises: Raise[] }).__raises);
  console.log(`raises: ${raises.map((r) => `${r.src} at ${r.time.toFixed(3)} s, volume ${r.volume}, frame 0 cued: ${r.cuedFrame}`).join('; ')}`);
  expect(new Set(raises.map((r) => r.src)).size).toBe(2);
  for (const r of raises) {
    // Within one content frame of its start (25 fps), not ~0.2 s in.
    expect(r.time, `${r.src} raised at ${r.time.toFixed(3)} s`).toBeLessThanOrEqual(0.04);
    // Its first frame was presented while it waited: the raise shows a picture, never black.
    expect(r.cuedFrame, `${r.src}: first frame presented before the raise`).toBe(true);
    // Heard from its first frame: at its own volume, not the −80 dB it used to start at underneath.
    expect(r.volume, `${r.src} volume at the raise`).toBeGreaterThan(0.5);
    expect(r.muted).toBe(false);
  }
  const unloads = await page.evaluate(() => (globalThis as unknown as { __unloads: { src: string; unloaded: boolean }[] }).__unloads);
  expect(unloads.length, 'replaced clips seen').toBeGreaterThanOrEqual(1);
  for (const u of unloads) expect(u.unloaded, `${u.src} unloaded a second after the seam that replaced it`).toBe(true);
  expect((await nowPlaying(page)).element).toMatch(/^[AB]$/);
});
