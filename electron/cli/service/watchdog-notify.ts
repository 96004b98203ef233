/**
 * Tells systemd the player is up (READY=1) and alive (WATCHDOG=1 at half the unit's WatchdogSec),
 * when it runs under a unit with `Type=notify` ($NOTIFY_SOCKET set). The notifications go from the
 * player's own timer: a hung event loop sends none, and systemd restarts it.
 *
 * Node has no Unix datagram sockets; `systemd-notify` (part of systemd, on every machine that has
 * the unit) sends them, with NotifyAccess=all in the unit.
 */
import { spawn } from 'node:child_process';

export interface NotifyDeps {
  env: NodeJS.ProcessEnv;
  /** Sends one notification; a failure is logged once by the caller. */
  send(assignments: string[]): Promise<void>;
  every(ms: number, run: () => void): () => void;
  warn(message: string): void;
}

export function systemdNotify(assignments: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('systemd-notify', [`--pid=${process.pid}`, ...assignments], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 5_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(stderr.trim() || `systemd-notify exited ${code}`))));
  });
}

/** Starts the notifications if systemd asked for them; returns the stop function (a no-op otherwise). */
export function startWatchdogNotify(deps: NotifyDeps): () => void {
  if (!deps.env.NOTIFY_SOCKET) return () => {};
  let warned = false;
  const send = (assignments: string[]): void => {
    deps.send(assignments).catch((error: unknown) => {
      if (!warned) deps.warn(`systemd notification failed (${(error as Error).message}); systemd may restart the player`);
      warned = true;
    });
  };
  send(['--ready', `STATUS=playing`]);
  const usec = Number(deps.env.WATCHDOG_USEC);
  if (!Number.isFinite(usec) || usec <= 0) return () => {};
  return deps.every(Math.max(500, Math.floor(usec / 1000 / 2)), () => send(['WATCHDOG=1']));
}
