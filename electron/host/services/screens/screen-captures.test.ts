import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../fake-time.test-support.js';
import { createScreenCaptures, SCREEN_CAPTURE_TUNING, type CaptureRequest } from './screen-captures.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

/** A capture the test answers by hand, counting how often it was asked. */
function handCapture() {
  const asked: CaptureRequest[] = [];
  const pending: { resolve: (jpeg: Buffer) => void; reject: (error: Error) => void }[] = [];
  const capture = (request: CaptureRequest): Promise<Buffer> => {
    asked.push(request);
    return new Promise((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { capture, asked, pending };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('screen captures', () => {
  it('says unknown for a display nobody registered, and gone (with when) once its capture is withdrawn', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const screens = createScreenCaptures({ clock: time, timers: time.timers });
    expect(await screens.take('waiting', { maxWidth: null })).toEqual({ ok: false, why: 'unknown' });
    const unregister = screens.register('waiting', async () => JPEG);
    expect(screens.known('waiting')).toBe('captured');
    time.advance(5_000);
    unregister();
    expect(await screens.take('waiting', { maxWidth: null })).toEqual({ ok: false, why: 'gone', leftAt: Date.parse('2026-12-07T10:00:05Z') });
    expect(screens.list()).toEqual([{ id: 'waiting', leftAt: Date.parse('2026-12-07T10:00:05Z') }]);
  });

  it('hands out the picture with the time it was taken', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const screens = createScreenCaptures({ clock: time, timers: time.timers });
    screens.register('waiting', async () => JPEG);
    expect(await screens.take('waiting', { maxWidth: 320 })).toEqual({ ok: true, jpeg: JPEG, takenAt: Date.parse('2026-12-07T10:00:00Z') });
  });

  it('takes one picture at a time per display: the same size shares it, another size is busy', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const screens = createScreenCaptures({ clock: time, timers: time.timers });
    const hand = handCapture();
    screens.register('waiting', hand.capture);
    const first = screens.take('waiting', { maxWidth: 320 });
    const second = screens.take('waiting', { maxWidth: 320 });
    expect(await screens.take('waiting', { maxWidth: null })).toEqual({ ok: false, why: 'busy' });
    expect(hand.asked).toHaveLength(1);
    hand.pending[0]!.resolve(JPEG);
    expect(await first).toMatchObject({ ok: true, jpeg: JPEG });
    expect(await second).toMatchObject({ ok: true, jpeg: JPEG });
  });

  it('reuses a picture for a second, then takes a new one', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const screens = createScreenCaptures({ clock: time, timers: time.timers });
    let taken = 0;
    screens.register('waiting', async () => Buffer.from([taken++]));
    await screens.take('waiting', { maxWidth: 320 });
    time.advance(999);
    expect(screens.free('waiting', { maxWidth: 320 })).toBe(true);
    expect(screens.free('waiting', { maxWidth: 640 })).toBe(false);
    expect(await screens.take('waiting', { maxWidth: 320 })).toMatchObject({ ok: true, jpeg: Buffer.from([0]) });
    time.advance(1);
    expect(await screens.take('waiting', { maxWidth: 320 })).toMatchObject({ ok: true, jpeg: Buffer.from([1]) });
  });

  it('gives up on a capture that does not answer in time, and frees the display for the next', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const screens = createScreenCaptures({ clock: time, timers: time.timers });
    const hand = handCapture();
    screens.register('waiting', hand.capture);
    const hung = screens.take('waiting', { maxWidth: null });
    time.advance(SCREEN_CAPTURE_TUNING.timeoutMs);
    expect(await hung).toMatchObject({ ok: false, why: 'failed', message: expect.stringContaining('no picture within 5 s') });
    // The late answer is dropped; the next request starts a capture of its own.
    hand.pending[0]!.resolve(JPEG);
    void screens.take('waiting', { maxWidth: null });
    expect(hand.asked).toHaveLength(2);
  });

  it('refuses a picture over the size bound, and reports a capture that failed in its words', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const screens = createScreenCaptures({ clock: time, timers: time.timers }, { ...SCREEN_CAPTURE_TUNING, maxBytes: 3 });
    screens.register('big', async () => JPEG);
    screens.register('broken', async () => {
      throw new Error('Page.captureScreenshot: target closed');
    });
    expect(await screens.take('big', { maxWidth: null })).toMatchObject({ ok: false, why: 'failed', message: expect.stringContaining('over the') });
    expect(await screens.take('broken', { maxWidth: null })).toEqual({ ok: false, why: 'failed', message: 'Page.captureScreenshot: target closed' });
  });

  it('a withdrawn capture does not withdraw the one that replaced it', async () => {
    const time = new FakeTime('2026-12-07T10:00:00Z');
    const screens = createScreenCaptures({ clock: time, timers: time.timers });
    const unregisterOld = screens.register('waiting', async () => Buffer.from([1]));
    screens.register('waiting', async () => Buffer.from([2]));
    unregisterOld();
    expect(await screens.take('waiting', { maxWidth: null })).toMatchObject({ ok: true, jpeg: Buffer.from([2]) });
    await flush();
  });
});
