import { describe, expect, it } from 'vitest';
import { FakeTime } from '../fake-time.test-support.js';
import type { ScreenCaptures } from '../services/screens/screen-captures.js';
import { CAPTURE_RATE, screenCommands } from './screens.js';

/** A registry where every display is captured and nothing is shared or reused: each request is a new capture. */
function everyRequestCaptures(): ScreenCaptures & { taken: number } {
  const fake = {
    taken: 0,
    register: () => () => undefined,
    known: () => 'captured' as const,
    free: () => false,
    take: async () => {
      fake.taken++;
      return { ok: true as const, jpeg: Buffer.from([0xff, 0xd8]), takenAt: 0 };
    },
    list: () => [],
  };
  return fake;
}

describe('screenshot', () => {
  it(`holds new captures across all displays to ${CAPTURE_RATE.ratePerSecond} a second after a burst of ${CAPTURE_RATE.burst}`, async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const captures = everyRequestCaptures();
    const screens = screenCommands(captures, time);
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await screens.screenshot(i % 2 ? 'waiting' : 'entrance', {}));
    expect(answers.filter((a) => a.ok)).toHaveLength(CAPTURE_RATE.burst);
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: 'rate-limited', error: expect.stringContaining('at most 2 a second') });
    time.advance(500);
    expect(await screens.screenshot('waiting', {})).toMatchObject({ ok: true });
    expect(await screens.screenshot('waiting', {})).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(captures.taken).toBe(CAPTURE_RATE.burst + 1);
  });

  it('costs no token for a picture shared or reused, nor for a refusal that takes none', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const captures = { ...everyRequestCaptures(), free: () => true };
    const screens = screenCommands(captures, time);
    for (let i = 0; i < 50; i++) expect(await screens.screenshot('waiting', { width: '320' })).toMatchObject({ ok: true });
    const none = screenCommands(null, time);
    for (let i = 0; i < 50; i++) expect(await none.screenshot('waiting', {})).toMatchObject({ ok: false, reason: 'unknown-display' });
  });
});
