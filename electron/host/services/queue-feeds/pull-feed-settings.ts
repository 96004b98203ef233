/**
 * A pull feed's config checked once and turned into what the adapters run on: milliseconds,
 * defaults filled in, the mapping compiled, a log label. A hall's config mistake stops the feed at
 * creation with every problem listed, instead of surfacing later as a feed that is mysteriously down.
 */
import { FEED_DEFAULTS } from './feed-config.js';
import type { PullFeedConfig } from '../../../contract/feed-config.js';
import { feedLabel } from './feed-label.js';
import type { CompiledMapping } from '../../domain/vendor-mapping/compiled-mapping.js';
import { compileFieldMapping } from '../../domain/vendor-mapping/field-mapping.js';
import { describeVendorValue } from '../../domain/vendor-mapping/vendor-value.js';

export interface DoorbellSettings {
  url: string;
  mode: 'events' | 'snapshot';
  minIntervalMs: number;
}

export class FeedConfigError extends Error {}

export interface PullFeedSettings {
  /** "poll http://10.0.0.5/api/queue": names the feed in logs and health reasons. */
  label: string;
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  delayedAfterMs: number;
  mapping: CompiledMapping | undefined;
  snapshotUrl: string | null;
  /** SSE and WebSocket only: the stream rings, the news is fetched from here. */
  doorbell: DoorbellSettings | null;
}

const PROTOCOLS: Record<PullFeedConfig['kind'], readonly string[]> = {
  poll: ['http:', 'https:'],
  sse: ['http:', 'https:'],
  websocket: ['ws:', 'wss:'],
};

/** Throws FeedConfigError listing every problem of the config. */
export function settlePullFeed(config: PullFeedConfig): PullFeedSettings {
  const errors = [...urlProblems('url', config.url, PROTOCOLS[config.kind]), ...kindProblems(config)];
  if (config.snapshotUrl !== undefined) errors.push(...urlProblems('snapshotUrl', config.snapshotUrl, ['http:', 'https:']));
  if (config.headers !== undefined && !isStringRecord(config.headers)) errors.push('headers must be an object of strings, like { "Authorization": "Bearer …" }');
  errors.push(...positive('timeoutSeconds', config.timeoutSeconds), ...positive('delayedAfterSeconds', config.delayedAfterSeconds));
  const mapping = config.mapping === undefined ? undefined : compileFieldMapping(config.mapping);
  if (mapping && !mapping.ok) errors.push(...mapping.errors);
  if (errors.length > 0) throw new FeedConfigError(`queue feed "${config.kind}": ${errors.join('; ')}`);
  return {
    label: feedLabel(config.kind, config.url),
    url: config.url,
    headers: config.headers ?? {},
    timeoutMs: (config.timeoutSeconds ?? FEED_DEFAULTS.timeoutSeconds) * 1000,
    delayedAfterMs: (config.delayedAfterSeconds ?? FEED_DEFAULTS.delayedAfterSeconds) * 1000,
    mapping: mapping?.ok ? mapping.mapping : undefined,
    snapshotUrl: config.snapshotUrl ?? null,
    doorbell: doorbellOf(config),
  };
}

function doorbellOf(config: PullFeedConfig): DoorbellSettings | null {
  if (config.kind === 'poll' || config.doorbell === undefined) return null;
  const { url, mode, minIntervalSeconds } = config.doorbell;
  return { url, mode: mode ?? 'snapshot', minIntervalMs: Math.max(minIntervalSeconds ?? 1, FEED_DEFAULTS.minIntervalSeconds) * 1000 };
}

function doorbellProblems(doorbell: unknown): string[] {
  if (doorbell === undefined) return [];
  if (typeof doorbell !== 'object' || doorbell === null || Array.isArray(doorbell)) return [`doorbell must be an object like { "url": "http://…/panel" }, got ${describeVendorValue(doorbell)}`];
  const d = doorbell as Record<string, unknown>;
  const errors = urlProblems('doorbell.url', d.url, ['http:', 'https:']);
  if (d.mode !== undefined && d.mode !== 'events' && d.mode !== 'snapshot') errors.push(`doorbell.mode must be "events" or "snapshot", got ${describeVendorValue(d.mode)}`);
  errors.push(...positive('doorbell.minIntervalSeconds', d.minIntervalSeconds));
  const unknown = Object.keys(d).filter((key) => !['url', 'mode', 'minIntervalSeconds'].includes(key));
  for (const key of unknown) errors.push(`doorbell.${key} is not a setting (known: url, mode, minIntervalSeconds)`);
  return errors;
}

function kindProblems(config: PullFeedConfig): string[] {
  switch (config.kind) {
    case 'poll': {
      const errors = positive('intervalSeconds', config.intervalSeconds);
      if (config.mode !== undefined && config.mode !== 'events' && config.mode !== 'snapshot') errors.push(`mode must be "events" or "snapshot", got ${describeVendorValue(config.mode)}`);
      if (config.mode === 'snapshot' && config.snapshotUrl !== undefined) errors.push('mode "snapshot" reads the state from url itself: remove snapshotUrl');
      return errors;
    }
    case 'sse':
      return [
        ...(config.eventNames === undefined || (Array.isArray(config.eventNames) && config.eventNames.every((name) => typeof name === 'string'))
          ? []
          : ['eventNames must be a list of SSE event names, like ["call", "state"]']),
        ...doorbellProblems(config.doorbell),
      ];
    case 'websocket':
      return doorbellProblems(config.doorbell);
  }
}

function urlProblems(name: string, url: unknown, protocols: readonly string[]): string[] {
  const expected = protocols.map((p) => p.slice(0, -1)).join(' or ');
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return [`${name} must be a full ${expected} URL, got ${describeVendorValue(url)}`];
  }
  if (!protocols.includes(parsed.protocol)) return [`${name} must be a ${expected} URL, got ${describeVendorValue(url)}`];
  return [];
}

function positive(name: string, value: unknown): string[] {
  if (value === undefined) return [];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? [] : [`${name} must be a number of seconds above 0, got ${describeVendorValue(value)}`];
}

function isStringRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}
