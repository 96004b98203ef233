/**
 * When a waiting announcement must go, and why, in words the announcement log can show a manager.
 * The same rules run when an item would be chosen and when the queue is inspected.
 */
import { quietEndsAfter, quietWindowAt, type QuietHours } from './quiet-hours.js';
import type { PendingItem } from './pending.js';

export interface RuleContext {
  now: number;
  quiet: QuietHours | null;
  formatInstant: (ms: number) => string;
}

/** Why the item must be dropped now, or null if it may still play. */
export function dropReason(p: PendingItem, ctx: RuleContext): string | null {
  const { a } = p;
  const { now, formatInstant: f } = ctx;
  if (a.expiresAt !== null && now > a.expiresAt) return `stale: requested at ${f(a.requestedAt)}, expired at ${f(a.expiresAt)}`;
  const w = a.waitPolicy;
  if (w?.then === 'skip' && now > a.requestedAt + w.maxWaitMs) {
    return `skipped: waited ${Math.round((now - a.requestedAt) / 1000)} s, more than the ${w.maxWaitMs / 1000} s allowed`;
  }
  // A call read out after quiet hours would send no one anywhere: the counter has moved on.
  if (a.kind === 'call') {
    const window = quietWindowAt(ctx.quiet, now);
    if (window) return `quiet hours ${window}: calls are not read out`;
  }
  return null;
}

/** Care notices wait out quiet hours (until they expire); emergency and PA messages always play. */
export function isHeld(p: PendingItem, ctx: RuleContext): boolean {
  return p.a.kind === 'care' && quietWindowAt(ctx.quiet, ctx.now) !== null;
}

/** The next instant this item's fate changes on its own: it goes stale, is skipped, or is released. */
export function nextChangeAt(p: PendingItem, ctx: RuleContext): number | null {
  const times: number[] = [];
  if (p.a.expiresAt !== null) times.push(p.a.expiresAt + 1);
  if (p.a.waitPolicy?.then === 'skip') times.push(p.a.requestedAt + p.a.waitPolicy.maxWaitMs + 1);
  if (isHeld(p, ctx)) {
    const end = quietEndsAfter(ctx.quiet, ctx.now);
    if (end !== null) times.push(end);
  }
  const future = times.filter((t) => t > ctx.now);
  return future.length > 0 ? Math.min(...future) : null;
}
