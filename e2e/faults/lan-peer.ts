/**
 * Another machine on the hall LAN, on this box (needs root): a network namespace joined to this
 * one by a veth pair, 10.231.X.1 on our end and 10.231.X.2 in the namespace, X a subnet no other
 * interface uses. `probe` sends raw HTTP requests (paths exactly as written: no dot-segment
 * resolution, no re-encoding) from inside it. `remove()` deletes the namespace and the link; call it
 * in a finally.
 */
import { execFileSync, spawn } from 'node:child_process';

export interface ProbeRequest {
  method: string;
  target: string;
  headers?: Record<string, string>;
  /** Ask for a WebSocket upgrade: status 101 means it was accepted. */
  upgrade?: boolean;
}

export interface ProbeAnswer {
  method: string;
  target: string;
  /** HTTP status; 101 for an accepted upgrade; 0 when the connection closed without an answer. */
  status: number;
  body: string;
}

export interface LanPeer {
  /** Our end's address, where the player is reached from the namespace. */
  hostAddress: string;
  peerAddress: string;
  probe(port: number, requests: ProbeRequest[], timeoutMs?: number): Promise<ProbeAnswer[]>;
  remove(): void;
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Runs inside the namespace: reads { host, port, requests } on stdin; prints the answers as JSON. */
const PROBE = `
import http from 'node:http';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { host, port, requests } = JSON.parse(input);
const one = (r) => new Promise((resolve) => {
  const headers = { host: host + ':' + port, ...(r.headers ?? {}) };
  if (r.upgrade) Object.assign(headers, { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' });
  const req = http.request({ host, port, method: r.method, path: r.target, headers, agent: false, timeout: 5000 }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (c) => { if (body.length < 300) body += c; });
    res.on('end', () => resolve({ method: r.method, target: r.target, status: res.statusCode, body: body.slice(0, 300) }));
  });
  req.on('upgrade', (_res, socket) => { socket.destroy(); resolve({ method: r.method, target: r.target, status: 101, body: '' }); });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (e) => resolve({ method: r.method, target: r.target, status: 0, body: String(e.message) }));
  req.end(r.method === 'GET' || r.method === 'HEAD' ? undefined : '{}');
});
const out = [];
for (const r of requests) out.push(await one(r));
process.stdout.write(JSON.stringify(out));
`;

export function createLanPeer(): LanPeer {
  const used = ip('-4', '-o', 'addr', 'show');
  const subnet = [...Array(150).keys()].map((i) => 100 + ((process.pid + i) % 150)).find((x) => !used.includes(`10.231.${x}.`));
  if (subnet === undefined) throw new Error('no free 10.231.X.0/24 subnet for the LAN peer');
  const tag = `${process.pid % 100_000}${subnet}`.slice(-8);
  const namespace = `hcpeer${tag}`;
  const ours = `hcp${tag}h`;
  const theirs = `hcp${tag}p`;
  const hostAddress = `10.231.${subnet}.1`;
  const peerAddress = `10.231.${subnet}.2`;
  const remove = (): void => {
    for (const args of [['netns', 'del', namespace], ['link', 'del', ours]]) {
      try {
        ip(...args);
      } catch {
        // Already gone (deleting the namespace takes the pair with it).
      }
    }
  };
  try {
    ip('netns', 'add', namespace);
    ip('link', 'add', ours, 'type', 'veth', 'peer', 'name', theirs);
    ip('link', 'set', theirs, 'netns', namespace);
    ip('addr', 'add', `${hostAddress}/24`, 'dev', ours);
    ip('link', 'set', ours, 'up');
    ip('netns', 'exec', namespace, 'ip', 'addr', 'add', `${peerAddress}/24`, 'dev', theirs);
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', theirs, 'up');
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up');
  } catch (error) {
    remove();
    throw new Error(`cannot make a LAN peer (needs root and iproute2): ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  return {
    hostAddress,
    peerAddress,
    remove,
    probe(port, requests, timeoutMs = 60_000) {
      const input = JSON.stringify({ host: hostAddress, port, requests });
      return new Promise((resolve, reject) => {
        const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, '--input-type=module', '-e', PROBE], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(JSON.parse(stdout) as ProbeAnswer[]);
          else reject(new Error(`probe from ${namespace} failed (exit ${code}): ${stderr.slice(0, 500)}`));
        });
        child.stdin.end(input);
      });
    },
  };
}
