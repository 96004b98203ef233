import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { followLines, logFiles, readLines } from './log-reader.js';
import { openRotatingLog } from './rotating-log.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tempLog(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'hallcast-reader-'));
  return path.join(dir, 'player.log');
}

/** A follower whose ticks the test runs. */
function manualRepeat() {
  let tick: (() => void) | null = null;
  return { repeat: (_ms: number, run: () => void) => ((tick = run), () => (tick = null)), tick: () => tick?.() };
}

describe('reading a rotating log back', () => {
  it('lists the rotated files oldest first, the current one last, numbers read as numbers', () => {
    const file = tempLog();
    for (const name of ['player.log', 'player.log.1', 'player.log.2', 'player.log.10', 'player.log.x', 'other.log.1']) writeFileSync(path.join(dir, name), '');
    expect(logFiles(file).map((f) => path.basename(f))).toEqual(['player.log.10', 'player.log.2', 'player.log.1', 'player.log']);
    expect(logFiles(path.join(dir, 'missing', 'player.log'))).toEqual([]);
  });

  it('reads every line across rotations in the order written, none twice', () => {
    const file = tempLog();
    const log = openRotatingLog(file, { maxBytes: 64, files: 4 });
    for (let n = 0; n < 12; n++) log.write(`line ${n}\n`);
    log.close();
    expect(logFiles(file).length).toBeGreaterThan(1);
    const lines: string[] = [];
    readLines(logFiles(file), (line) => lines.push(line));
    // 4 files of 64 bytes keep the newest lines; whatever is kept is in order, without a gap.
    const kept = lines.map((l) => Number(l.split(' ')[1]));
    expect(kept.at(-1)).toBe(11);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 12 - kept.length + i));
  });

  it('follows new lines, through a rotation, losing none and repeating none', () => {
    const file = tempLog();
    const log = openRotatingLog(file, { maxBytes: 40, files: 5 });
    log.write('before 1\nbefore 2\n');
    const lines: string[] = [];
    const clock = manualRepeat();
    const follower = followLines(file, (line) => lines.push(line), { every: 250, repeat: clock.repeat });
    expect(lines).toEqual(['before 1', 'before 2']);
    // A rotation between two looks: the lines the file got before it was renamed away are read too.
    for (let n = 1; n <= 6; n++) log.write(`after ${n}\n`);
    clock.tick();
    log.write('after 7\n');
    clock.tick();
    clock.tick();
    follower.stop();
    log.close();
    expect(logFiles(file).length).toBe(2);
    expect(lines).toEqual(['before 1', 'before 2', ...Array.from({ length: 7 }, (_, i) => `after ${i + 1}`)]);
  });

  it('waits for a log that is not there yet, and gives a line only once it is whole', () => {
    const file = tempLog();
    const lines: string[] = [];
    const clock = manualRepeat();
    const follower = followLines(file, (line) => lines.push(line), { every: 250, repeat: clock.repeat });
    clock.tick();
    appendFileSync(file, '{"msg":"half');
    clock.tick();
    expect(lines).toEqual([]);
    appendFileSync(file, ' and whole"}\n');
    clock.tick();
    follower.stop();
    expect(lines).toEqual(['{"msg":"half and whole"}']);
  });
});
