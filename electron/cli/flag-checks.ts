/**
 * What a flag's value must look like, checked before a command runs: each check returns what to
 * write instead ("give a port number 0-65535, e.g. 8080"), or null when the value will do. Checks
 * that need the disk or the network (a folder exists, a port is free) are not here: those fail
 * at run time, with exit 1.
 */
import { parseTimeInput } from '../host/domain/time/hall-time.js';
import { isDisplayId } from '../contract/display-id.js';
import { parseSince, SINCE_FIX } from './log-since.js';

export type FlagCheck = (value: string) => string | null;

export const portNumber: FlagCheck = (value) =>
  /^\d{1,5}$/.test(value) && Number(value) <= 65_535 ? null : 'give a port number 0-65535, e.g. 8080 (0: any free port)';

export const windowSize: FlagCheck = (value) => {
  const size = /^(\d{1,5})x(\d{1,5})$/.exec(value);
  return size && Number(size[1]) > 0 && Number(size[2]) > 0 ? null : 'write WIDTHxHEIGHT in pixels, e.g. 1920x1080';
};

/** The console's largest upload; the server takes sizes up to 64 GB. */
export const megabytes: FlagCheck = (value) => {
  const mb = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return mb > 0 && mb <= 65_536 ? null : 'give a size in MB from 1 to 65536, e.g. 2048';
};

export const wholeNumber =
  (min: number, max: number, example: number): FlagCheck =>
  (value) =>
    /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? null : `give a whole number ${min}-${max}, e.g. ${example}`;

export const oneOf =
  (choices: readonly string[]): FlagCheck =>
  (value) =>
    choices.includes(value) ? null : `use ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;

export const nonEmpty =
  (what: string): FlagCheck =>
  (value) =>
    value.trim() === '' ? `give ${what}; an empty value is not one` : null;

/** A player's address: the CLI's requests go to http(s) only. */
export const playerAddress: FlagCheck = (value) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "give the player's address, e.g. http://127.0.0.1:8080/";
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'give an http:// or https:// address, e.g. http://127.0.0.1:8080/';
};

/** A date and time, with or without an offset (without one it is the hall's time: hall-time.ts). */
export const hallTime: FlagCheck = (value) =>
  parseTimeInput(value) ? null : "give a date and time, e.g. 2026-12-01T10:17 (the hall's time) or 2026-12-01T10:17+08:00";

/** A display's id (electron/contract/display-id.ts): it goes into URLs and file names as it is. */
export const displayId: FlagCheck = (value) =>
  isDisplayId(value) ? null : "not a display id — use 1–40 of a–z, 0–9 and '-', starting with a letter or digit, e.g. counter-5";

/** `hallcast logs --since`: a span back from now or a time (log-since.ts). */
export const sinceTime: FlagCheck = (value) => (parseSince(value, Date.now()) === null ? SINCE_FIX : null);
