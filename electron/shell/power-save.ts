/**
 * The Electron shell's part of screens that sleep with the hall: Chromium's power-save blocker
 * (`prevent-display-sleep`) held while the display's power is on and released while it is off, so
 * the machine's own display power management may turn the backlight off (the host's windows say
 * when; the page goes black meanwhile, renderer/display/player/screen-sleep.ts).
 */
import type { DisplayPower } from '../contract/power.js';
import type { ShellElectron } from './electron-ports.js';

export interface PowerSource {
  /** This window's display's power now. */
  current(): DisplayPower;
  /** Called when some display's power may have changed. */
  subscribe(listener: () => void): () => void;
}

export function followPowerSave(blocker: ShellElectron['powerSaveBlocker'], power: PowerSource): { stop(): void } {
  let held: number | null = null;
  const follow = (): void => {
    const on = power.current().state === 'on';
    if (on && held === null) held = blocker.start('prevent-display-sleep');
    else if (!on && held !== null) {
      blocker.stop(held);
      held = null;
    }
  };
  const unsubscribe = power.subscribe(follow);
  follow();
  return {
    stop() {
      unsubscribe();
      if (held !== null) blocker.stop(held);
      held = null;
    },
  };
}
