import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kioskArgs, superviseKiosk } from './kiosk-supervisor.js';

class FakeChild extends EventEmitter {
  killed = false;
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

function harness() {
  let now = 0;
  const children: FakeChild[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  const logs: string[] = [];
  const deps = {
    spawn: (_command: string, _args: string[]) => {
      const child = new FakeChild();
      children.push(child);
      return child as unknown as ChildProcess;
    },
    setTimer: (fn: () => void, ms: number) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => void timers.splice(timers.indexOf(timer), 1);
    },
    now: () => now,
    log: (m: string) => logs.push(m),
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { deps, children, logs, advance };
}

const options = { browser: '/usr/bin/chromium', url: 'http://127.0.0.1:8080/', profileDir: '/tmp/p', noSandbox: false };

describe('kiosk supervisor', () => {
  it('starts Chromium in kiosk mode with autoplay, no translate bar, no first-run, no background networking', () => {
    const args = kioskArgs(options);
    for (const flag of ['--kiosk', '--autoplay-policy=no-user-gesture-required', '--disable-features=Translate', '--no-first-run', '--disable-background-networking']) {
      expect(args).toContain(flag);
    }
    expect(args.at(-1)).toBe('--app=http://127.0.0.1:8080/');
    expect(args).not.toContain('--no-sandbox');
    expect(kioskArgs({ ...options, noSandbox: true })).toContain('--no-sandbox');
    expect(kioskArgs({ ...options, windowSize: '1080x1920' })).toEqual(expect.arrayContaining(['--window-position=0,0', '--window-size=1080,1920']));
    expect(() => kioskArgs({ ...options, windowSize: 'big' })).toThrow('--window-size "big": write WIDTHxHEIGHT, e.g. 1920x1080');
  });

  it('restarts a browser that dies, backing off, and resets after a good run', () => {
    const { deps, children, logs, advance } = harness();
    superviseKiosk(options, deps);
    expect(children.length).toBe(1);
    children[0]!.emit('exit', null, 'SIGSEGV');
    expect(logs[0]).toBe('kiosk browser exited (SIGSEGV); starting it again in 1 s');
    advance(1000);
    expect(children.length).toBe(2);
    children[1]!.emit('exit', 1, null);
    advance(1999);
    expect(children.length).toBe(2);
    advance(1);
    expect(children.length).toBe(3);
    advance(120_000); // ran two minutes: the next crash restarts after 1 s again
    children[2]!.emit('exit', 0, null);
    advance(1000);
    expect(children.length).toBe(4);
  });

  it('stops for good when asked', () => {
    const { deps, children, advance } = harness();
    const supervisor = superviseKiosk(options, deps);
    supervisor.stop();
    expect(children[0]!.killed).toBe(true);
    children[0]!.emit('exit', null, 'SIGTERM');
    advance(60_000);
    expect(children.length).toBe(1);
  });
});
