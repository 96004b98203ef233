/**
 * Chromium's processes as Linux sees them, for memory figures of one page (bench/soak, the
 * pictures e2e): the browser's children by `--type=` and the renderer that runs a given page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

function procField(pid: number, file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
/** VmRSS of a process, bytes (NaN once it is gone). */
export const rss = (pid: number): number => procField(pid, 'status', 'VmRSS');
/** PSS of a process (its share of shared pages), bytes. */
export const pss = (pid: number): number => procField(pid, 'smaps_rollup', 'Pss');

export function parentOf(pid: number): number {
  try {
    return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Chromium processes descended from `root`, with their `--type=`. */
export function chromiumTree(root: number): { pid: number; type: string }[] {
  const out: { pid: number; type: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let up = pid;
    for (let hops = 0; up > 1 && hops < 10; hops++) {
      up = parentOf(up);
      if (up === root) break;
    }
    if (up !== root) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      // Chromium rewrites its children's argv into one space-separated string.
      if (!cmd[0]?.includes('chrom')) continue;
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      out.push({ pid, type });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

const cpuTicks = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};

/**
 * The renderer process that runs `page` (among the Chromium processes under `ancestorPid`, e.g. the
 * browser or this Node process): the one whose CPU time grows while the page spins.
 */
export async function rendererOf(page: Page, ancestorPid: number): Promise<number> {
  return rendererSpinning(() => page.evaluate(SPIN), ancestorPid);
}

/** Busy for 600 ms in a page. */
export const SPIN = 'for (const end = performance.now() + 600; performance.now() < end; );';

/** The renderer process (under `ancestorPid`) whose CPU time grows while `spin` runs the page's SPIN. */
export async function rendererSpinning(spin: () => Promise<unknown>, ancestorPid: number, exclude: readonly number[] = []): Promise<number> {
  // `exclude`: renderers already known to run other pages (a page playing video can out-spin the spinner on a loaded machine).
  const renderers = chromiumTree(ancestorPid)
    .filter((p) => p.type === 'renderer' && !exclude.includes(p.pid))
    .map((p) => p.pid);
  // A machine loaded by other work may give the spinning page too few ticks to stand out, and
  // another renderer may be busy during one spin (seen in CI: 59 against 48 ticks): spin again and
  // judge the ticks summed over the spins, which only the spinning page earns every time.
  const sums = new Map(renderers.map((pid) => [pid, 0]));
  let grown: { pid: number; d: number }[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const before = new Map(renderers.map((pid) => [pid, cpuTicks(pid)]));
    await spin();
    for (const pid of renderers) sums.set(pid, sums.get(pid)! + cpuTicks(pid) - before.get(pid)!);
    grown = [...sums].map(([pid, d]) => ({ pid, d })).sort((a, b) => b.d - a.d);
    if (grown[0] && grown[0].d >= 10 * (attempt + 1) && grown[0].d >= 1.5 * (grown[1]?.d ?? 0)) return grown[0].pid;
  }
  throw new Error(`could not tell which renderer runs the page: CPU ticks while it spun ${JSON.stringify(grown)}`);
}
