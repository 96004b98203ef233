import { describe, expect, it } from 'vitest';
import { runCommand } from './run-command.js';

describe('runCommand (the kiosk\'s screen power commands)', () => {
  it('resolves on exit 0, rejects with the stderr\'s end on a failure, and kills a command past its timeout', async () => {
    await expect(runCommand('sh', ['-c', 'echo said >&2'], { env: process.env, timeoutMs: 5_000 })).resolves.toStrictEqual({ stderr: 'said\n' });
    await expect(runCommand('sh', ['-c', 'echo "xset: unable to open display" >&2; exit 1'], { env: process.env, timeoutMs: 5_000 })).rejects.toThrow('sh -c echo "xset: unable to open display" >&2; exit 1: xset: unable to open display');
    const started = Date.now();
    await expect(runCommand('sleep', ['10'], { env: process.env, timeoutMs: 200 })).rejects.toThrow('sleep 10: no answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(runCommand('no-such-command-hallcast', [], { env: process.env, timeoutMs: 1_000 })).rejects.toThrow('no-such-command-hallcast');
  });
});
