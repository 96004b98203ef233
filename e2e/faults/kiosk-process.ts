/**
 * `hallcast kiosk` as a child process for the fault suite: started with the test's arguments and
 * environment, resolved with the address it prints; its own "hallcast: " lines echoed to the test's
 * output, and everything it said kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { ROOT } from '../serve-process.js';
import type { XScreen } from './x-screen.js';

export interface Kiosk {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  /** Everything it wrote, stdout and stderr as they came (its log's info lines go to stdout, warnings to stderr). */
  said: () => string;
}

/** `args`: everything after `hallcast kiosk`; `env`: the whole environment (DISPLAY included). */
export function spawnKiosk(args: string[], env: NodeJS.ProcessEnv): Promise<Kiosk> {
  const child = spawn(process.execPath, ['bin/hallcast.js', 'kiosk', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  let err = '';
  let all = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk;
    all += chunk;
    for (const line of String(chunk).split('\n')) if (line.startsWith('hallcast: ') || line.includes('"source":"kiosk"')) console.log(`[kiosk] ${line}`);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      all += chunk;
      const match = / at (http:\/\/\S+\/) /.exec(out);
      if (match) resolve({ url: match[1]!, child, stderr: () => err, said: () => all });
    });
    child.once('exit', (code) => reject(new Error(`hallcast kiosk exited (${code}): ${out}${err}`)));
  });
}

/** After a failed test: what the wall showed and what the kiosk said, beside the test's other results. */
export async function keepWhatTheWallShowed(testInfo: TestInfo, screen: XScreen, kiosk: Kiosk | undefined | null): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  try {
    writeFileSync(testInfo.outputPath('x-screen.png'), await screen.grab());
    writeFileSync(testInfo.outputPath('kiosk-stderr.txt'), kiosk?.stderr() ?? '');
  } catch (error) {
    console.log(`could not save the screen: ${String(error)}`);
  }
}

/**
 * Processes whose command line names the kiosk's profile `profileDir`: the browser itself (no
 * --type) and its children. Chromium's children rewrite their title, so their arguments are joined
 * by spaces.
 */
export function profileProcesses(profileDir: string): { pid: number; type: string | null; cmdline: string }[] {
  const found = [];
  const flag = `--user-data-dir=${profileDir}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (!` ${cmdline} `.includes(` ${flag} `)) continue;
    found.push({ pid: Number(entry), type: /(?:^| )--type=(\S+)/.exec(cmdline)?.[1] ?? null, cmdline });
  }
  return found;
}
