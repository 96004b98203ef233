/**
 * The backlight of a kiosk's screen, for displays.json's power windows: the ways a Linux player can
 * turn its screen off and on. The page is black while off either way (the display goes dark by
 * itself); these save the panel and the power where the platform allows.
 *
 * - X DPMS: `xset dpms force off`; on again `xset dpms force on`, `xset s reset` (the screensaver's
 *   idle timer restarts, so it does not blank the screen at once) and `xset -dpms` (forcing off
 *   enabled DPMS with the server's idle timeouts, which would blank the lit screen ~10 min later:
 *   a signage screen has no one touching its mouse).
 * - HDMI-CEC: `cec-ctl -d DEV --to 0 --standby` / `--image-view-on` to the TV (logical address 0),
 *   only where cec-ctl (Debian's v4l-utils) exists and the kernel has a CEC device (/dev/cec*).
 *
 * Each command has a timeout: a hung X server or CEC bus must not hold the kiosk.
 */

export interface ScreenPower {
  /** For the log and health: "x-dpms :0", "hdmi-cec /dev/cec0". */
  readonly name: string;
  off(): Promise<void>;
  on(): Promise<void>;
}

/** Runs a command to its end; rejects on a non-zero exit, a signal, a missing command or the timeout. */
export type CommandRunner = (command: string, args: string[], options: { env: NodeJS.ProcessEnv; timeoutMs: number }) => Promise<void>;

/** A DPMS or CEC command answers in well under a second; a CEC bus without a TV can take a few. */
export const SCREEN_COMMAND_TIMEOUT_MS = 5_000;

export function xDpmsPower(run: CommandRunner, xDisplay: string, env: NodeJS.ProcessEnv = process.env): ScreenPower {
  const options = { env: { ...env, DISPLAY: xDisplay }, timeoutMs: SCREEN_COMMAND_TIMEOUT_MS };
  return {
    name: `x-dpms ${xDisplay}`,
    off: () => run('xset', ['dpms', 'force', 'off'], options),
    async on() {
      await run('xset', ['dpms', 'force', 'on'], options);
      await run('xset', ['s', 'reset'], options);
      await run('xset', ['-dpms'], options);
    },
  };
}

export function cecPower(run: CommandRunner, device: string, env: NodeJS.ProcessEnv = process.env): ScreenPower {
  const options = { env, timeoutMs: SCREEN_COMMAND_TIMEOUT_MS };
  return {
    name: `hdmi-cec ${device}`,
    off: () => run('cec-ctl', ['-d', device, '--to', '0', '--standby'], options),
    on: () => run('cec-ctl', ['-d', device, '--to', '0', '--image-view-on'], options),
  };
}

export interface PlatformProbe {
  /** The command is on PATH. */
  hasCommand(command: string): boolean;
  /** The CEC devices the kernel has (/dev/cec0 …). */
  cecDevices(): string[];
}

/** The screen powers this machine has: X DPMS when the kiosk runs under X with xset, HDMI-CEC per CEC device with cec-ctl. */
export function screenPowersOf(env: NodeJS.ProcessEnv, probe: PlatformProbe, run: CommandRunner): ScreenPower[] {
  const screens: ScreenPower[] = [];
  if (env.DISPLAY && probe.hasCommand('xset')) screens.push(xDpmsPower(run, env.DISPLAY, env));
  if (probe.hasCommand('cec-ctl')) for (const device of probe.cecDevices()) screens.push(cecPower(run, device, env));
  return screens;
}
