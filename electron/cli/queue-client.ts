/**
 * `hallcast call` and `hallcast queue`: the PA desk's and the floor manager's view of a running
 * player, through its local API. The board as text is a pure function, tested without a player.
 */
import type { QueueStatus } from '../host/host.js';
import type { Output } from './output.js';

export interface ApiTarget {
  /** The player's address, e.g. http://127.0.0.1:8080/ */
  url: string;
  token: string | undefined;
  fetch?: typeof fetch;
}

export const DEFAULT_API_URL = 'http://127.0.0.1:8080/';

/** One JSON request to the player's API; an unreachable player or a foreign answer throws ApiError. */
export async function request(target: ApiTarget, route: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const url = new URL(route, target.url.endsWith('/') ? target.url : `${target.url}/`);
  const headers: Record<string, string> = {
    ...(init.headers as Record<string, string> | undefined),
    ...(init.body ? { 'content-type': 'application/json' } : {}),
    ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
  };
  let response: Response;
  try {
    response = await (target.fetch ?? fetch)(url, { ...init, headers, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new ApiError(`cannot reach the player at ${url.origin} (${cause}): is \`hallcast serve\` running there? (--url, or HALLCAST_URL)`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new ApiError(`${url.origin} answered ${response.status} with something that is not the player's JSON: is --url the player's address?`);
  }
}

export class ApiError extends Error {}

export async function runCall(target: ApiTarget, ticket: string, counter: string, out: Output): Promise<number> {
  const number = Number(counter);
  const { status, body } = await request(target, 'api/queue/call', { method: 'POST', body: JSON.stringify({ ticket, counter: Number.isFinite(number) ? number : counter }) });
  const answer = body as { call?: { ticket: string; counter: number }; error?: string };
  if (status !== 200 || !answer.call) {
    out.stderr(`hallcast: call refused (${status}): ${answer.error ?? 'no reason given'}`);
    return 1;
  }
  out.stdout(`called ${answer.call.ticket} to counter ${answer.call.counter}`);
  return 0;
}

export async function runQueue(target: ApiTarget, out: Output): Promise<number> {
  const { status, body } = await request(target, 'api/status');
  if (status !== 200) {
    out.stderr(`hallcast: the player answered ${status}: ${(body as { error?: string }).error ?? ''}`);
    return 1;
  }
  const queue = (body as { queue: QueueStatus | null }).queue;
  if (!queue) {
    out.stderr('hallcast: this hall has no queue board: add playlists/queue.json');
    return 1;
  }
  for (const line of formatQueue(queue)) out.stdout(line);
  return 0;
}

function minutesAgo(ms: number): string {
  const m = Math.floor(Math.max(0, ms) / 60_000);
  return m < 1 ? 'just now' : `${m} min ago`;
}

/** The board as lines of text, zh-CN with English, for a terminal or a log. */
export function formatQueue(q: QueueStatus): string[] {
  const feed = `${q.feed.kind}, ${q.feed.state}${q.feed.delayed ? ', DATA DELAYED' : ''}${q.feed.reason ? ` (${q.feed.reason})` : ''}`;
  const mark = (priority: boolean): string => (priority ? ' ♥' : '');
  const newest = q.recentCalls[0];
  const lines = [`feed          ${feed}`];
  lines.push(`now calling   ${newest ? `${newest.ticket}${mark(newest.priority)} → ${newest.counter} 号窗口 counter ${newest.counter}${newest.recall ? ' (recall)' : ''}` : '—'}`);
  const serving = q.nowServing.map((s) => `${s.counter}: ${s.ticket ?? '—'}${mark(s.priority)}`);
  lines.push(`now serving   ${serving.length ? serving.join('   ') : 'no counter open'}`);
  q.services.forEach((s, i) => {
    const name = `${s.id} ${s.name['zh-CN']}${s.name.en ? ` ${s.name.en}` : ''}${mark(s.priority)}`;
    lines.push(`${i === 0 ? 'waiting       ' : '              '}${name.padEnd(36)} ${String(s.waiting).padStart(3)}   ${s.wait.zh} / ${s.wait.en}`);
  });
  const recent = q.recentCalls.slice(1).map((c) => `${c.ticket}${mark(c.priority)} → ${c.counter} (${minutesAgo(q.now - c.at)})`);
  lines.push(`recent calls  ${recent.length ? recent.join('   ') : '—'}`);
  if (q.overdue.length) lines.push(`over time     ${q.overdue.map((t) => `${t.ticket} waiting ${t.waitedMinutes} min`).join('   ')}`);
  return lines;
}
