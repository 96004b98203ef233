/**
 * Runs `hallcast serve` as a child process and waits for the address it prints; shared by the
 * e2e fixtures and the benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `args`: everything after `hallcast serve`; `--port 0` is added unless a port is given. `env`:
 * added to this process's environment (e.g. HALLCAST_ADMIN_PASSWORD).
 */
export async function startServeProcess(args: string[], onStderr?: (text: string) => void, env: Record<string, string> = {}): Promise<ServeProcess> {
  const full = ['bin/hallcast.js', 'serve', ...(args.includes('--port') ? [] : ['--port', '0']), ...args];
  const child = spawn(process.execPath, full, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stderr!.on('data', (chunk: Buffer) => onStderr?.(String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = / at (http:\/\/\S+\/) /.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`hallcast serve exited (${code}): ${out}`)));
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      // A player that does not stop within 5 s is a bug (a hall PC's shutdown would wait on it):
      // kill it, so the run goes on, and fail the test that started it.
      let hung = false;
      const timer = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, 5000);
      await exited;
      clearTimeout(timer);
      if (hung) throw new Error('hallcast serve did not stop within 5 s of SIGTERM (killed)');
    },
  };
}
