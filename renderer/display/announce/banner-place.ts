/**
 * Where the announcement banner goes: the layout's `announcement` zone if it has one the programme
 * does not hide, else a band over the bottom of the programme zone, as tall as a 1080p banner zone
 * (a tenth of the screen) but never more than 30 % of the programme.
 */
import type { ZonePlan } from '../../../electron/contract/messages.js';
import { zoneRect, type Rect } from '../engine/rect.js';

const OVERLAY_SCREEN_SHARE = 0.1;
const OVERLAY_MAX_PROGRAMME_SHARE = 0.3;

export function bannerPlace(
  zones: readonly ZonePlan[],
  hidden: ReadonlySet<string>,
  width: number,
  height: number,
  programme: Rect,
): { rect: Rect; overlay: boolean } {
  const zone = zones.find((z) => z.kind === 'announcement' && !hidden.has(z.name));
  if (zone) return { rect: zoneRect(zone, width, height), overlay: false };
  const h = Math.round(Math.min(height * OVERLAY_SCREEN_SHARE, programme.h * OVERLAY_MAX_PROGRAMME_SHARE));
  return { rect: { x: programme.x, y: programme.y + programme.h - h, w: programme.w, h }, overlay: true };
}
