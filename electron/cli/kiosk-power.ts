/**
 * The kiosk follows its display's power (the host's power windows, services/power/power-runner.ts)
 * with the screen's backlight: off at the window's end, on at its start or for an emergency.
 * Commands run one change at a time, in order, so a quick off-on never ends dark. A failure never
 * stops the kiosk: it is raised in health once per screen (`screen-power`, logged once) and cleared
 * when that screen next obeys — the page is black while off whatever the backlight does.
 */
import type { DisplayPower } from '../contract/power.js';
import type { Health } from '../host/domain/health/health.js';
import type { ScreenPower } from './screen-power.js';

export interface KioskPowerDeps {
  /** The kiosk's display's power now. */
  current(): DisplayPower;
  subscribe(listener: () => void): () => void;
  screens: ScreenPower[];
  health: Health;
}

export interface KioskPower {
  stop(): void;
  /** Resolves when the commands asked for so far have run (tests). */
  settled(): Promise<void>;
}

export function followScreenPower(deps: KioskPowerDeps): KioskPower {
  let asked: DisplayPower['state'] | null = null;
  let chain = Promise.resolve();
  const apply = async (state: DisplayPower['state']): Promise<void> => {
    for (const screen of deps.screens) {
      try {
        await (state === 'on' ? screen.on() : screen.off());
        deps.health.clear('screen-power', screen.name, `screen power works again on ${screen.name}`);
      } catch (error) {
        deps.health.raise('screen-power', screen.name, `could not turn the screen ${state} (${screen.name}): ${error instanceof Error ? error.message : String(error)}`, { state });
      }
    }
  };
  const follow = (): void => {
    const { state, reason } = deps.current();
    if (state === asked) return;
    // A hall without power windows never touches the screen (as before them): a machine without
    // DPMS (a VNC server, Xvfb) must not show a screen-power fault for windows it does not have.
    if (asked === null && reason === 'always-on') return;
    asked = state;
    chain = chain.then(() => apply(state));
  };
  const unsubscribe = deps.subscribe(follow);
  // At start too: a kiosk restarted while the hall sleeps darkens the screen, one restarted while
  // it is open lights a screen a previous run left dark.
  follow();
  return {
    stop: unsubscribe,
    settled: () => chain,
  };
}
