import { describe, expect, it } from 'vitest';
import { backoffMs, wsUrlFor } from './ws-bridge.js';

describe('ws bridge', () => {
  it('connects to /ws on the page origin, wss under https', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '10.0.0.5:8080' })).toBe('ws://10.0.0.5:8080/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'hall.example' })).toBe('wss://hall.example/ws');
  });

  it('backs off from 250 ms and never waits more than 5 s', () => {
    expect(backoffMs(0, () => 0.5)).toBe(250);
    expect(backoffMs(2, () => 0.5)).toBe(1000);
    for (let n = 0; n < 100; n++) for (const r of [0, 0.5, 0.999]) expect(backoffMs(n, () => r)).toBeLessThanOrEqual(5000);
  });
});
