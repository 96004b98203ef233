/**
 * The hallcast command line. Each command is one module; the command table (commands.ts) says
 * what each takes; this file reads the arguments against it and runs the command. Every failure
 * it expects is one line on stderr: exit 2 for a wrong command, flag or value, exit 1 for what the
 * machine would not do.
 */
import { runDoctor } from './doctor/doctor.js';
import { startWatchdogNotify, systemdNotify } from './service/watchdog-notify.js';
import { installService, uninstallService } from './service/install-service.js';
import { openKiosk } from './kiosk.js';
import { consoleOutput, type Output } from './output.js';
import { planServe, startServe, stateDirOf, type ServeOptions } from './serve.js';
import { runPlanCall } from './plan-call.js';
import { runAnnounce } from './announce-client.js';
import { runEmergency } from './emergency-client.js';
import { runAdminPassword } from './admin-password.js';
import { readSecret } from './read-secret.js';
import { ApiError, DEFAULT_API_URL, runCall, runQueue, type ApiTarget } from './queue-client.js';
import { runTimeline } from './timeline.js';
import { runValidate } from './validate.js';
import { runLogs } from './logs.js';
import { isLogLevel, LOG_LEVELS, openPlayerLog, type LogLevel } from '../host/services/log/player-log.js';
import { COMMANDS, isCommandName, type CommandName } from './commands.js';
import { parseCommand, type FlagValues } from './parse-command.js';
import { commandHelp, overview } from './help.js';
import { FAILURE_EXIT, StartupError, systemProblem, USAGE_EXIT, UsageError } from './cli-errors.js';
import { packageVersion } from './package-root.js';
import { createScreenCaptures } from '../host/services/screens/screen-captures.js';
import { systemClock } from '../host/ports.js';
import { systemTimers } from '../host/services/time/wall-timers.js';
import { openPlayerRestarts, PICTURE_LOST_EXIT, supervisorOf } from '../host/services/watchdog/player-restart.js';
import { watchEventLoop } from '../host/services/watchdog/event-loop-watch.js';

function apiTarget(values: { url?: string | undefined; token?: string | undefined }): ApiTarget {
  return { url: values.url ?? process.env.HALLCAST_URL ?? DEFAULT_API_URL, token: values.token ?? process.env.HALLCAST_TOKEN };
}

export async function main(
  argv: string[],
  out: Output = consoleOutput,
  now: () => number = Date.now,
  secret: () => Promise<string> = () => readSecret((text) => process.stderr.write(text)),
): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      out.stderr(overview());
      return USAGE_EXIT;
    case 'help':
    case '--help':
    case '-h': {
      const about = rest[0];
      if (about === undefined) out.stdout(overview());
      else if (isCommandName(about)) out.stdout(commandHelp(about));
      else return usage(out, 'help', `no command "${about}": hallcast help lists them`);
      return 0;
    }
    case '--version':
    case '-V':
      out.stdout(`hallcast ${packageVersion()}`);
      return 0;
  }
  if (!isCommandName(command)) return usage(out, null, `unknown command "${command}": hallcast help lists them`);
  try {
    return await runCommand(command, rest, out, now, secret);
  } catch (error) {
    if (error instanceof UsageError) return usage(out, command, error.message);
    if (error instanceof StartupError || error instanceof ApiError) {
      out.stderr(`hallcast ${command}: ${error.message}`);
      return FAILURE_EXIT;
    }
    const refused = systemProblem(error);
    if (refused) {
      out.stderr(`hallcast ${command}: ${refused}`);
      return FAILURE_EXIT;
    }
    throw error;
  }
}

function usage(out: Output, command: string | null, message: string): number {
  out.stderr(`hallcast${command ? ` ${command}` : ''}: ${message}${command && command !== 'help' ? ` (hallcast ${command} --help)` : ''}`);
  return USAGE_EXIT;
}

async function runCommand(command: CommandName, args: string[], out: Output, now: () => number, secret: () => Promise<string>): Promise<number> {
  const parsed = parseCommand(COMMANDS[command], args);
  if (parsed.help) {
    out.stdout(commandHelp(command));
    return 0;
  }
  const { positionals } = parsed;
  switch (command) {
    case 'validate': {
      const values = parsed.values as FlagValues<(typeof COMMANDS)['validate']['flags']>;
      return runValidate(positionals[0] ?? 'playlists', values.assets, out, now());
    }
    case 'timeline': {
      const values = parsed.values as FlagValues<(typeof COMMANDS)['timeline']['flags']>;
      return runTimeline({ playlists: values.playlists, assets: values.assets, date: values.date, days: Number(values.days), now: now() }, out);
    }
    case 'serve':
    case 'kiosk':
      return serve(command, parsed.values as FlagValues<(typeof COMMANDS)['kiosk']['flags']>, out);
    case 'call':
      return runCall(apiTarget(parsed.values as FlagValues<(typeof COMMANDS)['call']['flags']>), positionals[0]!, positionals[1]!, out);
    case 'queue':
      return runQueue(apiTarget(parsed.values as FlagValues<(typeof COMMANDS)['queue']['flags']>), out);
    case 'announce': {
      const values = parsed.values as FlagValues<(typeof COMMANDS)['announce']['flags']>;
      return runAnnounce(apiTarget(values), { text: positionals[0]!, lang: values.lang, priority: values.priority, repeat: values.repeat }, out);
    }
    case 'emergency': {
      const values = parsed.values as FlagValues<(typeof COMMANDS)['emergency']['flags']>;
      return runEmergency(apiTarget(values), { text: positionals[0], level: values.level, template: values.template, clear: values.clear === true }, out);
    }
    case 'admin-password':
      return runAdminPassword(stateDirOf(parsed.values as FlagValues<(typeof COMMANDS)['admin-password']['flags']>), secret, out);
    case 'install-service': {
      const values = parsed.values as FlagValues<(typeof COMMANDS)['install-service']['flags']>;
      return installService(
        { user: values.user, display: values.display, cage: values.cage === true, playlists: values.playlists, state: values.state, port: Number(values.port), unitDir: values['unit-dir'] },
        out,
      );
    }
    case 'uninstall-service':
      return uninstallService((parsed.values as FlagValues<(typeof COMMANDS)['uninstall-service']['flags']>)['unit-dir'], out);
    case 'doctor': {
      const values = parsed.values as FlagValues<(typeof COMMANDS)['doctor']['flags']>;
      return runDoctor(
        { browser: values.browser, playlists: values.playlists, assets: values.assets, state: stateDirOf(values), host: values.host, port: Number(values.port), display: values.display },
        out,
      );
    }
    case 'logs': {
      const values = parsed.values as FlagValues<(typeof COMMANDS)['logs']['flags']>;
      return runLogs(
        {
          stateDir: stateDirOf(values),
          since: values.since,
          follow: values.follow === true,
          chromium: values.chromium === true,
          level: values.level,
          json: values.json === true,
          colors: process.stdout.isTTY === true,
          now: now(),
          stopped: new Promise<void>((done) => {
            process.once('SIGINT', () => done());
            process.once('SIGTERM', () => done());
          }),
        },
        out,
      );
    }
    case 'plan-call':
      return runPlanCall(positionals[0]!, positionals[1]!, (parsed.values as FlagValues<(typeof COMMANDS)['plan-call']['flags']>).lang, out);
  }
}

/** `serve`, and `kiosk` (serve's flags and the browser's): runs until SIGINT or SIGTERM. */
async function serve(command: 'serve' | 'kiosk', values: Partial<FlagValues<(typeof COMMANDS)['kiosk']['flags']>>, out: Output): Promise<number> {
  const options: ServeOptions = {
    port: Number(values.port),
    bindAddress: values.host!,
    playlists: values.playlists,
    assets: values.assets,
    state: values.state,
    token: values.token,
    at: values.at,
    adminMaxUploadMb: values['admin-max-upload-mb'],
  };
  // Checked before the browser starts, so a refused start never flashes a kiosk window.
  const plan = planServe(options);
  let host: Awaited<ReturnType<typeof startServe>>['host'] | null = null;
  const playerLog = openPlayerLog({
    level: logLevelOf(values['log-level'], process.env.HALLCAST_LOG_LEVEL),
    stateDir: plan.stateDir,
    pretty: process.stdout.isTTY === true,
    health: () => host?.health ?? null,
  });
  // The kiosk's browser is the one screen this player can take pictures of; `serve` alone has none.
  const screens = command === 'kiosk' ? createScreenCaptures({ clock: systemClock, timers: systemTimers }) : undefined;
  // The browser starts before the player has loaded, on a boot page (see kiosk.ts).
  const kiosk = screens ? openKiosk({ ...options, browser: values.browser!, windowSize: values['window-size'], display: values.display!, screens }, out, playerLog.log) : null;
  // The kiosk cannot run here (no display) and said why.
  if (command === 'kiosk' && !kiosk) return 1;
  let running: Awaited<ReturnType<typeof startServe>>;
  try {
    running = await startServe(plan, out, playerLog, screens);
  } catch (error) {
    kiosk?.stop();
    playerLog.close();
    throw error;
  }
  host = running.host;
  kiosk?.playerAt(running.url, running.host);
  // The picture watchdog's last rung: the record of whole-player restarts, read back into health.
  const restarts = openPlayerRestarts({
    stateDir: plan.stateDir,
    supervisor: supervisorOf(process.env),
    now: Date.now,
    log: (message) => playerLog.log.warn(message, { source: 'watchdog' }),
    ...restartCapInTestBuild(),
  });
  restarts.report(running.host.health);
  const stopLoopWatch = watchEventLoop({ health: running.host.health, timers: systemTimers, clock: systemClock });
  // Under a systemd unit (hallcast install-service): ready now, and alive for as long as this loop turns.
  const stopNotify = startWatchdogNotify({
    env: process.env,
    send: systemdNotify,
    every: (ms, run) => {
      const timer = setInterval(run, ms);
      return () => clearInterval(timer);
    },
    warn: (message) => out.stderr(`hallcast ${command}: ${message}`),
  });
  hangOnSignalInTestBuild();
  return await new Promise<number>((done) => {
    const stop = (code: number): void => {
      stopNotify();
      stopLoopWatch();
      kiosk?.stop();
      void running.close().then(() => {
        playerLog.close();
        done(code);
      });
    };
    process.once('SIGINT', () => stop(0));
    process.once('SIGTERM', () => stop(0));
    // The kiosk's browser cannot start (it said why): a kiosk without a picture is a failure.
    kiosk?.onGaveUp(() => stop(1));
    // Reloads and browser restarts did not bring the display back: exit for the supervisor to start the player whole again.
    kiosk?.onLadderSpent((why) => {
      void restarts.spent(why, running.host.health).then((restart) => {
        if (restart) stop(PICTURE_LOST_EXIT);
      });
    });
  });
}

/** --log-level, else HALLCAST_LOG_LEVEL, else info; a wrong value in either is a usage error naming it. */
function logLevelOf(flag: string | undefined, env: string | undefined): LogLevel {
  if (flag !== undefined && isLogLevel(flag)) return flag;
  if (env === undefined || env === '') return 'info';
  if (isLogLevel(env)) return env;
  throw new UsageError(`HALLCAST_LOG_LEVEL=${env}: use ${LOG_LEVELS.slice(0, -1).join(', ')} or ${LOG_LEVELS.at(-1)} (or unset it: info)`);
}

declare const HALLCAST_TEST_HOOKS: boolean | undefined;

/**
 * The test build only: HALLCAST_TEST_RESTART_CAP (JSON {maxRestarts, windowMs}) sets the cap on
 * whole-player restarts (e2e/faults/picture-watchdog.spec.ts). The production bundle reads nothing.
 */
function restartCapInTestBuild(): { tuning?: { maxRestarts: number; windowMs: number } } {
  if (typeof HALLCAST_TEST_HOOKS === 'undefined' || !HALLCAST_TEST_HOOKS || !process.env.HALLCAST_TEST_RESTART_CAP) return {};
  return { tuning: JSON.parse(process.env.HALLCAST_TEST_RESTART_CAP) as { maxRestarts: number; windowMs: number } };
}

/**
 * The test build only (scripts/build.mjs --test-hooks): SIGUSR2 blocks the event loop for 20 s, so
 * a test can see the watchdog notifications stop. The production bundle has no such handler.
 */
function hangOnSignalInTestBuild(): void {
  if (typeof HALLCAST_TEST_HOOKS === 'undefined' || !HALLCAST_TEST_HOOKS) return;
  process.on('SIGUSR2', () => {
    const until = Date.now() + 20_000;
    while (Date.now() < until);
  });
}
