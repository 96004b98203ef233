/**
 * The emergency takeover's verbs: raise (or replace) one, clear it, see it. Every channel — the
 * local API, `hallcast emergency` through it, the console's button — calls these and says who asked;
 * outcomes carry a reason (electron/contract/refusal.ts), never an HTTP code.
 */
import type { EmergencyActor, EmergencyStatus } from '../../contract/emergency.js';
import type { Host } from '../host.js';
import type { ClearOutcome, RaiseOutcome } from '../services/pa-desk/emergency-desk.js';

export type { ClearOutcome, RaiseOutcome };

export interface EmergencyCommands {
  /** The body of `POST /api/emergency`: `{level?, template}` or `{level?, text}` (playlists/README.md). */
  raise(body: unknown, by: EmergencyActor): RaiseOutcome;
  /** `DELETE /api/emergency`: refused with `no-emergency` when none is active. */
  clear(by: EmergencyActor): ClearOutcome;
  /** The active emergency, or null. */
  current(): EmergencyStatus | null;
}

export function emergencyCommands(host: Pick<Host, 'pa'>): EmergencyCommands {
  return {
    raise: (body, by) => host.pa.emergency.raise(body, by),
    clear: (by) => host.pa.emergency.clear(by),
    current: () => host.pa.emergency.status(),
  };
}
