/**
 * One JSON log line as one line for a person: local time, level, message, then the record's
 * fields on the same line (`[2026-12-07 14:00:01.250] WARN: clock stepped +3600 s {"health":…}`).
 * The terminal while the player runs and `hallcast logs` both print this.
 */
import { prettyFactory } from 'pino-pretty';

export interface PrettyLineOptions {
  /** Colours, for a terminal. */
  colors: boolean;
  /** The date too (`hallcast logs` spans days; the live terminal does not need it). */
  date: boolean;
}

/** A formatter: a JSON line in, a readable line out ("\n"-ended); a line that is not JSON comes back as it was. */
export function prettyLine(options: PrettyLineOptions): (json: string) => string {
  return prettyFactory({
    colorize: options.colors,
    singleLine: true,
    translateTime: options.date ? 'SYS:yyyy-mm-dd HH:MM:ss.l' : 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
}
