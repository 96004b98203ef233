/**
 * Messages from displays arrive over a socket anyone on the hall LAN could open: check their shape
 * before the host trusts them. The guard takes objects (a WebSocket frame once parsed, an IPC
 * payload as Electron delivered it) and returns a fresh copy of the fields it knows, never the
 * object it was given.
 */
import type { AnnouncementReport, AudioOutput, DuckPlan, FromDisplay, PlaybackEvent } from './messages.js';

const EVENTS: PlaybackEvent[] = ['attempted', 'first-frame', 'ended', 'skipped'];
const AUDIO_OUTPUTS: AudioOutput[] = ['ready', 'blocked', 'unknown'];
const ANNOUNCEMENT_EVENTS: AnnouncementReport['event'][] = ['started', 'ended', 'failed'];
const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= 2048;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const orNull = <T>(v: unknown, check: (x: unknown) => x is T): v is T | null => v === null || check(v);

export function parseFromDisplay(value: unknown): FromDisplay | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  const body = m[m.type as string];
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  switch (m.type) {
    case 'report':
      if (!EVENTS.includes(b.event as PlaybackEvent) || !isString(b.programme) || !isString(b.item) || !orNull(b.url, isString) || !isNumber(b.at)) return null;
      if (b.reason !== undefined && !isString(b.reason)) return null;
      if (b.detail !== undefined && !isString(b.detail)) return null;
      return {
        type: 'report',
        report: {
          event: b.event as PlaybackEvent,
          programme: b.programme,
          item: b.item,
          url: b.url,
          at: b.at,
          ...(b.reason !== undefined ? { reason: b.reason } : {}),
          ...(b.detail !== undefined ? { detail: b.detail } : {}),
        },
      };
    case 'heartbeat':
      if (!isNumber(b.at) || !orNull(b.programme, isString) || !orNull(b.item, isString) || !orNull(b.position, isNumber)) return null;
      if (b.stillForMs !== undefined && !orNull(b.stillForMs, isNumber)) return null;
      return {
        type: 'heartbeat',
        heartbeat: { at: b.at, programme: b.programme, item: b.item, position: b.position, ...(b.stillForMs !== undefined ? { stillForMs: b.stillForMs } : {}) },
      };
    case 'hello':
      if ((b.shell !== 'electron' && b.shell !== 'chromium') || !isNumber(b.width) || !isNumber(b.height) || !isString(b.userAgent)) return null;
      // Any string up to the guard's bound: the host decides whether it is an id it knows, and says so in status.
      if (b.display !== undefined && !isString(b.display)) return null;
      return { type: 'hello', hello: { shell: b.shell, width: b.width, height: b.height, userAgent: b.userAgent, ...(b.display !== undefined ? { display: b.display } : {}) } };
    case 'audio':
      if (!AUDIO_OUTPUTS.includes(b.output as AudioOutput) || !isNumber(b.at)) return null;
      return { type: 'audio', audio: { output: b.output as AudioOutput, at: b.at } };
    case 'announcement': {
      if (!isString(b.id) || !ANNOUNCEMENT_EVENTS.includes(b.event as AnnouncementReport['event']) || !isNumber(b.at)) return null;
      if (b.reason !== undefined && !isString(b.reason)) return null;
      const duck = parseDuck(b.duck);
      if (duck === false) return null;
      return {
        type: 'announcement',
        announcement: { id: b.id, event: b.event as AnnouncementReport['event'], at: b.at, ...(b.reason !== undefined ? { reason: b.reason } : {}), ...(duck ? { duck } : {}) },
      };
    }
    case 'acknowledge':
      if (!isString(b.id) || !isNumber(b.at)) return null;
      return { type: 'acknowledge', acknowledge: { id: b.id, at: b.at } };
    case 'fault':
      if (!isNumber(b.at)) return null;
      if (b.kind === 'gpu-context-lost') return { type: 'fault', fault: { kind: b.kind, at: b.at } };
      if (b.kind === 'code-load-failed' && isString(b.part) && b.part.length <= 80) return { type: 'fault', fault: { kind: b.kind, at: b.at, part: b.part } };
      return null;
    case 'clock':
      if (!isNumber(b.sent)) return null;
      return { type: 'clock', clock: { sent: b.sent } };
    case 'painted':
      if (!isString(b.key) || b.key.length > 200 || !isNumber(b.at) || typeof b.late !== 'boolean') return null;
      return { type: 'painted', painted: { key: b.key, at: b.at, late: b.late } };
    default:
      return null;
  }
}

/** undefined: absent; false: malformed. */
function parseDuck(v: unknown): DuckPlan | undefined | false {
  if (v === undefined) return undefined;
  if (!v || typeof v !== 'object') return false;
  const d = v as Record<string, unknown>;
  if (!isNumber(d.depthDb) || !isNumber(d.attackSeconds) || !isNumber(d.releaseSeconds)) return false;
  return { depthDb: d.depthDb, attackSeconds: d.attackSeconds, releaseSeconds: d.releaseSeconds };
}
