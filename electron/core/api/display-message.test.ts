import { describe, expect, it } from 'vitest';
import type { FromDisplay } from '../../contract.js';
import { parseDisplayMessage } from './display-message.js';

const duck = { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 };

describe('parseDisplayMessage', () => {
  it.each<FromDisplay>([
    { type: 'announcement', announcement: { id: 'a1', event: 'started', at: 5, duck } },
    { type: 'announcement', announcement: { id: 'a1', event: 'ended', at: 6, reason: 'stopped' } },
    { type: 'announcement', announcement: { id: 'a1', event: 'failed', at: 6, reason: 'clip "x" could not be loaded' } },
    { type: 'report', report: { event: 'ended', programme: 'p', item: 'p#0', url: null, at: 1 } },
  ])('takes the envelope the bridges send: %o', (message) => {
    expect(parseDisplayMessage(JSON.stringify(message))).toStrictEqual(message);
  });

  it.each([
    { type: 'announcement', report: { id: 'a1', event: 'started', at: 5 } },
    { type: 'announcement', announcement: { id: 'a1', event: 'sung', at: 5 } },
    { type: 'announcement', announcement: { id: 7, event: 'ended', at: 5 } },
    { type: 'announcement', announcement: { id: 'a1', event: 'started', at: 5, duck: { depthDb: 'deep' } } },
  ])('refuses a malformed announcement report: %o', (message) => {
    expect(parseDisplayMessage(JSON.stringify(message))).toBeNull();
  });
});
