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

/** Runs a command to its end and gives its stderr; rejects on a non-zero exit, a signal, a missing command or the timeout. */
export type CommandRunner = (command: string, args: string[], options: { env: NodeJS.ProcessEnv; timeoutMs: number }) => Promise<{ stderr: string }>;

/** A DPMS or CEC command answers in well under a second; a CEC bus without a TV can take a few. */
export const SCREEN_COMMAND_TIMEOUT_MS = 5_000;

export function xDpmsPower(run: CommandRunner, xDisplay: string, env: NodeJS.ProcessEnv = process.env): ScreenPower {
  const options = { env: { ...env, DISPLAY: xDisplay }, timeoutMs: SCREEN_COMMAND_TIMEOUT_MS };
  // xset exits 0 when the server has no DPMS (Xvfb, some VNC servers: "server does not have
  // extension for dpms option"): silent on success, anything on stderr is the failure.
  const xset = async (...args: string[]): Promise<void> => {
    const { stderr } = await run('xset', args, options);
    const said = stderr.trim().split('\n')[0];
    if (said) throw new Error(`xset ${args.join(' ')}: ${said}`);
  };
  return {
    name: `x-dpms ${xDisplay}`,
    off: () => xset('dpms', 'force', 'off'),
    async on() {
      await xset('dpms', 'force', 'on');
      await xset('s', 'reset');
      await xset('-dpms');
    },
  };
}

export function cecPower(run: CommandRunner, device: string, env: NodeJS.ProcessEnv = process.env): ScreenPower {
  const options = { env, timeoutMs: SCREEN_COMMAND_TIMEOUT_MS };
  return {
    name: `hdmi-cec ${device}`,
    off: async () => void (await run('cec-ctl', ['-d', device, '--to', '0', '--standby'], options)),
    on: async () => void (await run('cec-ctl', ['-d', device, '--to', '0', '--image-view-on'], options)),
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
