/**
 * The application's verbs, in one place: everything a channel (the HTTP API and console, the
 * Electron IPC, later MQTT) may ask of the player. Each verb returns an outcome whose refusals
 * carry a machine-readable reason (electron/contract/refusal.ts), never an HTTP status: a channel
 * translates, and nothing below this layer knows which channel asked.
 */
import type { Host } from '../host.js';
import type { Health } from '../domain/health/health.js';
import type { Timers } from '../ports.js';
import type { SessionHost } from '../display-session/display-session.js';
import { consoleCommands, type ConsoleCommands, type ConsoleOptions } from './console.js';
import { hallCommands, type HallCommands } from './hall.js';
import { paCommands, type PaCommands } from './pa.js';
import { emergencyCommands, type EmergencyCommands } from './emergency.js';
import { queueCommands, type QueueCommands } from './queue.js';
import { screenCommands, type ScreenCommands } from './screens.js';
import type { ScreenCaptures } from '../services/screens/screen-captures.js';
import { isServedMedia } from './served-media.js';

export type { ConsoleCommands, ConsoleOptions } from './console.js';
export type { Credentials } from '../services/console/credentials.js';
export type { HallCommands, ReloadOutcome, TimelineOutcome } from './hall.js';
export type { PaCommands } from './pa.js';
export type { ScreenCommands, ScreenshotOutcome } from './screens.js';
export type { ClearOutcome, EmergencyCommands, RaiseOutcome } from './emergency.js';
export type { CallOutcome, IngestOutcome, QueueCommands } from './queue.js';
export { MAX_EVENTS_PER_REQUEST } from './queue.js';

/** Counts a fault in /api/status → health (domain/health/health.ts). */
export type FaultCounter = Pick<Health, 'count'>;

export interface Commands {
  readonly hall: HallCommands;
  readonly queue: QueueCommands;
  readonly pa: PaCommands;
  /** The emergency takeover: raise, clear, see. */
  readonly emergency: EmergencyCommands;
  /** null: no console (API only). */
  readonly console: ConsoleCommands | null;
  /** Pictures of the displays a shell of this player captures. */
  readonly screens: ScreenCommands;
  /** Whether /media/RELATIVE may be handed out: media types inside assets/ only (served-media.ts). */
  servedMedia(relative: string): boolean;
  /** The player's timers, for what a channel spreads over time on its own (a burst of refused sign-ins logged once). */
  readonly timers: Pick<Timers, 'after'>;
  /** Where a channel counts what it refused on its own (sign-in floods, dropped display messages). */
  readonly health: FaultCounter;
  /** What a display session (display-session/) plays from and reports to: the displays' own door into the host. */
  readonly displays: SessionHost;
}

export interface CommandsOptions {
  version: string;
  assetsDir: string;
  now?: () => number;
  /** The floor-manager console's verbs; absent: none. */
  console?: Omit<ConsoleOptions, 'now' | 'assetsDir'>;
  /** The displays a shell captures (the kiosk's browser, the Electron window); absent: none (`hallcast serve`). */
  screens?: ScreenCaptures;
}

export async function createCommands(host: Host, options: CommandsOptions): Promise<Commands> {
  const now = options.now ?? Date.now;
  return {
    hall: hallCommands(host, options.version, now),
    queue: queueCommands(host, now),
    pa: paCommands(host),
    emergency: emergencyCommands(host),
    console: options.console ? await consoleCommands(host, { ...options.console, assetsDir: options.assetsDir, now }) : null,
    screens: screenCommands(options.screens ?? null, { now, monotonic: host.clock.monotonic }),
    servedMedia: (relative) => isServedMedia(options.assetsDir, relative),
    timers: host.timers,
    health: host.health,
    displays: host,
  };
}
