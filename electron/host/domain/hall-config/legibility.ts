/**
 * Whether a display's text can be read from where its customers stand: the sizes each zone draws
 * its text at (contract/zone-text.ts, the same the display draws with), turned into millimetres on
 * the display's physical screen, against the smallest legible capital for its viewing distance.
 */
import type { DisplayConfig, Layout, LayoutsFile, ScreenSize, ZoneKind } from '../../../contract/hall-config.js';
import { CAP_HEIGHT_PER_EM, DEFAULT_SCREEN, zoneTextLines } from '../../../contract/zone-text.js';

/**
 * The rule: a capital letter must subtend at least 16 minutes of arc at the reader's eye — the
 * minimum character height of ANSI/HFES 100-2007 (§5.3.1) and ISO 9241-303:2011, both of which
 * prefer 20–22′. Measured on the capital height, not the x-height (hanzi have none, and they stand
 * taller than Latin capitals in the display's font). 16′ is 4.65 mm per metre: 14 mm at 3 m,
 * 23 mm at 5 m. (ADA 2010 §703.5.5, for signs read while walking, asks far more: 3.2 mm per 305 mm.)
 */
export const MIN_ARC_MINUTES = 16;
export const DEFAULT_VIEWING_DISTANCE_METRES = 5;

/** The smallest legible capital height, mm, at this distance. */
export function minCapHeightMm(distanceMetres: number): number {
  return distanceMetres * 1000 * Math.tan(((MIN_ARC_MINUTES / 60) * Math.PI) / 180);
}

/** Millimetres per CSS pixel of a screen, from its diagonal (square pixels). */
export function millimetresPerPixel(screen: ScreenSize): number {
  return (screen.diagonalInches * 25.4) / Math.hypot(screen.width, screen.height);
}

/** The screen the check measures a display on: its own, or the documented default for the layout's orientation. */
export function screenOf(display: DisplayConfig, layout: Layout): ScreenSize {
  return display.screen ?? DEFAULT_SCREEN[layout.orientation];
}

export interface GlyphShortfall {
  zone: string;
  kind: ZoneKind;
  /** The smallest text of the zone, in words. */
  what: string;
  capMm: number;
  neededMm: number;
}

/** Per zone of the layout, its smallest text that is too small at this distance on this screen (none: it reads). */
export function glyphShortfalls(layout: Layout, screen: ScreenSize, distanceMetres: number): GlyphShortfall[] {
  const mmPerPx = millimetresPerPixel(screen);
  const neededMm = minCapHeightMm(distanceMetres);
  const out: GlyphShortfall[] = [];
  for (const [zone, z] of Object.entries(layout.zones)) {
    const lines = zoneTextLines(z.kind, z.w * screen.width, z.h * screen.height);
    const smallest = lines.reduce<(typeof lines)[number] | null>((min, line) => (min === null || line.fontPx < min.fontPx ? line : min), null);
    if (!smallest) continue;
    const capMm = smallest.fontPx * CAP_HEIGHT_PER_EM * mmPerPx;
    if (capMm < neededMm) out.push({ zone, kind: z.kind, what: smallest.what, capMm, neededMm });
  }
  return out;
}

/**
 * The layout a display is checked in: its own; for `auto`, the hall's default for its screen's
 * orientation (a landscape screen, or none given: `default`; portrait: `defaultPortrait`, else the
 * first portrait layout). null: the layout does not exist (reported elsewhere).
 */
export function checkedLayout(display: DisplayConfig, layouts: LayoutsFile): string | null {
  const own = display.layout ?? 'auto';
  if (own !== 'auto') return layouts.layouts[own] ? own : null;
  const portrait = display.screen !== undefined && display.screen.height > display.screen.width;
  if (!portrait) return layouts.layouts[layouts.default] ? layouts.default : null;
  if (layouts.defaultPortrait !== undefined && layouts.layouts[layouts.defaultPortrait]) return layouts.defaultPortrait;
  return Object.entries(layouts.layouts).find(([, l]) => l.orientation === 'portrait')?.[0] ?? null;
}

const ZONE_WORDS: Partial<Record<ZoneKind, string>> = { queue: 'the queue board', clock: 'the clock', ticker: 'the ticker', counter: 'the counter zone' };

/**
 * The warning for one zone, naming the fix: another layout of the same orientation whose zones of
 * this kind all read at this distance, if the hall has one.
 */
export function shortfallMessage(id: string, layoutName: string, distanceMetres: number, s: GlyphShortfall, layouts: LayoutsFile, screen: ScreenSize): string {
  const layout = layouts.layouts[layoutName]!;
  const better = Object.entries(layouts.layouts).find(
    ([name, l]) =>
      name !== layoutName &&
      l.orientation === layout.orientation &&
      Object.values(l.zones).some((z) => z.kind === s.kind) &&
      !glyphShortfalls(l, screen, distanceMetres).some((other) => other.kind === s.kind),
  );
  const fix = better ? `give zone "${s.zone}" more room in layout "${layoutName}" or use layout "${better[0]}"` : `give zone "${s.zone}" more room in layout "${layoutName}", a larger screen, or readers nearer`;
  const mm = (v: number): string => (v < 10 ? v.toFixed(1) : v.toFixed(0));
  return `display "${id}": ${ZONE_WORDS[s.kind] ?? `zone "${s.zone}"`}'s ${s.what.replace(/^the /, '')} would be ${mm(s.capMm)} mm tall (capitals) on its ${screen.diagonalInches}-inch screen, and ${distanceMetres} m needs ${mm(s.neededMm)} mm (16′ of arc): ${fix}`;
}
