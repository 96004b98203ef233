/**
 * The browser's life tied to the player's, with real processes: a shell standing in for Chromium
 * starts a child of its own (as Chromium starts zygotes and renderers) in the group it leads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchKioskBrowser, lineTail } from './kiosk-browser.js';

/** Live (non-zombie) processes of process group `pgid`. */
function groupMembers(pgid: number): number[] {
  const members = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'latin1').replace(/^.*\) /s, '').split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return members;
}

async function until(check: () => boolean, withinMs: number): Promise<boolean> {
  for (const end = Date.now() + withinMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

const BROWSER_WITH_CHILD = ['-c', 'sleep 60 & sleep 60; wait'];

describe('the kiosk browser process', () => {
  it('runs in a group of its own, and end() ends the whole group', async () => {
    const browser = launchKioskBrowser('/bin/sh', BROWSER_WITH_CHILD);
    const pgid = browser.pid!;
    expect(await until(() => groupMembers(pgid).length >= 3, 5_000)).toBe(true);
    expect(groupMembers(process.pid === pgid ? -1 : pgid)).not.toContain(process.pid);
    const exited = new Promise<unknown[]>((done) => browser.onExit((...args) => done(args)));
    browser.end();
    expect(await exited).toStrictEqual([null, 'SIGTERM']);
    expect(await until(() => groupMembers(pgid).length === 0, 5_000)).toBe(true);
  });

  it('hands its stderr on as it comes and keeps its last lines, there when its exit is reported', async () => {
    let seen = '';
    // A browser that cannot open its display, after much else (more than a pipe holds, 64 KiB).
    const script = 'seq -f "line %g" 1 30000 >&2; printf "Missing X server or \\$DISPLAY" >&2; exit 1';
    const browser = launchKioskBrowser('/bin/sh', ['-c', script], { stderr: (text) => (seen += text) });
    const exited = await new Promise<unknown[]>((done) => browser.onExit((...args) => done(args)));
    expect(exited).toStrictEqual([1, null]);
    expect(seen.split('\n')).toHaveLength(30_001);
    expect(browser.lastLines()).toHaveLength(20);
    expect(browser.lastLines().slice(-2)).toStrictEqual(['line 30000', 'Missing X server or $DISPLAY']);
  });

  it('takes what the browser started down with it when the browser itself dies', async () => {
    const browser = launchKioskBrowser('/bin/sh', BROWSER_WITH_CHILD);
    const pgid = browser.pid!;
    expect(await until(() => groupMembers(pgid).length >= 3, 5_000)).toBe(true);
    const exited = new Promise((done) => browser.onExit(done));
    process.kill(pgid, 'SIGKILL');
    await exited;
    expect(await until(() => groupMembers(pgid).length === 0, 5_000)).toBe(true);
  });

  // Killed outright, the player runs no handler: the kernel's death signal (setpriv) ends the
  // browser itself, and Chromium's children exit when their browser is gone (the stand-in's
  // `sleep` does not, so only the browser is checked there; e2e/faults/kiosk.spec.ts sees them all go).
  it.each([
    ['throws (an uncaught exception)', (player: ChildProcess) => player.stdin!.end('go\n'), (pgid: number) => groupMembers(pgid).length === 0],
    ['is killed outright (SIGKILL: no handler runs)', (player: ChildProcess) => player.kill('SIGKILL'), (pgid: number) => !groupMembers(pgid).includes(pgid)],
  ])('dies with a player that %s', async (_how, end, gone) => {
    const module = path.join(import.meta.dirname, 'kiosk-browser.ts');
    const script = `import { launchKioskBrowser } from ${JSON.stringify(module)};
const b = launchKioskBrowser('/bin/sh', ${JSON.stringify(BROWSER_WITH_CHILD)});
console.log(b.pid);
process.stdin.once('data', () => { throw new Error('boom'); });`;
    const player = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'ignore'] });
    const pgid = await new Promise<number>((resolve) => player.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    const started = await until(() => groupMembers(pgid).length >= 3, 10_000);
    const exited = new Promise((done) => player.once('exit', done));
    end(player);
    await exited;
    const ended = await until(() => gone(pgid), 5_000);
    for (const pid of groupMembers(pgid)) process.kill(pid, 'SIGKILL');
    expect(started).toBe(true);
    expect(ended).toBe(true);
  });
});

describe('the last lines of a stream', () => {
  it('keeps the last lines whole however the pieces fall, an unfinished last line included', () => {
    const tail = lineTail(3);
    tail.push('one\ntw');
    tail.push('o\nthree\nfo');
    expect(tail.lines()).toStrictEqual(['two', 'three', 'fo']);
    tail.push('ur\n');
    expect(tail.lines()).toStrictEqual(['two', 'three', 'four']);
  });

  it('cuts a line that never ends', () => {
    const tail = lineTail(2);
    for (let n = 0; n < 100; n++) tail.push('x'.repeat(1_000));
    expect(tail.lines()[0]!.length).toBe(4_096);
  });
});
