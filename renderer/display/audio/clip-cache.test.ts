import { describe, expect, it } from 'vitest';
import { ClipCache } from './clip-cache.js';

describe('ClipCache', () => {
  it('loads a URL once and keeps the most recently used up to its bound', async () => {
    const loads: string[] = [];
    const cache = new ClipCache(async (url) => (loads.push(url), url.length), 2);
    await cache.get('/a');
    await cache.get('/b');
    await cache.get('/a'); // /a is now the most recent
    await cache.get('/c'); // evicts /b, the least recently used
    expect([cache.has('/a'), cache.has('/b'), cache.has('/c'), cache.size]).toEqual([true, false, true, 2]);
    await cache.get('/b');
    expect(loads).toEqual(['/a', '/b', '/c', '/b']);
  });

  it('forgets a failed load so the next get retries', async () => {
    let fail = true;
    const cache = new ClipCache(async (url) => {
      if (fail) throw new Error('HTTP 404');
      return url;
    });
    await expect(cache.get('/x')).rejects.toThrow('HTTP 404');
    expect(cache.has('/x')).toBe(false);
    fail = false;
    await expect(cache.get('/x')).resolves.toBe('/x');
  });
});
