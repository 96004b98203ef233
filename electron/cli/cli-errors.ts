/**
 * The two ways a command fails on purpose, each one line on stderr: the person typed something
 * wrong (exit 2), or the machine would not do it (exit 1: a port in use, a folder missing). Any
 * other error is a bug, reported by crash-report.ts.
 */
export class UsageError extends Error {}

export class StartupError extends Error {}

export const USAGE_EXIT = 2;
export const FAILURE_EXIT = 1;
