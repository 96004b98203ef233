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

/**
 * The renderer process that runs `page` (among the Chromium processes under `ancestorPid`, e.g. the
 * browser or this Node process): the one whose memory grows by the MARK the page takes.
 */
export async function rendererOf(page: Page, ancestorPid: number): Promise<number> {
  return rendererMarked((expression) => page.evaluate(expression), ancestorPid);
}

const MARK_MB = 192;

/**
 * The renderer process (under `ancestorPid`) whose resident memory grows by 192 MB while `evaluate`
 * makes its page hold (and touch) that much, then lets it go. CPU time was the mark until CI ran
 * another renderer nearly as busy as the spinning page (401 against 304 ticks over eight spins); no
 * other renderer takes 192 MB in the same moment. `exclude`: renderers known to run other pages.
 */
export async function rendererMarked(evaluate: (expression: string) => Promise<unknown>, ancestorPid: number, exclude: readonly number[] = []): Promise<number> {
  const renderers = chromiumTree(ancestorPid)
    .filter((p) => p.type === 'renderer' && !exclude.includes(p.pid))
    .map((p) => p.pid);
  const before = new Map(renderers.map((pid) => [pid, rss(pid)]));
  await evaluate(`globalThis.__hallcastMark = new Uint8Array(${MARK_MB} * 1024 * 1024).fill(7); 0`);
  const grown = renderers.map((pid) => ({ pid, mb: Math.round((rss(pid) - before.get(pid)!) / 2 ** 20) })).sort((a, b) => b.mb - a.mb);
  // Detaching the buffer frees its (directly mapped) memory now, not at some later collection.
  await evaluate('globalThis.__hallcastMark.buffer.transfer(0); delete globalThis.__hallcastMark; 0');
  const marked = grown.filter((g) => g.mb >= 0.75 * MARK_MB);
  if (marked.length === 1) return marked[0]!.pid;
  throw new Error(`could not tell which renderer runs the page: resident MB grown while it held ${MARK_MB} MB ${JSON.stringify(grown)}`);
}
