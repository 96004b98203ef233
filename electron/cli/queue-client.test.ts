import { describe, expect, it } from 'vitest';
import type { QueueStatus } from '../host/host.js';
import { formatQueue, runCall } from './queue-client.js';

const T = Date.parse('2026-12-01T10:17:00+08:00');
const status: QueueStatus = {
  now: T,
  feed: { kind: 'simulator', state: 'up', delayed: false, lastEventAt: T },
  nowServing: [
    { counter: 1, ticket: 'A021', priority: false },
    { counter: 6, ticket: 'V003', priority: true },
  ],
  recentCalls: [
    { key: 'A023@5@1', ticket: 'A023', counter: 5, at: T - 5_000, recall: false, priority: false, fresh: true },
    { key: 'V003@6@1', ticket: 'V003', counter: 6, at: T - 180_000, recall: false, priority: true, fresh: true },
  ],
  services: [
    { id: 'A', name: { 'zh-CN': '综合业务', en: 'General business' }, priority: false, waiting: 12, wait: { zh: '15–20 分钟', en: '15–20 min' }, minutes: { low: 15, high: 20 } },
  ],
  overdue: [{ ticket: 'A001', service: 'A', waitedMinutes: 52 }],
};

describe('hallcast queue', () => {
  it('prints the board as text', () => {
    expect(formatQueue(status)).toEqual([
      'feed          simulator, up',
      'now calling   A023 → 5 号窗口 counter 5',
      'now serving   1: A021   6: V003 ♥',
      'waiting       A 综合业务 General business               12   15–20 分钟 / 15–20 min',
      'recent calls  V003 ♥ → 6 (3 min ago)',
      'over time     A001 waiting 52 min',
    ]);
  });
});

describe('hallcast call', () => {
  it('posts the call with the token and reports the player’s answer', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: URL, init: RequestInit) => {
      seen.push({ url: String(url), init });
      return new Response(JSON.stringify({ ok: true, call: { ticket: 'A023', counter: 5 } }), { status: 200 });
    }) as unknown as typeof fetch;
    const lines: string[] = [];
    const code = await runCall({ url: 'http://10.0.0.9:8080', token: 's3cret', fetch: fakeFetch }, 'a023', '5', { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
    expect(code).toBe(0);
    expect(lines).toEqual(['called A023 to counter 5']);
    expect(seen[0]!.url).toBe('http://10.0.0.9:8080/api/queue/call');
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ ticket: 'a023', counter: 5 });
    expect((seen[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer s3cret');
  });

  it('says why a call was refused, and that a player is not running', async () => {
    const refused = (async () => new Response(JSON.stringify({ error: 'unknown counter 7' }), { status: 422 })) as unknown as typeof fetch;
    const lines: string[] = [];
    const out = { stdout: (l: string) => lines.push(l), stderr: (l: string) => lines.push(l) };
    expect(await runCall({ url: 'http://127.0.0.1:8080/', token: undefined, fetch: refused }, 'A023', '7', out)).toBe(1);
    expect(lines).toEqual(['hallcast: call refused (422): unknown counter 7']);
    await expect(runCall({ url: 'http://127.0.0.1:9/', token: undefined }, 'A023', '7', out)).rejects.toThrow(/cannot reach the player at http:\/\/127\.0\.0\.1:9 .*is `hallcast serve` running there\?/);
  });
});
