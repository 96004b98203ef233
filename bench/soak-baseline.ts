/**
 * The soak's baseline tab: a bare page on localhost (the display is on 127.0.0.1: another site,
 * another renderer process), to tell the player's own growth from Chromium's.
 * - `loop`: one `<video loop>` of a hall clip;
 * - `switch`: what the player does with its clips and nothing else — two `<video>`s, routed into an
 *   AudioContext, the next clip loaded into the hidden one while the other plays, switched at
 *   `ended`, the finished one emptied (`removeAttribute('src')`, `load()`), through the morning's
 *   three clips in turn;
 * - `reload` (for e2e/soak-driver.spec.ts): one muted `<video>` given the three clips in turn as
 *   fast as each can play through and emptied again, until `globalThis.loads` reaches
 *   `globalThis.want`.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

export type BaselinePage = 'loop' | 'switch' | 'reload';

const CLIPS = ['hall-welcome.mp4', '5g-plans.mp4', 'broadband.webm'];
const BODY = '<!doctype html><meta charset="utf-8"><body style="margin:0;background:#0b1f3a">';
const STYLE = 'position:absolute;left:0;top:0;width:70vw;height:82vh;object-fit:contain';

const PAGES: Record<BaselinePage, string> = {
  loop: `${BODY}<video src="/video/${CLIPS[0]}" autoplay muted loop playsinline style="${STYLE}"></video>`,
  switch: `${BODY}<video id="a" playsinline preload="auto" style="${STYLE}"></video><video id="b" playsinline preload="auto" style="${STYLE}"></video>
<script>
const clips = ${JSON.stringify(CLIPS.map((c) => `/video/${c}`))};
let n = 0;
const a = document.getElementById('a');
const b = document.getElementById('b');
const ctx = new AudioContext();
for (const v of [a, b]) ctx.createMediaElementSource(v).connect(ctx.destination);
const load = (v) => { v.src = clips[n++ % clips.length]; v.load(); };
const play = (cur, next) => {
  cur.style.visibility = 'visible';
  next.style.visibility = 'hidden';
  cur.play();
  load(next);
  cur.onended = () => {
    cur.onended = null;
    cur.pause();
    cur.removeAttribute('src');
    cur.load();
    play(next, cur);
  };
};
load(a);
play(a, b);
</script>`,
  reload: `${BODY}<video muted playsinline preload="auto" style="${STYLE}"></video>
<script>
const clips = ${JSON.stringify(CLIPS.map((c) => `/video/${c}`))};
const v = document.querySelector('video');
globalThis.loads = 0;
globalThis.want = 0;
(async () => {
  for (;;) {
    if (globalThis.loads >= globalThis.want) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const ready = new Promise((r) => v.addEventListener('canplaythrough', r, { once: true }));
    v.src = clips[globalThis.loads % clips.length];
    v.load();
    await ready;
    v.removeAttribute('src');
    v.load();
    globalThis.loads++;
  }
})();
</script>`,
};

export async function baselineServer(assets: string, page: BaselinePage): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const name = /^\/video\/([\w.-]+)$/.exec(req.url ?? '')?.[1];
    if (!name || !CLIPS.includes(name)) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGES[page]);
      return;
    }
    const clip = path.join(assets, 'video', name);
    const size = statSync(clip).size;
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Number(range[2]) : size - 1;
    res.writeHead(range ? 206 : 200, {
      'content-type': name.endsWith('.webm') ? 'video/webm' : 'video/mp4',
      'accept-ranges': 'bytes',
      'content-length': end - start + 1,
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    createReadStream(clip, { start, end }).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('soak: baseline server has no port');
  // `localhost`, not 127.0.0.1 like the display: another site, so Chromium gives it another renderer.
  return { url: `http://localhost:${address.port}/`, server };
}
