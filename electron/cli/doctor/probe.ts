/**
 * What the doctor asks of the machine, behind one interface so the checks can be tested with a
 * made-up machine. Every command runs with a timeout: a hung X server or browser must not hang
 * the doctor.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunResult {
  /** null: it could not be started (not installed). */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface DoctorProbe {
  env: NodeJS.ProcessEnv;
  nodeVersion: string;
  run(command: string, args: string[], timeoutMs: number): Promise<RunResult>;
  readText(file: string): string | null;
  executable(file: string): boolean;
  /** Creates the folder if need be, writes and removes a file in it; the error's message, or null. */
  writable(dir: string): string | null;
  /** Free bytes on the file system holding `dir`, or null. */
  freeBytes(dir: string): number | null;
  /** Whether host:port can be listened on now; the error code when not. */
  canListen(host: string, port: number): Promise<string | null>;
  /** GET url → its status, or the error's code/message. */
  get(url: string, timeoutMs: number): Promise<{ status: number; body: string } | { error: string }>;
}

export const machineProbe: DoctorProbe = {
  env: process.env,
  nodeVersion: process.versions.node,
  run: (command, args, timeoutMs) =>
    new Promise((resolve) => {
      execFile(command, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, env: process.env }, (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
        if (e && e.code === 'ENOENT') return resolve({ code: null, stdout: '', stderr: '', timedOut: false });
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout: String(stdout), stderr: String(stderr), timedOut: Boolean(e?.killed) });
      });
    }),
  readText(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  executable(file) {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  writable(dir) {
    try {
      mkdirSync(dir, { recursive: true });
      const probe = path.join(dir, `.doctor-${process.pid}`);
      writeFileSync(probe, 'ok');
      rmSync(probe);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  },
  freeBytes(dir) {
    try {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    } catch {
      return null;
    }
  },
  canListen: (host, port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      server.listen(port, host, () => server.close(() => resolve(null)));
    }),
  async get(url, timeoutMs) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, body: (await response.text()).slice(0, 4096) };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { error: cause?.code ?? (error as Error).message };
    }
  },
};
