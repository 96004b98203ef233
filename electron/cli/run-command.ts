/** The real CommandRunner (screen-power.ts): execFile with a timeout, the stderr's end in the error. */
import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CommandRunner, PlatformProbe } from './screen-power.js';

export const runCommand: CommandRunner = (command, args, options) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { env: options.env, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve({ stderr: String(stderr) });
      const why = error.killed ? `no answer within ${options.timeoutMs} ms` : String(stderr).trim().split('\n').slice(-2).join(' ') || error.message;
      reject(new Error(`${command} ${args.join(' ')}: ${why}`));
    });
  });

export const systemProbe: PlatformProbe = {
  hasCommand(command) {
    return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
      try {
        accessSync(path.join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  },
  cecDevices() {
    try {
      return readdirSync('/dev').filter((name) => /^cec\d+$/.test(name)).map((name) => `/dev/${name}`).sort();
    } catch {
      return [];
    }
  },
};
