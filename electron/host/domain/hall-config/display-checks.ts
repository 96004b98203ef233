/**
 * displays.json beyond its schema: layouts and zones that exist, a display's own programmes, and
 * one PA speaker for the hall — two would echo through one amplifier, none leaves the choice to
 * whichever screen reported its audio last.
 */
import type { Diagnostic } from '../../../contract/diagnostic.js';
import type { DisplaysFile, LayoutsFile } from '../../../contract/hall-config.js';
import { closest } from './schema-check.js';
import type { JsonSource } from './source.js';
import { checkEntries, type EntryContext } from './schedule-checks.js';
import { checkedLayout, DEFAULT_VIEWING_DISTANCE_METRES, glyphShortfalls, screenOf, shortfallMessage } from './legibility.js';
import { checkPower } from './power-checks.js';

export interface DisplayCheckContext extends EntryContext {
  /** null while layouts.json has errors: layout names are then not checked. */
  layouts: LayoutsFile | null;
}

export function checkDisplays(source: JsonSource, file: DisplaysFile, context: DisplayCheckContext, out: Diagnostic[]): void {
  const layoutNames = context.layouts ? Object.keys(context.layouts.layouts) : null;
  const speakers: string[] = [];
  let standbys = 0;
  for (const [id, display] of Object.entries(file.displays)) {
    const at = (...rest: (string | number)[]): (string | number)[] => ['displays', id, ...rest];
    const layout = display.layout ?? 'auto';
    if (layoutNames && layout !== 'auto' && !layoutNames.includes(layout)) {
      const guess = closest(layout, layoutNames);
      out.push(source.at(at('layout'), 'error', `unknown layout "${layout}": ${guess ? `did you mean "${guess}"? ` : ''}use "auto" or one of layouts.json's: ${layoutNames.join(', ')}`));
    }
    if (context.layouts && display.hideZones) {
      // An auto display may get any layout: a zone name is known if some layout has it.
      const candidates = layout === 'auto' ? Object.values(context.layouts.layouts) : [context.layouts.layouts[layout]].filter((l) => l !== undefined);
      const zoneNames = [...new Set(candidates.flatMap((l) => Object.keys(l.zones)))];
      display.hideZones.forEach((zone, i) => {
        if (candidates.some((l) => l.zones[zone]?.kind === 'programme')) {
          out.push(source.at(at('hideZones', i), 'warning', `zone "${zone}" is where programmes play and is never hidden: remove it from hideZones`));
        } else if (candidates.length > 0 && !zoneNames.includes(zone)) {
          const guess = closest(zone, zoneNames);
          out.push(source.at(at('hideZones', i), 'warning', `no layout this display can get has a zone "${zone}", so nothing is hidden: ${guess ? `did you mean "${guess}"? ` : ''}zones are: ${zoneNames.join(', ')}`));
        }
      });
    }
    if (display.schedule) checkEntries(source, at('schedule'), display.schedule, context, out);
    if (display.pa === 'speaker') {
      if (speakers.length > 0) {
        out.push(source.at(at('pa'), 'error', `"${speakers[0]}" is the PA speaker already, and a hall has one: make "${id}" a "standby" (it takes over while "${speakers[0]}" cannot speak)`));
      }
      speakers.push(id);
    } else if (display.pa === 'standby') standbys++;
    if (display.area === 'counter' && display.counter === undefined) {
      out.push(source.at(at(), 'warning', `counter screen "${id}" names no counter, so it cannot show whom its counter serves: add "counter": N`));
    }
    // Only a display that says how far it is read from, or how big it is, is measured: one that says
    // neither would be judged on two guesses, and every hall would start with warnings.
    if (context.layouts && (display.viewingDistanceMetres !== undefined || display.screen !== undefined)) {
      const layoutName = checkedLayout(display, context.layouts);
      if (layoutName) {
        const layout = context.layouts.layouts[layoutName]!;
        const screen = screenOf(display, layout);
        const distance = display.viewingDistanceMetres ?? DEFAULT_VIEWING_DISTANCE_METRES;
        const where = at(display.viewingDistanceMetres !== undefined ? 'viewingDistanceMetres' : 'area');
        for (const s of glyphShortfalls(layout, screen, distance)) out.push(source.at(where, 'warning', shortfallMessage(id, layoutName, distance, s, context.layouts, screen)));
      }
    }
  }
  if (speakers.length === 0 && Object.keys(file.displays).length > 0) {
    out.push(
      source.at(
        ['displays'],
        'warning',
        standbys > 0
          ? 'there are standby speakers but no "pa": "speaker": the first standby that can play carries the PA — name the display whose machine drives the amplifier "speaker"'
          : 'no display is the PA speaker: the latest display whose audio works speaks — set "pa": "speaker" on the one whose machine drives the amplifier',
      ),
    );
  }
  checkPower(source, file, context, out);
}
