/**
 * The last rung of the picture watchdog: when reloads and browser restarts cannot bring the
 * display back, the player exits so its supervisor (systemd's Restart=always, or the Electron
 * shell's relaunch) starts it whole again. A setup that is broken for good (no GPU, a screen
 * unplugged) must not turn that into a loop that restarts the player every minute, all day: at most
 * `maxRestarts` in `windowMs`, counted across restarts in a small record in the state folder; past
 * that the player stays up, retries the browser every few minutes, and says in status that the
 * watchdog is capped.
 *
 * Pure: the record is parsed from text and rendered back to text here; the file, the clock and
 * the exit belong to the caller (electron/cli/player-restart-record.ts).
 */

export interface PlayerRestart {
  /** Epoch ms, when the player decided to exit. */
  at: number;
  /** Why, in words, for the log and status. */
  reason: string;
}

export interface RestartCapTuning {
  maxRestarts: number;
  windowMs: number;
}

/** Three whole-player restarts an hour: enough for a GPU hiccup after a driver update, too few to heat a broken PC. */
export const DEFAULT_RESTART_CAP: RestartCapTuning = { maxRestarts: 3, windowMs: 60 * 60_000 };
/** Restarts older than this are dropped from the record (status shows the count the record holds). */
export const KEEP_RESTARTS_MS = 24 * 60 * 60_000;

/** The record as read: `broken` when the file held something else (a truncated write, a hand edit). */
export function parseRestarts(text: string | null): { restarts: PlayerRestart[]; broken: boolean } {
  if (text === null) return { restarts: [], broken: false };
  try {
    const parsed: unknown = JSON.parse(text);
    const list = (parsed as { restarts?: unknown } | null)?.restarts;
    if (!Array.isArray(list)) return { restarts: [], broken: true };
    const restarts = list.filter(
      (r): r is PlayerRestart => typeof r === 'object' && r !== null && Number.isFinite((r as PlayerRestart).at) && typeof (r as PlayerRestart).reason === 'string',
    );
    return { restarts: restarts.map(({ at, reason }) => ({ at, reason })).sort((a, b) => a.at - b.at), broken: restarts.length !== list.length };
  } catch {
    return { restarts: [], broken: true };
  }
}

export function renderRestarts(restarts: PlayerRestart[]): string {
  return `${JSON.stringify({ restarts }, null, 2)}\n`;
}

/** Restarts within the window ending at `now` (a clock stepped back leaves future ones counted: a cap errs on the side of not looping). */
export function recentRestarts(restarts: PlayerRestart[], now: number, tuning: RestartCapTuning): PlayerRestart[] {
  return restarts.filter((r) => r.at > now - tuning.windowMs);
}

export type RestartVerdict =
  | { restart: true; record: PlayerRestart[] }
  /** `since`: when the cap was reached (the restart that filled the window). */
  | { restart: false; since: number };

/** The ladder is spent: restart the player (and the record to write first), or not, past the cap. */
export function restartPlayer(restarts: PlayerRestart[], reason: string, now: number, tuning: RestartCapTuning = DEFAULT_RESTART_CAP): RestartVerdict {
  const since = cappedSince(restarts, now, tuning);
  if (since !== null) return { restart: false, since };
  const kept = restarts.filter((r) => r.at > now - KEEP_RESTARTS_MS);
  return { restart: true, record: [...kept, { at: now, reason }] };
}

/** The cap is reached (the last restart filled the window), and since when; null: a restart is still allowed. */
export function cappedSince(restarts: PlayerRestart[], now: number, tuning: RestartCapTuning = DEFAULT_RESTART_CAP): number | null {
  const recent = recentRestarts(restarts, now, tuning);
  return recent.length >= tuning.maxRestarts ? recent[recent.length - 1]!.at : null;
}
