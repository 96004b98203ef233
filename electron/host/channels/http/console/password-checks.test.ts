import { describe, expect, it } from 'vitest';
import { createPasswordChecks } from './password-checks.js';

/** A check that ends when the test says so, and says when it started. */
function gate() {
  const started: number[] = [];
  const finishers = new Map<number, () => void>();
  const check = (id: number) => () => {
    started.push(id);
    return new Promise<number>((done) => finishers.set(id, () => done(id)));
  };
  return { started, check, finish: (id: number) => finishers.get(id)!() };
}
const tick = () => new Promise((done) => setImmediate(done));

describe('password checks', () => {
  it('runs one at a time, lets four wait in order, and refuses the rest at once without running them', async () => {
    const checks = createPasswordChecks({ running: 1, waiting: 4 });
    const g = gate();
    const turns = [1, 2, 3, 4, 5, 6, 7].map((id) => checks.inTurn(g.check(id)));
    expect(turns.map((t) => t !== null)).toEqual([true, true, true, true, true, false, false]);
    await tick();
    expect(g.started).toEqual([1]);
    g.finish(1);
    expect(await turns[0]).toBe(1);
    await tick();
    expect(g.started).toEqual([1, 2]);
    // A place in the queue is free again.
    expect(checks.inTurn(g.check(8))).not.toBeNull();
    for (const id of [2, 3, 4, 5]) {
      g.finish(id);
      await tick();
    }
    expect(g.started).toEqual([1, 2, 3, 4, 5, 8]);
  });

  it('gives the turn on when a check fails', async () => {
    const checks = createPasswordChecks({ running: 1, waiting: 1 });
    const failing = checks.inTurn(() => Promise.reject(new Error('scrypt: out of memory')));
    const after = checks.inTurn(async () => 'ran');
    await expect(failing).rejects.toThrow('out of memory');
    await expect(after).resolves.toBe('ran');
  });

  it('takes two at once when allowed, never three', async () => {
    const checks = createPasswordChecks({ running: 2, waiting: 8 });
    const g = gate();
    for (const id of [1, 2, 3, 4]) checks.inTurn(g.check(id));
    await tick();
    expect(g.started).toEqual([1, 2]);
    g.finish(2);
    await tick();
    expect(g.started).toEqual([1, 2, 3]);
  });
});
