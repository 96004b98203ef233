/**
 * The last rung of the picture watchdog: when the kiosk's ladder is spent (reloads and browser
 * restarts did not bring the display back), the player exits with PICTURE_LOST_EXIT so that what
 * supervises it starts it whole again — a fresh process, a fresh browser, a fresh X connection.
 * Only when something will (`supervisorOf`): under systemd (the unit sets $INVOCATION_ID and $NOTIFY_SOCKET) or
 * with HALLCAST_SUPERVISED=1 (another supervisor that restarts it on exit). Unsupervised, the
 * player stays up and the kiosk retries every few minutes, as it did before this rung. The
 * Electron shell is its own supervisor: it relaunches the app.
 *
 * The cap (core/recovery/player-restarts.ts: 3 an hour) is counted across restarts in
 * `STATE/player-restarts.json`, written atomically before the exit; a file that cannot be read
 * is an empty record (one line in the log), and one that cannot be written means no exit — an
 * uncounted restart could loop for ever. The record is read back at start into /api/status
 * (health `player-restarts`: how many, and the last one's reason).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Health } from '../../domain/health/health.js';
import { DEFAULT_RESTART_CAP, parseRestarts, recentRestarts, renderRestarts, restartPlayer, type PlayerRestart, type RestartCapTuning } from '../../domain/recovery/player-restarts.js';
import { writeFileAtomic } from '../console/atomic-file.js';

export const RESTART_RECORD = 'player-restarts.json';
/** The player's exit code for "restart me whole": 75 is EX_TEMPFAIL (try again). systemd's Restart=always and the Electron shell's relaunch act on it. */
export const PICTURE_LOST_EXIT = 75;
const HEALTH_KEY = 'picture-watchdog';

/** Who restarts the player when it exits, or null: nobody would (then it must not exit). */
export function supervisorOf(env: NodeJS.ProcessEnv): string | null {
  if (env.HALLCAST_SUPERVISED === '1') return 'HALLCAST_SUPERVISED=1';
  if (env.INVOCATION_ID || env.NOTIFY_SOCKET) return 'systemd';
  return null;
}

export interface PlayerRestartDeps {
  stateDir: string;
  /** Who starts the player again once it exits (supervisorOf, or the Electron shell itself); null: nobody. */
  supervisor: string | null;
  now(): number;
  log(message: string): void;
  tuning?: RestartCapTuning;
  read?(file: string): string | null;
  write?(file: string, text: string): Promise<void>;
}

export interface PlayerRestarts {
  /** The player runs: the recorded restarts go into its health, so they are seen after the restart. */
  report(health: Health): void;
  /** The ladder is spent: true when the player should exit with PICTURE_LOST_EXIT now (the record is written). */
  spent(why: string, health: Health | null): Promise<boolean>;
}

function readRecord(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function openPlayerRestarts(deps: PlayerRestartDeps): PlayerRestarts {
  const file = path.join(deps.stateDir, RESTART_RECORD);
  const tuning = deps.tuning ?? DEFAULT_RESTART_CAP;
  const write =
    deps.write ??
    ((f: string, text: string) => {
      mkdirSync(path.dirname(f), { recursive: true });
      return writeFileAtomic(f, new TextEncoder().encode(text));
    });
  let restarts: PlayerRestart[] = [];
  try {
    const read = parseRestarts((deps.read ?? readRecord)(file));
    restarts = read.restarts;
    if (read.broken) deps.log(`${file} was not a restart record (a truncated write?): read as ${restarts.length} restart(s); it is rewritten at the next one`);
  } catch (error) {
    deps.log(`could not read ${file} (${(error as Error).message}): counting player restarts from none`);
  }
  const supervisor = deps.supervisor;
  let unsupervisedSaid = false;

  return {
    report(health) {
      const last = restarts.at(-1);
      if (!last) return;
      const now = deps.now();
      health.count('player-restarts', 'the player was restarted by its picture watchdog', { reason: last.reason, at: last.at, inLastHour: recentRestarts(restarts, now, tuning).length }, restarts.length);
    },
    async spent(why, health) {
      if (!supervisor) {
        if (!unsupervisedSaid) deps.log(`${why}; not restarting the player: nothing would start it again (no systemd unit, HALLCAST_SUPERVISED unset), so the kiosk keeps retrying every few minutes`);
        unsupervisedSaid = true;
        return false;
      }
      const now = deps.now();
      const verdict = restartPlayer(restarts, why, now, tuning);
      if (!verdict.restart) {
        const message = `the picture watchdog is capped: ${tuning.maxRestarts} player restarts within ${Math.round(tuning.windowMs / 60_000)} min did not bring the display back; the kiosk keeps retrying every few minutes instead`;
        if (!health?.isActive('player-restarts', HEALTH_KEY)) deps.log(`${why}; ${message} (capped since ${new Date(verdict.since).toISOString()})`);
        health?.raise('player-restarts', HEALTH_KEY, message, { since: verdict.since, reason: why });
        return false;
      }
      try {
        await write(file, renderRestarts(verdict.record));
      } catch (error) {
        deps.log(`${why}; not restarting the player: the restart could not be recorded in ${file} (${(error as Error).message}), and an uncounted restart could loop`);
        return false;
      }
      restarts = verdict.record;
      const inHour = recentRestarts(restarts, now, tuning).length;
      health?.count('player-restarts', 'restarting the player: its display cannot be brought back', { reason: why, restart: inHour, of: tuning.maxRestarts, supervisor });
      deps.log(`${why}; restarting the player (exit ${PICTURE_LOST_EXIT} for ${supervisor} to start it again; restart ${inHour} of ${tuning.maxRestarts} within ${Math.round(tuning.windowMs / 60_000)} min)`);
      return true;
    },
  };
}
