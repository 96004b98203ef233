/**
 * The console's password, kept only as a scrypt hash: a random salt and the cost parameters are
 * stored with it, so a later release can raise the cost without breaking the stored hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordHash {
  algorithm: 'scrypt';
  /** CPU/memory cost (a power of two), block size and parallelism. */
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** ~32 MiB and ~0.1 s per sign-in on the player's small CPU: dear for a guesser, cheap for a manager. */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
export const MIN_PASSWORD_LENGTH = 8;
/** Longer input is refused before hashing: nobody types this much, and it would only cost CPU. */
export const MAX_PASSWORD_LENGTH = 1024;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** Why a new password is refused, or null when it will do. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `the password is ${length} character${length === 1 ? '' : 's'} long: give at least ${MIN_PASSWORD_LENGTH} (a long random token works too)`;
  }
  if (length > MAX_PASSWORD_LENGTH) return `the password is over ${MAX_PASSWORD_LENGTH} characters: give a shorter one`;
  return null;
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const given = await derive(password, Buffer.from(stored.salt, 'base64'), stored, expected.length);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A stored hash is only used when its parameters are sane: a hand-edited N = 2^40 must not hang sign-in. */
export function isPasswordHash(value: unknown): value is PasswordHash {
  const v = value as Partial<PasswordHash> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.algorithm === 'scrypt' &&
    Number.isInteger(v.N) &&
    v.N! >= 2 &&
    v.N! <= 2 ** 20 &&
    (v.N! & (v.N! - 1)) === 0 &&
    Number.isInteger(v.r) &&
    v.r! >= 1 &&
    v.r! <= 32 &&
    Number.isInteger(v.p) &&
    v.p! >= 1 &&
    v.p! <= 16 &&
    typeof v.salt === 'string' &&
    typeof v.hash === 'string' &&
    Buffer.from(v.hash, 'base64').length >= 16
  );
}

function derive(password: string, salt: Buffer, cost: ScryptCost, bytes = KEY_BYTES): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, bytes, options, (error, key) => (error ? reject(error) : resolve(key))));
}
