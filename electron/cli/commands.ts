/**
 * Every hallcast command and every flag it takes, in one table: the parser, `--help` and the
 * README's command section are all made from it, so none of them can say something the others
 * do not. Command and flag names are a public contract: scripts and service units use them.
 */
import { ANNOUNCEMENT_KINDS, MAX_REPEAT } from '../host/services/pa-desk/announce-request.js';
import { DEFAULT_SHELL_DISPLAY } from '../contract/display-page.js';
import { EMERGENCY_LEVELS } from '../contract/emergency.js';
import { LOG_LEVELS } from '../host/services/log/player-log.js';
import { displayId, hallTime, megabytes, nonEmpty, oneOf, playerAddress, portNumber, sinceTime, wholeNumber, windowSize, type FlagCheck } from './flag-checks.js';

export interface FlagSpec {
  /** The value's name in help, e.g. DIR. */
  value: string;
  help: string;
  default?: string;
  /** The synopsis shows the default ("[--port 8080]") rather than the value's name. */
  showDefault?: boolean;
  check?: FlagCheck;
  /** A switch: present or not, it takes no value (`--clear`). */
  switch?: true;
}

export interface CommandSpec {
  /** The positional arguments as help writes them, e.g. "TICKET COUNTER". */
  args?: string;
  /**
   * How many positional arguments it takes, and an example for when the count is wrong; or what
   * to say then instead, for a command whose arguments must not be repeated back (a password).
   */
  positionals: { min: number; max: number; example?: string; wrong?: string };
  summary: string;
  /** Further lines of `--help`. */
  notes?: readonly string[];
  flags: Readonly<Record<string, FlagSpec>>;
  /** Its synopsis writes this command's flags as "[serve options]". */
  sharesFlagsOf?: string;
}

const LANG = { value: 'zh|en', help: 'the language it is read in', default: 'zh', check: oneOf(['zh', 'en', 'zh-CN']) } as const satisfies FlagSpec;
const PLAYLISTS = { value: 'DIR', help: 'the playlist folder (default: playlists)' } as const satisfies FlagSpec;
const ASSETS = { value: 'DIR', help: 'the media and voice folder (default: the folder beside the playlists, named assets)' } as const satisfies FlagSpec;
const STATE = { value: 'DIR', help: 'saved configuration, logs and passwords (default: ~/.local/state/hallcast)' } as const satisfies FlagSpec;

const API_FLAGS = {
  url: { value: 'URL', help: 'the running player (default: HALLCAST_URL, or http://127.0.0.1:8080/)', check: playerAddress },
  token: { value: 'T', help: 'its API token, when it is bound beyond this machine (default: HALLCAST_TOKEN)', check: nonEmpty('the token') },
} as const satisfies Record<string, FlagSpec>;

export const SERVE_FLAGS = {
  port: { value: 'N', help: 'the port to listen on (0: any free port)', default: '8080', showDefault: true, check: portNumber },
  host: { value: 'ADDRESS', help: 'the address to listen on; beyond this machine (e.g. 0.0.0.0) it needs --token', default: '127.0.0.1', showDefault: true, check: nonEmpty('an address') },
  playlists: PLAYLISTS,
  assets: ASSETS,
  state: STATE,
  token: { value: 'T', help: 'the token other machines must send (default: HALLCAST_TOKEN)', check: nonEmpty('the token') },
  at: { value: 'TIME', help: "preview the schedule from another time, the clock running on from there, e.g. 2026-12-01T10:17 (the hall's time) or 2026-12-01T10:17+08:00", check: hallTime },
  'admin-max-upload-mb': { value: 'MB', help: "the console's largest media upload", default: '512', showDefault: true, check: megabytes },
  'log-level': {
    value: LOG_LEVELS.join('|'),
    help: 'the least a log line must be to be written, on the terminal and in STATE/logs/player.log (default: HALLCAST_LOG_LEVEL, else info)',
    check: oneOf(LOG_LEVELS),
  },
} as const satisfies Record<string, FlagSpec>;

export const COMMANDS = {
  validate: {
    args: '[DIR]',
    positionals: { min: 0, max: 1, example: 'hallcast validate playlists' },
    summary: 'check a playlist folder (default: playlists): FILE:LINE:COL: severity: message; exit 1 on errors',
    flags: { assets: ASSETS },
  },
  timeline: {
    positionals: { min: 0, max: 0 },
    summary: "print the schedule's switches for a day or more, and why",
    flags: {
      date: { value: 'YYYY-MM-DD', help: "the first day, in the schedule's zone (default: today there)" },
      days: { value: 'N', help: 'how many days', default: '1' },
      playlists: { ...PLAYLISTS, default: 'playlists' },
      assets: ASSETS,
    },
  },
  serve: {
    positionals: { min: 0, max: 0 },
    summary: 'run the player; any Chromium shows the hall at http://HOST:PORT/ and the console at http://HOST:PORT/admin/',
    flags: SERVE_FLAGS,
  },
  kiosk: {
    positionals: { min: 0, max: 0 },
    summary: 'run the player and keep a full-screen Chromium kiosk on it',
    flags: {
      ...SERVE_FLAGS,
      browser: { value: 'PATH', help: 'the Chromium to run (none there: serve only)', default: '/usr/bin/chromium', showDefault: true, check: nonEmpty('a path') },
      'window-size': { value: 'WxH', help: 'the window size, e.g. 1920x1080 (default: the X screen, read with xdpyinfo)', check: windowSize },
      display: {
        value: 'ID',
        help: "which display of the hall this screen is: its page opens at /?display=ID and its picture is GET /api/displays/ID/screenshot",
        default: DEFAULT_SHELL_DISPLAY,
        check: displayId,
      },
    },
    sharesFlagsOf: 'serve',
  },
  call: {
    args: 'TICKET COUNTER',
    positionals: { min: 2, max: 2, example: 'hallcast call A023 5' },
    summary: "call a ticket to a counter on a running player's board",
    flags: API_FLAGS,
  },
  queue: {
    positionals: { min: 0, max: 0 },
    summary: "print a running player's queue board",
    flags: API_FLAGS,
  },
  'admin-password': {
    positionals: { min: 0, max: 0, wrong: 'reads the password from standard input, e.g. hallcast admin-password < password.txt' },
    summary: "set the console's password, read from standard input (at least 8 characters)",
    notes: ['HALLCAST_ADMIN_PASSWORD, when set, overrides the saved password for one run of the player.'],
    flags: { state: STATE },
  },
  'plan-call': {
    args: 'TICKET COUNTER',
    positionals: { min: 2, max: 2, example: 'hallcast plan-call A023 5' },
    summary: 'print the voice clips a call is read with, one per word',
    flags: { lang: LANG },
  },
  announce: {
    args: 'TEXT',
    positionals: { min: 1, max: 1, example: 'hallcast announce "请注意：本厅即将关闭"' },
    summary: "read a message out through a running player's PA now",
    flags: {
      lang: LANG,
      priority: { value: ANNOUNCEMENT_KINDS.join('|'), help: 'how urgent: an emergency interrupts everything', default: 'pa', check: oneOf(ANNOUNCEMENT_KINDS) },
      repeat: { value: 'N', help: 'how many times it is read', default: '1', check: wholeNumber(1, MAX_REPEAT, 2) },
      ...API_FLAGS,
    },
  },
  'install-service': {
    positionals: { min: 0, max: 0 },
    summary: "write the systemd unit that starts the player at boot and restarts it (and a hung one, by systemd's watchdog); prints it and what to run next",
    notes: ['With --display this PC is that screen: the unit runs `hallcast kiosk` in the user\'s graphical session (or in cage with --cage); without it, `hallcast serve`.'],
    flags: {
      user: { value: 'USER', help: 'the user it runs as: the auto-login user of the kiosk session (default: SUDO_USER, or you)', check: nonEmpty('a user name') },
      display: { value: 'ID', help: "the displays.json id of this PC's screen", check: displayId },
      cage: { value: '', help: 'run the kiosk in cage, a Wayland kiosk compositor on tty1, where the PC has no desktop', switch: true },
      playlists: { ...PLAYLISTS, default: 'playlists' },
      state: STATE,
      port: SERVE_FLAGS.port,
      'unit-dir': { value: 'DIR', help: 'where the unit goes', default: '/etc/systemd/system', check: nonEmpty('a folder') },
    },
  },
  'uninstall-service': {
    positionals: { min: 0, max: 0 },
    summary: 'remove the systemd unit install-service wrote (after `systemctl disable --now hallcast.service`)',
    flags: { 'unit-dir': { value: 'DIR', help: 'where the unit is', default: '/etc/systemd/system', check: nonEmpty('a folder') } },
  },
  doctor: {
    positionals: { min: 0, max: 0 },
    summary: 'check this machine for what a hall screen needs (browser, CJK font, sound, display, disk, playlists, clock, port, speech, queue feed); exit 1 if anything fails',
    flags: {
      browser: { value: 'PATH', help: 'the Chromium the kiosk runs', default: '/usr/bin/chromium', showDefault: true, check: nonEmpty('a path') },
      playlists: { ...PLAYLISTS, default: 'playlists' },
      assets: ASSETS,
      state: STATE,
      host: SERVE_FLAGS.host,
      port: SERVE_FLAGS.port,
      display: { value: 'ID', help: "the displays.json id this machine shows (its PA role decides whether a sound card is a must)", check: displayId },
    },
  },
  emergency: {
    args: '[TEXT]',
    positionals: { min: 0, max: 1, example: 'hallcast emergency "系统故障，业务暂停办理" --level alert' },
    summary: "take over every display of a running player (and its speaker, on repeat) with an emergency notice, or clear it",
    notes: [
      'Give TEXT (read in the language it is written in), or --template ID from announcements.json "emergencyTemplates", or --clear.',
      'A new emergency replaces the one in force. Exit 1 when the player refused (the reason is printed).',
    ],
    flags: {
      level: { value: EMERGENCY_LEVELS.join('|'), help: "notice: a ticker line; alert: a large banner over everything; evacuate: the whole screen (default: the template's level, else alert)", check: oneOf(EMERGENCY_LEVELS) },
      template: { value: 'ID', help: 'a prepared bilingual notice from announcements.json "emergencyTemplates", e.g. evacuation', check: nonEmpty('a template id') },
      clear: { value: '', switch: true, help: 'end the emergency in force: every display goes back to its programme' },
      ...API_FLAGS,
    },
  },
  logs: {
    positionals: { min: 0, max: 0 },
    summary: "print the player's log from the state folder, one readable line each (local time, level, message, fields); --follow keeps printing new lines",
    notes: [
      'The player keeps its log in STATE/logs/player.log as JSON (5 MiB × 20 files, 14 days); the kiosk keeps Chromium\'s stderr in STATE/logs/chromium.log (1 MiB × 3 files).',
      'Exit 1 when there is no log yet in that state folder.',
    ],
    flags: {
      since: { value: 'WHEN', help: "only lines from then on: 30s, 10m, 2h, 1d back from now, or a time, e.g. 2026-12-07T09:30 (this machine's zone) or 2026-12-07T09:30+08:00", check: sinceTime },
      follow: { value: '', switch: true, help: 'keep printing lines as they are written, across rotations, until Ctrl-C' },
      level: { value: LOG_LEVELS.filter((l) => l !== 'silent').join('|'), help: 'only lines at this level or worse', check: oneOf(LOG_LEVELS.filter((l) => l !== 'silent')) },
      json: { value: '', switch: true, help: 'print the JSON lines as they are, for jq' },
      chromium: { value: '', switch: true, help: "the kiosk browser's stderr (STATE/logs/chromium.log) instead; --since keeps the files written since then" },
      state: STATE,
    },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
