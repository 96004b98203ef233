/** The player's log: one JSON line per event on stdout/stderr, for journald or a log file. */
import type { Log } from '../../ports.js';

export function jsonLog(source?: string): Log {
  const line = (level: string, message: string, fields?: Record<string, unknown>): string =>
    JSON.stringify({ level, time: new Date().toISOString(), ...(source ? { source } : {}), message, ...fields });
  return {
    info: (message, fields) => console.log(line('info', message, fields)),
    warn: (message, fields) => console.warn(line('warn', message, fields)),
  };
}
