/** The shell's log: one JSON line per event, like the host's, for journald or a log file. */
import type { Log } from '../core/scheduler/ports.js';

const line = (level: string, message: string, fields?: Record<string, unknown>): string =>
  JSON.stringify({ level, time: new Date().toISOString(), source: 'electron', message, ...fields });

export const consoleLog: Log = {
  info: (message, fields) => console.log(line('info', message, fields)),
  warn: (message, fields) => console.warn(line('warn', message, fields)),
};
