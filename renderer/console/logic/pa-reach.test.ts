import { describe, expect, it } from 'vitest';
import type { PaReach } from '../../../electron/contract/announcements-view.js';
import { paReachLine } from './pa-reach.js';

const base: PaReach = { canSpeak: false, display: null, since: 0, reason: 'no display is connected', refuses: 'everything', graceUntil: null };

describe('the PA reach line', () => {
  it('names the display that speaks', () => {
    expect(paReachLine({ ...base, canSpeak: true, display: 'waiting', reason: null, refuses: 'nothing' })).toStrictEqual({ tone: 'ok', key: 'pa.reach.speaks', display: 'waiting' });
  });
  it('in the grace, says requests wait and until when', () => {
    expect(paReachLine({ ...base, refuses: 'emergencies', graceUntil: 60_000 })).toStrictEqual({ tone: 'warn', key: 'pa.reach.grace', reason: 'no display is connected', until: 60_000 });
  });
  it('past it, says the hall cannot hear the PA, and why', () => {
    expect(paReachLine(base)).toStrictEqual({ tone: 'bad', key: 'pa.reach.silent', reason: 'no display is connected' });
  });
});
