/**
 * Messages to a display come from its own host, but over a socket: a half-written or foreign frame
 * must not take the display down. The guard takes a parsed frame (the IPC path needs none: main
 * is the page's own process).
 */
import type { AnnounceMessage, ToDisplay } from './messages.js';
import { EMERGENCY_LEVELS, type EmergencyView } from './emergency.js';

/** The message, or null if it is not one this display understands. */
export function parseToDisplay(value: unknown): ToDisplay | null {
  if (!isObject(value)) return null;
  const state = value['state'];
  if (value['type'] === 'state' && isObject(state) && isObject(state['layout']) && Array.isArray(state['layout']['zones'])) return value as ToDisplay;
  const queue = value['queue'];
  if (value['type'] === 'queue' && (queue === null || (isObject(queue) && Array.isArray(queue['calls']) && Array.isArray(queue['serving'])))) return value as ToDisplay;
  if (value['type'] === 'announce' && isAnnounceMessage(value['announce'])) return value as ToDisplay;
  if (value['type'] === 'emergency' && (value['emergency'] === null || isEmergencyView(value['emergency']))) return value as ToDisplay;
  const clock = value['clock'];
  // A NaN here would become the display's clock offset.
  if (value['type'] === 'clock' && isObject(clock) && Number.isFinite(clock['sent']) && Number.isFinite(clock['host'])) return value as ToDisplay;
  return null;
}

/** Checked field by field: the takeover puts these words on every screen of the hall. */
function isEmergencyView(e: unknown): e is EmergencyView {
  return (
    isObject(e) &&
    typeof e['id'] === 'string' &&
    EMERGENCY_LEVELS.includes(e['level'] as EmergencyView['level']) &&
    Array.isArray(e['lines']) &&
    e['lines'].every((l) => isObject(l) && LANGS.has(l['lang'] as string) && typeof l['text'] === 'string') &&
    (e['template'] === null || typeof e['template'] === 'string') &&
    typeof e['raisedAt'] === 'number' &&
    Number.isFinite(e['raisedAt'])
  );
}

const KINDS = new Set(['emergency', 'pa', 'call', 'care']);
const LANGS = new Set(['zh-CN', 'en']);

/** Checked field by field: a wrong type here would reach the audio graph (a NaN time throws there). */
function isAnnounceMessage(m: unknown): m is AnnounceMessage {
  if (!isObject(m)) return false;
  if (m['type'] === 'stop') return typeof m['id'] === 'string' && typeof m['reason'] === 'string';
  if (m['type'] !== 'play' || !isObject(m['play'])) return false;
  const p = m['play'];
  const duck = p['duck'];
  const count = (v: unknown, min: number): boolean => Number.isInteger(v) && (v as number) >= min;
  const seconds = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  return (
    typeof p['id'] === 'string' &&
    KINDS.has(p['kind'] as string) &&
    Array.isArray(p['clips']) &&
    p['clips'].every((c) => typeof c === 'string') &&
    count(p['leadIn'], 0) &&
    count(p['repeat'], 1) &&
    seconds(p['pauseSeconds']) &&
    isObject(duck) &&
    typeof duck['depthDb'] === 'number' &&
    Number.isFinite(duck['depthDb']) &&
    seconds(duck['attackSeconds']) &&
    seconds(duck['releaseSeconds']) &&
    Array.isArray(p['lines']) &&
    p['lines'].every((l) => isObject(l) && LANGS.has(l['lang'] as string) && typeof l['text'] === 'string') &&
    typeof p['speak'] === 'boolean'
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
