import { describe, expect, it } from 'vitest';
import type { DisplayPower } from '../../../electron/contract/power.js';
import { ScreenSleep, type Pausable } from './screen-sleep.js';

const off: DisplayPower = { state: 'off', reason: 'window', since: 0, next: null };
const on: DisplayPower = { state: 'on', reason: 'window', since: 0, next: null };

function video(playing: boolean): Pausable & { plays: number } {
  const v = {
    paused: !playing,
    plays: 0,
    pause: () => void (v.paused = true),
    play: () => {
      v.paused = false;
      v.plays++;
      return Promise.resolve();
    },
  };
  return v;
}

describe('ScreenSleep', () => {
  it('blacks out and pauses the playing clip while off; uncovers and resumes it when on', () => {
    let real = 1_000;
    const curtain = { hidden: false };
    const playing = video(true);
    const waiting = video(false);
    const sleep = new ScreenSleep(curtain, [playing, waiting], () => real);
    expect(curtain.hidden).toBe(true);
    sleep.apply(off);
    expect(curtain.hidden).toBe(false);
    expect(playing.paused).toBe(true);
    sleep.apply(off);
    real += 60_000;
    sleep.apply(on);
    expect(curtain.hidden).toBe(true);
    expect(playing).toMatchObject({ paused: false, plays: 1 });
    // The clip that was waiting (paused on its first frame) stays for the player to start.
    expect(waiting).toMatchObject({ paused: true, plays: 0 });
  });

  it('the programme\'s clock stands still while asleep', () => {
    let real = 1_000;
    const sleep = new ScreenSleep({ hidden: true }, [], () => real);
    sleep.apply(off);
    real += 3_600_000;
    expect(sleep.now()).toBe(1_000);
    sleep.apply(undefined);
    real += 500;
    expect(sleep.now()).toBe(1_500);
  });
});
