// DEV ONLY: a stand-in for the player's console API (electron/host/services/console/README.md), to try the
// console in a browser while the real routes are being built. It works on a copy of playlists/ and
// assets/ in a temporary folder and checks saves with the real validator and timeline (hence tsx).
//   node scripts/build.mjs && node --import tsx bench/console-dev/fake-server.mjs [port] [--no-password] [--session-seconds N]
//   password: "hall" (or FAKE_PASSWORD); hand-edit the printed folder to see "changed on disk".
//   A save whose content contains "__diskfull__" answers 507.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLocation } from 'jsonc-parser';
import { dayTimeline } from '../../electron/host/domain/schedule/day-timeline.ts';
import { loadPlaylists } from '../../electron/host/services/playlists/load.ts';
import { fakeHall } from './fake-hall.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const args = process.argv.slice(2);
const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 8322);
const noPassword = args.includes('--no-password');
const sessionSeconds = Number(args[args.indexOf('--session-seconds') + 1] ?? 1800) || 1800;
const password = process.env.FAKE_PASSWORD ?? 'hall';
const work = mkdtempSync(join(tmpdir(), 'hallcast-console-'));
const playlists = join(work, 'playlists');
const assets = join(work, 'assets');
cpSync(join(root, 'playlists'), playlists, { recursive: true });
cpSync(join(root, 'assets'), assets, { recursive: true });
mkdirSync(join(assets, 'library'), { recursive: true });

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
const sessions = new Map();
const failures = [];
const history = [];
const hall = fakeHall();
let loaded = loadPlaylists(playlists, { assetsDir: assets, displayDir: '' });
let config = loaded.config;

function playlistFiles() {
  const files = readdirSync(playlists).filter((f) => f.endsWith('.json')).map((f) => f);
  const programmes = readdirSync(join(playlists, 'programmes')).filter((f) => f.endsWith('.json')).map((f) => `programmes/${f}`);
  return [...files, ...programmes].map((path) => ({ path, version: sha(readFileSync(join(playlists, path))), kind: path.startsWith('programmes/') ? 'programme' : path.replace('.json', '') }));
}

function safePath(path) {
  if (!/^([a-z]+\.json|programmes\/[a-z0-9][a-z0-9-]{0,62}\.json)$/.test(path)) return null;
  return join(playlists, path);
}

/** The validator's findings on the folder as it would be with `path` changed (content null: deleted). */
function check(path, content) {
  const scratch = mkdtempSync(join(tmpdir(), 'hallcast-check-'));
  try {
    cpSync(playlists, scratch, { recursive: true });
    const target = join(scratch, path);
    if (content === null) rmSync(target, { force: true });
    else writeFileSync(target, content);
    const result = loadPlaylists(scratch, { assetsDir: assets, displayDir: '' });
    return result.diagnostics.map((d) => {
      let text;
      try {
        text = readFileSync(join(scratch, d.file), 'utf8');
      } catch {
        return d;
      }
      const lines = text.split('\n');
      const offset = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0) + d.col - 1;
      const pointer = getLocation(text, offset).path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
      return { ...d, pointer };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function unifiedDiff(path, before, after) {
  const a = join(work, 'a.tmp');
  const b = join(work, 'b.tmp');
  writeFileSync(a, before ?? '');
  writeFileSync(b, after ?? '');
  try {
    execFileSync('diff', ['-u', '--label', `a/${path}`, '--label', `b/${path}`, a, b]);
    return '';
  } catch (error) {
    return String(error.stdout ?? '');
  }
}

function commit(path, text, action) {
  const file = join(playlists, path);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (text === null) rmSync(file);
  else {
    writeFileSync(file + '.tmp', text);
    renameSync(file + '.tmp', file);
  }
  history.unshift({ id: `h${history.length + 1}`, at: Date.now(), path, action, before: before === null ? null : sha(before), after: text === null ? null : sha(text), beforeText: before, afterText: text });
  loaded = loadPlaylists(playlists, { assetsDir: assets, displayDir: '' });
  config = loaded.config ?? config;
}

function media() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(assets, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (rel !== 'voice') walk(full);
        continue;
      }
      const ext = extname(entry.name).slice(1).toLowerCase();
      const kind = ['mp4', 'webm'].includes(ext) ? 'video' : ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif'].includes(ext) ? 'image' : ['wav', 'mp3', 'ogg'].includes(ext) ? 'audio' : null;
      if (!kind) continue;
      const bytes = readFileSync(full);
      out.push({ path: rel, kind, bytes: bytes.length, sha256: sha(bytes), name: entry.name, ...probe(full, kind), usedBy: [] });
    }
  };
  walk(assets);
  for (const path of playlistFiles().map((f) => f.path).filter((p) => p.startsWith('programmes/'))) {
    const text = readFileSync(join(playlists, path), 'utf8');
    for (const item of out) if (text.includes(`"${item.path}"`)) item.usedBy.push(path.slice(11, -5));
  }
  return { media: out, unused: out.filter((m) => m.usedBy.length === 0).map((m) => m.path) };
}

const probes = new Map();
function probe(file, kind) {
  if (probes.has(file)) return probes.get(file);
  let info = { durationSeconds: null, width: null, height: null };
  try {
    const json = JSON.parse(execFileSync('ffprobe', ['-v', 'quiet', '-print_format', 'json', '-show_format', '-show_streams', file]).toString());
    const video = json.streams.find((s) => s.codec_type === 'video');
    info = { durationSeconds: kind === 'video' ? Number(json.format.duration) : null, width: video?.width ?? null, height: video?.height ?? null };
  } catch {
    // no ffprobe: leave the facts unknown, as the real server may for an odd file
  }
  probes.set(file, info);
  return info;
}

const MAGIC = { mp4: (b) => b.subarray(4, 8).toString() === 'ftyp', webm: (b) => b.readUInt32BE(0) === 0x1a45dfa3, png: (b) => b[0] === 0x89 && b[1] === 0x50, jpg: (b) => b[0] === 0xff && b[1] === 0xd8, jpeg: (b) => b[0] === 0xff && b[1] === 0xd8, gif: (b) => b.subarray(0, 3).toString() === 'GIF', webp: (b) => b.subarray(8, 12).toString() === 'WEBP' };
const UPLOAD_LIMIT = 64 * 1024 * 1024;

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const readBody = (req, limit = 64 * 1024) =>
  new Promise((done, fail) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        fail(Object.assign(new Error('too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });

function sessionOf(req) {
  const id = /hallcast_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const session = id ? sessions.get(id) : undefined;
  if (!session) return { ok: false, error: 'sign in to use the console' };
  if (Date.now() - session.lastSeen > sessionSeconds * 1000) {
    sessions.delete(id);
    return { ok: false, error: 'session expired: sign in again' };
  }
  session.lastSeen = Date.now();
  return { ok: true, session };
}

async function api(req, res, route, query) {
  if (noPassword) return json(res, 503, { error: 'the console has no password yet: run hallcast admin-password' });
  const method = req.method;
  if (route === 'session') {
    const s = sessionOf(req);
    return json(res, 200, s.ok ? { signedIn: true, csrf: s.session.csrf, expiresAt: Date.now() + sessionSeconds * 1000 } : { signedIn: false });
  }
  if (route === 'login' && method === 'POST') {
    const now = Date.now();
    while (failures.length && failures[0] < now - 300_000) failures.shift();
    if (failures.length >= 5) return json(res, 429, { error: 'too many attempts' }, { 'retry-after': String(Math.ceil((failures[0] + 300_000 - now) / 1000)) });
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    if (body.password !== password) {
      failures.push(now);
      return json(res, 401, { error: 'wrong password' });
    }
    const id = randomBytes(16).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    sessions.set(id, { csrf, lastSeen: now });
    return json(res, 200, { csrf, expiresAt: now + sessionSeconds * 1000 }, { 'set-cookie': `hallcast_session=${id}; HttpOnly; SameSite=Strict; Path=/admin` });
  }
  const s = sessionOf(req);
  if (!s.ok) return json(res, 401, { error: s.error });
  if (method !== 'GET' && req.headers['x-csrf-token'] !== s.session.csrf) return json(res, 403, { error: 'missing or wrong X-CSRF-Token' });
  if (route === 'logout') {
    sessions.clear();
    return json(res, 200, {});
  }
  if (route === 'files' && method === 'GET') return json(res, 200, { files: playlistFiles() });
  if (route.startsWith('files/')) {
    const path = decodeURIComponent(route.slice(6));
    const file = safePath(path);
    if (!file) return json(res, 404, { error: `no playlist file ${path}` });
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const version = current === null ? null : sha(current);
    if (method === 'GET') return current === null ? json(res, 404, { error: `${path} does not exist` }) : json(res, 200, { path, version, content: JSON.parse(current) });
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    if ((body.baseVersion ?? null) !== version) return json(res, 409, { error: `${path} was changed by someone else since you opened it: reload it`, version });
    const text = method === 'DELETE' ? null : JSON.stringify(body.content, null, 2) + '\n';
    if (method === 'DELETE' && !path.startsWith('programmes/')) return json(res, 400, { error: 'only programmes can be deleted' });
    if (text?.includes('__diskfull__')) return json(res, 507, { error: 'the disk is full: nothing was saved (ENOSPC)' });
    const findings = check(path, text).filter((d) => d.severity === 'error');
    if (findings.length) return json(res, 422, { error: `${path} was not saved: ${findings.length} error(s)`, diagnostics: findings });
    commit(path, text, method === 'DELETE' ? 'delete' : 'save');
    return json(res, 200, { version: text === null ? null : sha(text), applied: true });
  }
  if (route === 'history') return json(res, 200, { entries: history.map(({ beforeText: _b, afterText: _a, ...e }) => e) });
  const hist = /^history\/([^/]+)(\/rollback)?$/.exec(route);
  if (hist) {
    const entry = history.find((h) => h.id === hist[1]);
    if (!entry) return json(res, 404, { error: 'no such history entry' });
    const { beforeText, afterText, ...shown } = entry;
    if (!hist[2]) return json(res, 200, { ...shown, diff: unifiedDiff(entry.path, beforeText, afterText) });
    const findings = check(entry.path, beforeText).filter((d) => d.severity === 'error');
    if (findings.length) return json(res, 422, { error: `cannot roll back ${entry.path}`, diagnostics: findings });
    commit(entry.path, beforeText, 'rollback');
    return json(res, 200, { applied: true });
  }
  if (route === 'media' && method === 'GET') return json(res, 200, media());
  if (route === 'media' && method === 'POST') {
    const name = (query.get('name') ?? 'upload').split(/[\\/]/).pop();
    const ext = extname(name).slice(1).toLowerCase();
    let bytes;
    try {
      bytes = await readBody(req, UPLOAD_LIMIT);
    } catch {
      return json(res, 413, { error: `over the upload limit of ${UPLOAD_LIMIT / 1024 / 1024} MB: nothing was kept` });
    }
    if (!MAGIC[ext]) return json(res, 415, { error: `"${name}": the player cannot play .${ext} files` });
    if (!MAGIC[ext](bytes)) return json(res, 415, { error: `"${name}" is not a ${ext.toUpperCase()} file: it starts like ${JSON.stringify(bytes.subarray(0, 4).toString('latin1'))}` });
    const path = `library/${sha(bytes).slice(0, 16)}.${ext}`;
    writeFileSync(join(assets, path), bytes);
    return json(res, 201, media().media.find((m) => m.path === path));
  }
  if (route.startsWith('media/') && method === 'DELETE') {
    const path = decodeURIComponent(route.slice(6));
    const item = media().media.find((m) => m.path === path);
    if (!item) return json(res, 404, { error: 'no such media file' });
    if (item.usedBy.length) return json(res, 409, { error: `${path} is used by programme ${item.usedBy.join(', ')}`, usedBy: item.usedBy });
    rmSync(join(assets, path));
    return json(res, 200, {});
  }
  if (route === 'timeline') {
    try {
      return json(res, 200, dayTimeline(config, query.get('date'), Number(query.get('days') ?? '1'), Date.now()));
    } catch (error) {
      return json(res, 400, { error: error.message });
    }
  }
  if (route === 'status') return json(res, 200, hall.status(config, dayTimeline(config, null, 3, Date.now()).rows, loaded.diagnostics));
  if (route === 'announce' && method === 'POST') {
    const outcome = hall.announce(JSON.parse((await readBody(req)).toString() || '{}'));
    return json(res, outcome.status, outcome.body);
  }
  return json(res, 404, { error: `no route ${method} /admin/api/${route}` });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.mp4': 'video/mp4', '.webm': 'video/webm', '.jpg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif' };

function serveFile(req, res, base, rel) {
  let file = resolve(base, '.' + rel);
  if (file !== base && !file.startsWith(base + sep)) return json(res, 403, { error: 'no' });
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return json(res, 404, { error: 'not found' });
  const size = statSync(file).size;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-cache', 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'" };
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : size - Number(range[2]);
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
    return createReadStream(file, { start, end }).pipe(res);
  }
  res.writeHead(200, { ...headers, 'content-length': size });
  createReadStream(file).pipe(res);
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith('/admin/api/')) return await api(req, res, url.pathname.slice('/admin/api/'.length), url.searchParams);
    if (path === '/admin') return void res.writeHead(301, { location: '/admin/' }).end();
    if (path.startsWith('/admin/')) return serveFile(req, res, join(root, 'dist/admin'), path.slice('/admin'.length));
    if (path.startsWith('/media/')) return serveFile(req, res, assets, path.slice('/media'.length));
    return serveFile(req, res, join(root, 'dist/renderer'), path);
  } catch (error) {
    console.error(error);
    json(res, error.status ?? 500, { error: error.status === 413 ? 'request body too large' : 'internal error' });
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`console: http://127.0.0.1:${port}/admin/  (password "${password}")${noPassword ? ' — no password mode (503)' : ''}`);
  console.log(`playlists and assets: ${work}  (${dirname(playlists)})`);
});
