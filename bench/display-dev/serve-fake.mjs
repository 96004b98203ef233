// DEV ONLY: serves the built display for trying it without the host.
//   /            dist/renderer        (production page; it will try the WebSocket and find none)
//   /dev/        dist/renderer-dev    (the page with the fake bridge)
//   /media/*     assets/              (confined to that folder, with Range support for seeking)
//   /media/__dev/corrupt.mp4          garbage bytes, to exercise the decode-error path
//   /media/__dev/stall.mp4            a third of a clip, then nothing: the stall path
// Usage: node scripts/build.mjs --dev && node bench/display-dev/serve-fake.mjs [port]
import { Buffer } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const mounts = [
  ['/media/', resolve(root, 'assets')],
  ['/dev/', resolve(root, 'dist/renderer-dev')],
  ['/', resolve(root, 'dist/renderer')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};
const port = Number(process.argv[2] ?? 8321);

createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/media/__dev/corrupt.mp4') {
      const junk = Buffer.alloc(64 * 1024, 0x5a);
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': junk.length });
      return void res.end(req.method === 'HEAD' ? undefined : junk);
    }
    if (path === '/media/__dev/stall.mp4') {
      // A third of a real clip, then silence with the connection held open: playback must stall.
      const file = resolve(root, 'assets/video/hall-welcome.mp4');
      const { size } = await stat(file);
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': size });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file, { start: 0, end: Math.floor(size / 3) }).on('data', (c) => res.write(c));
      return;
    }
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
    let file = resolve(dir, '.' + path.slice(prefix.length - 1));
    if (file !== dir && !file.startsWith(dir + sep)) return void send(res, 403);
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return void send(res, 404);
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const size = info.size;
      let start = range[1] ? Number(range[1]) : size - Number(range[2]);
      let end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      start = Math.max(0, start);
      if (start > end || start >= size) {
        res.writeHead(416, { 'content-range': `bytes */${size}` });
        return void res.end();
      }
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
      if (req.method === 'HEAD') return void res.end();
      return void createReadStream(file, { start, end }).pipe(res);
    }
    res.writeHead(200, { ...headers, 'content-length': info.size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  } catch (err) {
    console.error(err);
    send(res, 500);
  }
}).listen(port, '127.0.0.1', () => console.log(`hallcast fake host: http://127.0.0.1:${port}/dev/?scenario=mixed`));

function send(res, status) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(String(status));
}
