/**
 * The doctor's checks: why a hall screen would be black, silent or wrong, each found before the
 * hall opens rather than by a customer. Each asks the machine through the probe and answers one
 * finding, with the fix for a failure.
 */
import type { HallConfig } from '../../contract/hall-config.js';
import { isTimeZone } from '../../host/domain/time/time-zone.js';
import { loadPlaylists } from '../../host/services/playlists/load.js';
import { createEspeakWasmEngine } from '../../host/services/speech/espeak-wasm-engine.js';
import { parseXdpyinfo } from '../kiosk-display.js';
import { versionAtLeast, type Finding } from './finding.js';
import type { DoctorProbe } from './probe.js';

/** Node 20 reached its end of life on 2026-04-30, and the player's web server's parts (cookie, content-disposition) declare 22. */
export const MIN_NODE = '22';
/** Below this the state folder (logs, proof of play, speech) fills within days: a warning; below the second, a failure. */
const LOW_SPACE_BYTES = 1024 ** 3;
const NO_SPACE_BYTES = 100 * 1024 ** 2;

export interface DoctorOptions {
  browser: string;
  playlists: string;
  assets: string | undefined;
  state: string;
  host: string;
  port: number;
  /** The displays.json id this machine shows, when it is a screen: its PA role decides whether audio is a must. */
  display: string | undefined;
}

export interface Context {
  options: DoctorOptions;
  probe: DoctorProbe;
  /** The playlists as loaded (null: they have errors, or none), for the checks that read them. */
  config: HallConfig | null;
}

export function checkNode({ probe }: Context): Finding {
  const ok = versionAtLeast(probe.nodeVersion, MIN_NODE);
  return ok
    ? { check: 'node', verdict: 'ok', detail: `Node.js ${probe.nodeVersion}` }
    : { check: 'node', verdict: 'fail', detail: `Node.js ${probe.nodeVersion} is older than ${MIN_NODE}`, fix: `install Node.js ${MIN_NODE} LTS or later (nodejs.org or NodeSource; Debian 12's own is 18)` };
}

export async function checkBrowser({ options, probe }: Context): Promise<Finding> {
  const browser = options.browser;
  if (!probe.executable(browser)) {
    return { check: 'browser', verdict: 'fail', detail: `no browser at ${browser}`, fix: 'apt-get install chromium, or give the Chromium to use with --browser PATH' };
  }
  const version = await probe.run(browser, ['--version'], 15_000);
  const name = version.stdout.trim() || `${browser} (no version given)`;
  // The flags a locked-down machine needs to start at all (no sandbox as root, no network calls at start).
  const args = ['--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--dump-dom', 'data:text/html,<p>hallcast-doctor</p>'];
  if (probe.env.USER === 'root' || process.getuid?.() === 0) args.unshift('--no-sandbox');
  const start = await probe.run(browser, args, 45_000);
  if (start.stdout.includes('hallcast-doctor')) return { check: 'browser', verdict: 'ok', detail: `${name}, starts headless` };
  const why = start.timedOut ? 'did not answer within 45 s' : (start.stderr.trim().split('\n').find((l) => /error|fatal/i.test(l)) ?? `exit code ${start.code}`).slice(0, 160);
  return { check: 'browser', verdict: 'fail', detail: `${name} cannot start headless: ${why}`, fix: 'run `chromium --headless --dump-dom about:blank` to see why; reinstall chromium' };
}

export async function checkCjkFont({ probe }: Context): Promise<Finding> {
  const found = await probe.run('fc-list', [':lang=zh', 'family'], 15_000);
  if (found.code === null) return { check: 'cjk-font', verdict: 'warn', detail: 'fc-list is not installed, so the fonts cannot be checked', fix: 'apt-get install fontconfig fonts-noto-cjk' };
  const families = [...new Set(found.stdout.split('\n').map((l) => l.split(',')[0]!.trim()).filter(Boolean))];
  if (families.length === 0) {
    return { check: 'cjk-font', verdict: 'fail', detail: 'no font with Chinese characters: every 汉字 on the screens would be an empty box', fix: 'apt-get install fonts-noto-cjk' };
  }
  return { check: 'cjk-font', verdict: 'ok', detail: `${families.length} Chinese font famil${families.length === 1 ? 'y' : 'ies'}, e.g. ${families.sort()[0]}` };
}

export function checkAudio({ options, probe, config }: Context): Finding {
  const role = options.display ? config?.displays?.displays[options.display]?.pa : undefined;
  // Only the PA's machines need a sound card; a counter screen does not.
  const missing = role ? 'fail' : 'warn';
  const cards = probe.readText('/proc/asound/cards');
  const names = (cards ?? '').split('\n').map((l) => /^\s*\d+\s+\[[^\]]*\]:\s*(.+)$/.exec(l)?.[1]?.trim()).filter((n): n is string => Boolean(n));
  if (names.length > 0) return { check: 'audio', verdict: 'ok', detail: `${names.length} sound card${names.length === 1 ? '' : 's'}: ${names.join('; ').slice(0, 120)}` };
  const who = role ? `display ${options.display} is the hall's PA ${role}` : 'a display that carries the PA needs one';
  return {
    check: 'audio',
    verdict: missing,
    detail: `no sound card (${cards === null ? '/proc/asound/cards is not there' : 'none listed'}): ${who}`,
    fix: 'connect the PA amplifier to this machine\'s audio output and check `aplay -l`; in a VM add a sound device',
  };
}

export async function checkDisplay({ probe }: Context): Promise<Finding> {
  const x = probe.env.DISPLAY;
  if (!x) {
    if (probe.env.WAYLAND_DISPLAY) return { check: 'display', verdict: 'ok', detail: `Wayland display ${probe.env.WAYLAND_DISPLAY}` };
    return { check: 'display', verdict: 'fail', detail: 'no display: DISPLAY (X) and WAYLAND_DISPLAY are not set, so no kiosk window can open', fix: 'run it in the kiosk user\'s graphical session, or `DISPLAY=:0 hallcast doctor`' };
  }
  const info = await probe.run('xdpyinfo', ['-display', x], 5_000);
  if (info.code === null) return { check: 'display', verdict: 'warn', detail: `DISPLAY=${x}; xdpyinfo is not installed to check it`, fix: 'apt-get install x11-utils' };
  const size = info.code === 0 ? parseXdpyinfo(info.stdout, x) : null;
  if (!size) return { check: 'display', verdict: 'fail', detail: `the X display ${x} does not answer`, fix: 'start the graphical session (or Xvfb) first; check `xdpyinfo -display ' + x + '`' };
  return { check: 'display', verdict: 'ok', detail: `X display ${x}, ${size.width}×${size.height}` };
}

export function checkState({ options, probe }: Context): Finding {
  const refused = probe.writable(options.state);
  if (refused) return { check: 'state', verdict: 'fail', detail: `cannot write to ${options.state}: ${refused}`, fix: 'give the player\'s user that folder (chown), or another with --state DIR' };
  const free = probe.freeBytes(options.state);
  const shown = free === null ? 'free space unknown' : `${(free / 1024 ** 3).toFixed(1)} GB free`;
  if (free !== null && free < NO_SPACE_BYTES) return { check: 'state', verdict: 'fail', detail: `${options.state}: only ${Math.round(free / 1024 ** 2)} MB free`, fix: 'free space on that disk (old logs, media) or give another --state DIR' };
  if (free !== null && free < LOW_SPACE_BYTES) return { check: 'state', verdict: 'warn', detail: `${options.state}: ${shown}`, fix: 'free space: logs and proof of play grow every day' };
  return { check: 'state', verdict: 'ok', detail: `${options.state} writable, ${shown}` };
}

/** The playlists, loaded once: a finding, and the configuration for the checks that read it. */
export function checkPlaylists(options: DoctorOptions, now: number): { finding: Finding; config: HallConfig | null } {
  const result = loadPlaylists(options.playlists, { ...(options.assets ? { assetsDir: options.assets } : {}), now });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.length - errors.length;
  if (!result.config) {
    const first = errors[0];
    return {
      finding: {
        check: 'playlists',
        verdict: 'fail',
        detail: `${options.playlists}: ${errors.length} error${errors.length === 1 ? '' : 's'}${first ? `, first ${first.file}:${first.line}:${first.col}: ${first.message}` : ''}`.slice(0, 300),
        fix: `hallcast validate ${options.playlists} lists them all`,
      },
      config: null,
    };
  }
  return { finding: { check: 'playlists', verdict: 'ok', detail: `${options.playlists}: valid, ${result.files.length} files${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'} (hallcast validate)` : ''}` }, config: result.config };
}

export async function checkClock({ probe, config }: Context, now: number): Promise<Finding> {
  const zone = config?.schedule.timezone ?? 'Asia/Shanghai';
  if (!isTimeZone(zone)) return { check: 'clock', verdict: 'fail', detail: `this Node.js does not know the hall's time zone ${zone}`, fix: 'install a Node.js built with full ICU (the official builds are)' };
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' }).format(now);
  const timedatectl = await probe.run('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], 5_000);
  const answer = timedatectl.stdout.trim();
  if (timedatectl.code === 0 && answer === 'yes') return { check: 'clock', verdict: 'ok', detail: `synchronised (systemd-timesyncd or NTP); the hall's time ${local} ${zone}` };
  if (timedatectl.code === 0 && answer === 'no') {
    return { check: 'clock', verdict: 'fail', detail: `not synchronised: the schedule and proof of play run on a clock nobody sets (hall time ${local} ${zone})`, fix: 'timedatectl set-ntp true (or install chrony) and give the machine an NTP server it can reach' };
  }
  const chrony = await probe.run('chronyc', ['tracking'], 5_000);
  if (chrony.code === 0 && /Leap status\s*:\s*Normal/.test(chrony.stdout)) return { check: 'clock', verdict: 'ok', detail: `synchronised (chrony); the hall's time ${local} ${zone}` };
  return { check: 'clock', verdict: 'warn', detail: `cannot tell whether the clock is synchronised (no timedatectl or chrony answer); the hall's time ${local} ${zone}`, fix: 'install chrony or enable systemd-timesyncd' };
}

export async function checkPort({ options, probe }: Context): Promise<Finding> {
  const where = `${options.host}:${options.port}`;
  const refused = await probe.canListen(options.host, options.port);
  if (refused === null) return { check: 'port', verdict: 'ok', detail: `${where} is free` };
  if (refused === 'EADDRINUSE') {
    // In use by the player itself is what a running hall looks like.
    const health = await probe.get(`http://${options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${options.port}/api/health`, 3_000);
    if ('status' in health && health.status === 200 && health.body.includes('"version"')) return { check: 'port', verdict: 'ok', detail: `${where}: a hallcast player is running there` };
    return { check: 'port', verdict: 'fail', detail: `${where} is in use by another program`, fix: 'stop it (ss -ltnp shows which), or give the player another --port' };
  }
  return { check: 'port', verdict: 'fail', detail: `cannot listen on ${where} (${refused})`, fix: refused === 'EACCES' ? 'use --port 1024 or above' : 'give --host an address of this machine (ip -brief address)' };
}

export async function checkSpeech(): Promise<Finding> {
  const engine = createEspeakWasmEngine();
  const started = Date.now();
  try {
    const wav = await engine.synthesize('请A零二三号到五号窗口', 'zh-CN', 1);
    return { check: 'speech', verdict: 'ok', detail: `the speech engine reads Chinese (${Math.round(wav.length / 1024)} KB of audio in ${Date.now() - started} ms)` };
  } catch (error) {
    return { check: 'speech', verdict: 'fail', detail: `the speech engine failed: ${(error as Error).message}`.slice(0, 200), fix: 'reinstall hallcast (its espeak-ng data may be missing)' };
  } finally {
    await engine.close();
  }
}

export async function checkQueueFeed({ probe, config }: Context): Promise<Finding> {
  const feed = config?.queue?.feed;
  if (!config?.queue) return { check: 'queue-feed', verdict: 'ok', detail: 'no queue.json: no queue board' };
  if (!feed || feed.kind === 'simulator' || feed.kind === 'push') return { check: 'queue-feed', verdict: 'ok', detail: `${feed?.kind ?? 'simulator'} feed: nothing to reach` };
  const url = feed.url.replace(/^ws(s?):/, 'http$1:');
  const answer = await probe.get(url, 5_000);
  if ('status' in answer) return { check: 'queue-feed', verdict: answer.status < 500 ? 'ok' : 'warn', detail: `${feed.kind} feed ${feed.url}: answers HTTP ${answer.status}`, ...(answer.status >= 500 ? { fix: 'the queue system reports an error: ask its administrator' } : {}) };
  return { check: 'queue-feed', verdict: 'fail', detail: `${feed.kind} feed ${feed.url}: not reachable (${answer.error})`, fix: 'check the queue system is up and this machine can reach it (address, firewall), or fix queue.json\'s feed url' };
}
