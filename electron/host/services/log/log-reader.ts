/**
 * Reading a rotating log (rotating-log.ts) back: its files oldest first (`NAME.19` … `NAME.1`,
 * then `NAME`), line by line, and — for `hallcast logs --follow` — the lines written after that,
 * through rotations: the file being read is held open, so when it is renamed to `NAME.1` its
 * last lines are still read before the new `NAME` is begun.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** `file` and its rotated copies, oldest first; those that are not there are left out. */
export function logFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const rotated = names
    .map((name) => ({ name, n: name.startsWith(`${base}.`) ? Number(name.slice(base.length + 1)) : NaN }))
    .filter(({ n }) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b.n - a.n)
    .map(({ name }) => path.join(dir, name));
  return names.includes(base) ? [...rotated, file] : rotated;
}

/** Which file `file` names now; null when none. */
function inodeOf(file: string): number | null {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
}

/** When `file` was last written; null when it is not there. */
export function modifiedAt(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

const CHUNK = 64 * 1024;

/** Whole lines from `fd` at `position` on; a line still being written waits in `partial`. */
class LineReader {
  private partial = '';
  constructor(
    readonly fd: number,
    private position = 0,
  ) {}

  /** Reads to the end, calling `line` for each whole line. */
  drain(line: (text: string) => void): void {
    const buffer = Buffer.alloc(CHUNK);
    for (;;) {
      const got = readSync(this.fd, buffer, 0, CHUNK, this.position);
      if (got <= 0) return;
      this.position += got;
      const pieces = (this.partial + buffer.toString('utf8', 0, got)).split('\n');
      this.partial = pieces.pop()!;
      for (const piece of pieces) line(piece);
    }
  }

  /** A file cut back under us (not our rotating log, but an operator's `truncate`): start again. */
  restartIfShrunk(): void {
    if (fstatSync(this.fd).size < this.position) {
      this.position = 0;
      this.partial = '';
    }
  }

  /** A last line without its newline, at the end of a file that will not grow any more. */
  rest(line: (text: string) => void): void {
    if (this.partial) line(this.partial);
    this.partial = '';
  }
}

/** Every line of `files` in order. */
export function readLines(files: readonly string[], line: (text: string) => void): void {
  for (const file of files) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      // Rotated away between the listing and now: its lines are in the next name.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    try {
      const reader = new LineReader(fd);
      reader.drain(line);
      reader.rest(line);
    } finally {
      closeSync(fd);
    }
  }
}

export interface Follower {
  stop(): void;
}

export interface FollowOptions {
  /** How often the file is looked at (ms). */
  every: number;
  /** Runs `tick` every `ms` until the returned function is called. */
  repeat?: (ms: number, tick: () => void) => () => void;
}

/**
 * The rotated copies of `file` and then `file` itself, and what is written to it from then on,
 * line by line, until stop().
 */
export function followLines(file: string, line: (text: string) => void, options: FollowOptions): Follower {
  const repeat =
    options.repeat ??
    ((ms: number, tick: () => void) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    });
  readLines(
    logFiles(file).filter((f) => f !== file),
    line,
  );
  let reader: LineReader | null = null;
  const openCurrent = (): void => {
    try {
      reader = new LineReader(openSync(file, 'r'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  const tick = (): void => {
    if (!reader) openCurrent();
    if (!reader) return;
    const current: LineReader = reader;
    current.restartIfShrunk();
    current.drain(line);
    // Rotated: `file` is now another file. What the old one got before the rename is read (above)
    // and its last unfinished line given, then the new one is read from its start.
    if (inodeOf(file) !== fstatSync(current.fd).ino) {
      current.drain(line);
      current.rest(line);
      closeSync(current.fd);
      reader = null;
      openCurrent();
      if (reader) (reader as LineReader).drain(line);
    }
  };
  tick();
  const stopRepeat = repeat(options.every, tick);
  return {
    stop() {
      stopRepeat();
      if (reader) closeSync(reader.fd);
      reader = null;
    },
  };
}
