/**
 * The systemd unit a hall PC runs hallcast by: written by `hallcast install-service`, checked by
 * `systemd-analyze verify` in the tests. Pure: options in, unit text out.
 *
 * One unit, one process: on a screen's PC it runs `hallcast kiosk` (the player and the browser it
 * supervises — the browser dies with the player, issue 11), on a PC without a screen `hallcast
 * serve`. Either is restarted whenever it ends (Restart=always), and by systemd's watchdog when its
 * event loop stops answering: the player sends WATCHDOG=1 from its own heartbeat timer
 * (watchdog-notify.ts), so a hung loop stops the notifications and systemd kills and restarts it.
 * A start-limit caps a broken setup: at most 10 starts in 10 minutes, then systemd stops trying and
 * `systemctl status hallcast` says so, rather than looping hot all night. The player also exits on
 * its own, with code 75, when its picture watchdog cannot bring the display back (reloads and
 * browser restarts spent): Restart=always starts it whole again. It sees it is under systemd by
 * $INVOCATION_ID / $NOTIFY_SOCKET, and caps those exits itself at 3 an hour
 * (host/services/watchdog/player-restart.ts), well inside the start-limit.
 */
export const UNIT_NAME = 'hallcast.service';
export const WATCHDOG_SECONDS = 30;

export interface UnitOptions {
  /** The user it runs as: the auto-login user of the kiosk's graphical session. */
  user: string;
  /** The user's home, for the X authority file. */
  home: string;
  /** The displays.json id of this PC's screen; absent: no screen (serve only). */
  display: string | undefined;
  /** The node binary and hallcast's bin/hallcast.js, absolute. */
  node: string;
  bin: string;
  playlists: string;
  state: string;
  port: number;
  /** Run the kiosk in cage (a Wayland kiosk compositor on tty1) where the PC has no desktop. */
  cage: boolean;
}

/** systemd's quoting for one ExecStart argument. */
function arg(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `"${value.replace(/(["\\$])/g, '\\$1')}"`;
}

export function hallcastUnit(o: UnitOptions): string {
  const command = [o.node, o.bin, o.display ? 'kiosk' : 'serve', '--port', String(o.port), '--playlists', o.playlists, '--state', o.state, ...(o.display ? ['--display', o.display] : [])];
  const exec = o.display && o.cage ? ['/usr/bin/cage', '-s', '--', ...command] : command;
  const session: string[] = !o.display
    ? []
    : o.cage
      ? [
          '# No desktop: cage is the compositor, on the first console (tty1) instead of a login prompt.',
          'TTYPath=/dev/tty1',
          'PAMName=login',
          'StandardInput=tty-fail',
          'UtmpIdentifier=tty1',
        ]
      : ['# The auto-login user\'s X session (the desktop logs that user in at boot).', 'Environment=DISPLAY=:0', `Environment=XAUTHORITY=${o.home}/.Xauthority`];
  return [
    '# Written by `hallcast install-service`; `hallcast uninstall-service` removes it.',
    '[Unit]',
    `Description=hallcast ${o.display ? `hall screen "${o.display}"` : 'player'}`,
    'Wants=network-online.target',
    `After=network-online.target${o.display ? (o.cage ? ' systemd-user-sessions.service' : ' graphical.target') : ''}`,
    ...(o.display && o.cage ? ['Conflicts=getty@tty1.service'] : []),
    'StartLimitIntervalSec=600',
    'StartLimitBurst=10',
    '',
    '[Service]',
    'Type=notify',
    // The notifications come from `systemd-notify`, a child of the player.
    'NotifyAccess=all',
    `WatchdogSec=${WATCHDOG_SECONDS}`,
    'Restart=always',
    'RestartSec=5',
    'TimeoutStopSec=20',
    `User=${o.user}`,
    ...session,
    `ExecStart=${exec.map(arg).join(' ')}`,
    '',
    '[Install]',
    `WantedBy=${o.display && !o.cage ? 'graphical.target' : 'multi-user.target'}`,
    '',
  ].join('\n');
}
