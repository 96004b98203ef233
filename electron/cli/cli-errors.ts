/**
 * The two ways a command fails on purpose, each one line on stderr: the person typed something
 * wrong (exit 2), or the machine would not do it (exit 1: a port in use, a folder missing). Any
 * other error is a bug, reported by crash-report.ts.
 */
export class UsageError extends Error {}

export class StartupError extends Error {}

export const USAGE_EXIT = 2;
export const FAILURE_EXIT = 1;

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a file stands where a folder should be',
  EISDIR: 'a folder stands where a file should be',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/**
 * A file operation the machine refused (`mkdir '/srv/state'`: ENOTDIR), as one line for a person;
 * null for anything else. These are failures, not bugs: the fix is on the machine.
 */
export function systemProblem(error: unknown): string | null {
  const { code, syscall, path } = (error ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || typeof syscall !== 'string' || typeof path !== 'string') return null;
  return `cannot ${syscall} ${path}: ${SYSTEM_REASONS[code] ?? code} (${code})`;
}
