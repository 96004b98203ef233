import { describe, expect, it } from 'vitest';
import { HostOffset, type ClockExchange } from './host-offset.js';

/** The host's clock runs `offset` ahead of the display's; a ping takes `out` ms to reach it and the echo `back` ms to return. */
function exchange(sent: number, offset: number, out: number, back: number): ClockExchange {
  return { sent, host: sent + out + offset, received: sent + out + back };
}

describe('HostOffset', () => {
  it('knows nothing before the first exchange', () => {
    const h = new HostOffset();
    expect(h.offsetMs).toBeNull();
    expect(h.roundTripMs).toBeNull();
  });

  it('is exact when the way there and back take as long', () => {
    const h = new HostOffset();
    h.add(exchange(1_000, 12_345.5, 3, 3));
    expect(h.offsetMs).toBe(12_345.5);
    expect(h.roundTripMs).toBe(6);
  });

  it('is off by half the asymmetry, and so keeps the exchange with the shortest round trip', () => {
    const h = new HostOffset();
    const offset = -40_000;
    // A busy page reads the echo 80 ms late: off by 40 ms on its own.
    h.add(exchange(1_000, offset, 2, 80));
    expect(h.offsetMs).toBe(offset - 39);
    // A slow way out (the host was busy) is the mirror case.
    h.add(exchange(3_000, offset, 30, 2));
    expect(h.offsetMs).toBe(offset + 14);
    // A quiet moment: 1 ms out, 3 ms back, off by 1 ms; the others stay in the window but no longer count.
    h.add(exchange(5_000, offset, 1, 3));
    h.add(exchange(7_000, offset, 50, 5));
    expect(h.offsetMs).toBe(offset - 1);
    expect(h.roundTripMs).toBe(4);
  });

  it('forgets the best exchange once 16 newer ones have come (drift over a long window)', () => {
    const h = new HostOffset();
    h.add(exchange(0, 100, 1, 1));
    for (let i = 1; i <= 15; i++) h.add(exchange(i * 2_000, 100, 5, 7));
    expect(h.roundTripMs).toBe(2);
    h.add(exchange(32_000, 100, 5, 7));
    expect(h.roundTripMs).toBe(12);
    expect(h.offsetMs).toBe(99);
  });

  it('starts again when the host\'s clock steps (or another host answers), even with longer round trips', () => {
    const h = new HostOffset();
    h.add(exchange(0, 500, 1, 1));
    // 30 ms later than the window allows for: not transit, a step.
    h.add(exchange(2_000, 500 + 3_600_000, 10, 10));
    expect(h.offsetMs).toBe(500 + 3_600_000);
    expect(h.roundTripMs).toBe(20);
    // Within the uncertainty of the two exchanges: the same clock, the better exchange kept.
    h.add(exchange(4_000, 500 + 3_600_000, 1, 30));
    expect(h.offsetMs).toBe(500 + 3_600_000);
  });

  it('ignores exchanges that measure nothing: negative, stalled or not a number', () => {
    const h = new HostOffset();
    h.add({ sent: 10, host: 5, received: 9 });
    h.add(exchange(0, 7, 600, 600));
    h.add({ sent: 0, host: Number.NaN, received: 2 });
    expect(h.offsetMs).toBeNull();
  });
});
