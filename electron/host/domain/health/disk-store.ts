/**
 * One store on the state disk (a log, a cache, a saved copy) as /api/status → health sees it. A
 * write that fails with a system error (ENOSPC, EDQUOT, EIO, EROFS…) raises a `disk` condition
 * under the store's name, with how much was dropped; the next write that goes through clears it.
 * The player never stops for its disk: the caller drops what it could not keep and plays on.
 */
import type { Health } from './health.js';

export interface DiskStore {
  /** A write went through: a raised condition clears ("resumes when space returns"). */
  wrote(): void;
  /** A write failed with `error` and `dropped` items were lost. What is no system error (a bug) is rethrown. */
  failed(error: unknown, dropped?: number): void;
  /** Items dropped since the player started. */
  dropped(): number;
}

/** Errors of the file system (errno codes such as ENOSPC, EIO), as opposed to Node's own ERR_* and plain bugs. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** `key` names the store in health (e.g. 'proof-of-play'); `unit` what it drops ('records'). */
export function diskStore(health: Health | null | undefined, key: string, unit: string): DiskStore {
  let total = 0;
  let sinceRaised = 0;
  return {
    wrote() {
      if (!health?.isActive('disk', key)) return;
      health.clear('disk', key, `${key}: writing again; ${sinceRaised} ${unit} were dropped while it could not`);
      sinceRaised = 0;
    },
    failed(error, dropped = 1) {
      if (!isSystemError(error)) throw error;
      total += dropped;
      sinceRaised += dropped;
      const code = error.code ?? 'EIO';
      health?.raise('disk', key, `${key}: cannot write (${code}), ${sinceRaised} ${unit} dropped`, { code, dropped: sinceRaised, droppedSinceStart: total });
    },
    dropped: () => total,
  };
}
