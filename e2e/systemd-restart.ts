/**
 * Whether systemd restarts a service that ended a given way, under its unit's `Restart=` — the
 * table of systemd.service(5), "Table 2. Exit causes and the effect of the Restart= settings" —
 * for tests on machines without systemd as PID 1 (ours: a container; booting systemd in a
 * namespace here ran its boot-time tmpfiles clean-up over the real /tmp). A stand-in, named as
 * such: it reads the policy the unit really has, and it restarts the player the way that policy
 * says; it does not prove systemd itself.
 */
export type ExitCause = 'clean-exit' | 'unclean-exit' | 'clean-signal' | 'unclean-signal' | 'timeout' | 'watchdog';

/** systemd's clean signals (besides SuccessExitStatus=): SIGHUP, SIGINT, SIGTERM, SIGPIPE. */
const CLEAN_SIGNALS = new Set(['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGPIPE']);

/** How systemd classes a process's end (exit code 0 and the clean signals are clean). */
export function exitCause(code: number | null, signal: NodeJS.Signals | null, watchdogKilled = false): ExitCause {
  if (watchdogKilled) return 'watchdog';
  if (signal) return CLEAN_SIGNALS.has(signal) ? 'clean-signal' : 'unclean-signal';
  return code === 0 ? 'clean-exit' : 'unclean-exit';
}

const RESTARTS: Record<string, readonly ExitCause[]> = {
  no: [],
  always: ['clean-exit', 'unclean-exit', 'clean-signal', 'unclean-signal', 'timeout', 'watchdog'],
  'on-success': ['clean-exit', 'clean-signal'],
  'on-failure': ['unclean-exit', 'unclean-signal', 'timeout', 'watchdog'],
  'on-abnormal': ['unclean-signal', 'timeout', 'watchdog'],
  'on-abort': ['unclean-signal'],
  'on-watchdog': ['watchdog'],
};

export function systemdRestarts(restart: string, cause: ExitCause): boolean {
  const causes = RESTARTS[restart];
  if (!causes) throw new Error(`Restart=${restart} is not a systemd restart policy`);
  return causes.includes(cause);
}

/** A unit's `[Service]` setting, as written (the last one wins, as in systemd). */
export function unitSetting(unit: string, key: string): string | null {
  const lines = unit.split('\n').filter((l) => l.startsWith(`${key}=`));
  return lines.length ? lines.at(-1)!.slice(key.length + 1) : null;
}
