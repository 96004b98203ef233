/**
 * The player's own health, for /api/status → `health`: every way an unattended hall PC degrades
 * (a full disk, a display gone, a browser restarted, an item that stalled, the clock stepped,
 * reports dropped) is counted here and, while it lasts, listed as an active alert. Pure: time and
 * the log are injected; the services that meet the fault call `count` (a thing that happened) or
 * `raise`/`clear` (a condition that lasts, keyed so two files on one full disk are two alerts).
 */
import type { Log } from '../../ports.js';
import { HEALTH_CLASSES, type HealthClass, type HealthClassView, type HealthEvent, type HealthView } from '../../../contract/health-view.js';

export interface Health {
  /** Something happened: counts it (by `n`, default 1) and logs one line. */
  count(kind: HealthClass, message: string, fields?: Record<string, unknown>, n?: number): void;
  /**
   * A condition begins (idempotent per key: counted and logged once until cleared). Raised again
   * while active, it only refreshes the message and fields (e.g. how many records were dropped).
   */
  raise(kind: HealthClass, key: string, message: string, fields?: Record<string, unknown>): void;
  /** The condition is over (no-op when it was not raised). */
  clear(kind: HealthClass, key: string, message?: string): void;
  isActive(kind: HealthClass, key: string): boolean;
  view(): HealthView;
}

export function createHealth(deps: { now: () => number; log: Log }): Health {
  type Condition = { since: number; message: string; fields?: Record<string, unknown> };
  const classes = new Map<HealthClass, { count: number; active: Map<string, Condition>; last: HealthEvent | null }>();
  for (const kind of HEALTH_CLASSES) classes.set(kind, { count: 0, active: new Map(), last: null });
  const entry = (kind: HealthClass) => classes.get(kind)!;

  const record = (kind: HealthClass, message: string, fields: Record<string, unknown> | undefined, n: number): void => {
    const e = entry(kind);
    e.count += n;
    e.last = { at: deps.now(), message, ...(fields ? { fields } : {}) };
    deps.log.warn(message, { health: kind, ...fields });
  };

  return {
    count(kind, message, fields, n = 1) {
      record(kind, message, fields, n);
    },
    raise(kind, key, message, fields) {
      const e = entry(kind);
      const held = e.active.get(key);
      if (held) {
        held.message = message;
        if (fields) held.fields = fields;
        return;
      }
      e.active.set(key, { since: deps.now(), message, ...(fields ? { fields } : {}) });
      record(kind, message, { key, ...fields }, 1);
    },
    clear(kind, key, message) {
      const e = entry(kind);
      if (!e.active.delete(key)) return;
      deps.log.info(message ?? `${kind} recovered`, { health: kind, key });
    },
    isActive: (kind, key) => entry(kind).active.has(key),
    view() {
      let ok = true;
      const out = {} as Record<HealthClass, HealthClassView>;
      for (const kind of HEALTH_CLASSES) {
        const e = entry(kind);
        if (e.active.size > 0) ok = false;
        out[kind] = {
          count: e.count,
          active: [...e.active].map(([key, a]) => ({ key, since: a.since, message: a.message, ...(a.fields ? { fields: a.fields } : {}) })),
          last: e.last,
        };
      }
      return { ok, classes: out };
    },
  };
}
