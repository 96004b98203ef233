/**
 * A browser left over from an earlier player (killed before it could end its browser, or started
 * by an older version) still holds the kiosk's profile. Chromium would hand our launch to it — it
 * opens one more window and our browser exits with code 0 at once — so the wall fills with windows
 * while nothing watches any of them. Chromium names the holder in the profile's `SingletonLock`
 * symlink (`HOSTNAME-PID`); a holder that is alive, on this machine, and a browser on this very
 * profile is ended (its whole process group) before the kiosk launches its own.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GONE_WITHIN_MS = 5_000;

/** The pid holding `profileDir`, when it is a live browser process on this machine; else null. */
export function profileHolder(profileDir: string, readLink = readlinkSync, readProc = (file: string) => readFileSync(file, 'latin1'), hostname = os.hostname()): number | null {
  let target: string;
  try {
    target = readLink(path.join(profileDir, 'SingletonLock'));
  } catch {
    return null;
  }
  const match = /^(.*)-(\d+)$/.exec(target);
  if (!match || match[1] !== hostname) return null;
  const pid = Number(match[2]);
  if (pid === process.pid) return null;
  try {
    // A dead pid may since have been given to another program: only a browser on this profile counts.
    // Chromium's children rewrite their title (arguments joined by spaces); the browser keeps NULs.
    const cmdline = ` ${readProc(`/proc/${pid}/cmdline`).replace(/\0/g, ' ')} `;
    if (!cmdline.includes(` --user-data-dir=${profileDir} `)) return null;
    if (/^Z/.test(readProc(`/proc/${pid}/stat`).replace(/^.*\) /s, ''))) return null;
  } catch {
    return null;
  }
  return pid;
}

/** The process group to kill with `pid` (its own group when it leads one, else just `pid`). */
function groupOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').replace(/^.*\) /s, '').split(' ');
    const pgid = Number(fields[2]);
    return pgid === pid ? -pid : pid;
  } catch {
    return pid;
  }
}

/**
 * Ends a stale browser on `profileDir`, if any, and waits (at most 5 s) until it is gone. Returns
 * the pid it ended, or null.
 */
export async function endStaleBrowser(profileDir: string, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<number | null> {
  const pid = profileHolder(profileDir);
  if (pid === null) return null;
  try {
    process.kill(groupOf(pid), 'SIGKILL');
  } catch {
    return pid;
  }
  for (let waited = 0; waited < GONE_WITHIN_MS && profileHolder(profileDir) === pid; waited += 100) await sleep(100);
  return pid;
}
