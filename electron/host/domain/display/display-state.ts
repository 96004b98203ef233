/**
 * What the display should show, derived purely from the configuration in force, the schedule's
 * resolution and the time. The host sends the result to every display.
 */
import type { DisplayIdentity, DisplayState, DiversionSlide, ItemPlan, LayoutPlan, ProgrammePlan } from '../../../contract/messages.js';
import type { HallConfig, Programme, ProgrammeItem } from '../../../contract/hall-config.js';
import type { Resolution } from '../schedule/timeline.js';
import { formatLocal } from '../time/local-format.js';
import { TimeZone } from '../time/time-zone.js';
import { HALL_BACKGROUND, VIEWING_DISTANCE_METRES } from '../../../contract/hall-defaults.js';
import { chooseLayout, UNASSIGNED, type DisplayView } from './display-view.js';

export interface DisplayInputs {
  config: HallConfig;
  resolution: Resolution;
  now: number;
  seq: number;
  /** Same-origin URL of the idle slide's picture, when the hall has one. */
  idleImage: string | null;
  /** A care rule's diversion slide, while it is up. */
  diversion: DiversionSlide | null;
  /** Which display it is for (its layout, hidden zones, identity); default: an unassigned one. */
  view?: DisplayView;
}

export function mediaUrl(src: string): string {
  return `/media/${src.split('/').map(encodeURIComponent).join('/')}`;
}

function itemPlan(programme: Programme, item: ProgrammeItem, index: number): ItemPlan {
  const key = `${programme.id}#${index}`;
  if (item.type === 'video') {
    const volume = item.muted ? 0 : programme.volume * (item.volume ?? 1);
    return { type: 'video', key, volume, url: mediaUrl(item.src), in: item.in ?? null, out: item.out ?? null };
  }
  if (item.type === 'image') return { type: 'image', key, volume: 0, url: mediaUrl(item.src), duration: item.duration };
  return {
    type: 'text',
    key,
    volume: 0,
    duration: item.duration,
    title: item.title,
    body: item.body ?? null,
    background: item.background ?? HALL_BACKGROUND,
    color: item.color ?? '#ffffff',
  };
}

export function programmePlan(programme: Programme): ProgrammePlan {
  return {
    id: programme.id,
    title: programme.title,
    order: programme.order,
    items: programme.items.map((item, i) => itemPlan(programme, item, i)),
    hideZones: programme.hideZones ?? [],
  };
}

export function layoutPlan(config: HallConfig, programme: Programme | null, view: DisplayView = UNASSIGNED): LayoutPlan {
  const name = chooseLayout(config.layouts, programme, view);
  const layout = config.layouts.layouts[name] ?? config.layouts.layouts[config.layouts.default]!;
  // The zones the display never shows are left out of its plan; its programme zone cannot be (the validator says so).
  const hidden = new Set(view.config?.hideZones ?? []);
  return {
    name,
    orientation: layout.orientation,
    background: layout.background ?? HALL_BACKGROUND,
    zones: Object.entries(layout.zones)
      .filter(([zoneName, zone]) => zone.kind === 'programme' || !hidden.has(zoneName))
      .map(([zoneName, zone]) => ({ name: zoneName, ...zone })),
  };
}

export function displayIdentity(view: DisplayView): DisplayIdentity {
  const config = view.config;
  return {
    id: view.id,
    name: config?.name ?? null,
    area: config?.area ?? null,
    counter: config?.counter ?? null,
    viewingDistanceMetres: config?.viewingDistanceMetres ?? VIEWING_DISTANCE_METRES,
  };
}

/** What a display shows — its programme, its layout, who it is — without the rest of a state (status, the call moment's expected displays). */
export function displayShows({ config, resolution, view = UNASSIGNED }: Pick<DisplayInputs, 'config' | 'resolution' | 'view'>): Pick<DisplayState, 'programme' | 'layout' | 'display'> {
  const programme = resolution.programme === null ? null : (config.programmes[resolution.programme] ?? null);
  return { programme: programme ? programmePlan(programme) : null, layout: layoutPlan(config, programme, view), display: displayIdentity(view) };
}

export function displayState({ config, resolution, now, seq, idleImage, diversion, view = UNASSIGNED }: DisplayInputs): DisplayState {
  const today = formatLocal(TimeZone.of(config.schedule.timezone), now).date;
  return {
    seq,
    ...displayShows({ config, resolution, view }),
    entry: resolution.entry,
    nextSwitch: resolution.next?.at ?? null,
    ticker: {
      speed: config.ticker.speed,
      notices: config.ticker.notices
        .filter((n) => (n.validFrom === undefined || n.validFrom <= today) && (n.validTo === undefined || n.validTo >= today))
        .map((n) => n.text),
    },
    timezone: config.schedule.timezone,
    serverTime: now,
    idleImage,
    diversion,
  };
}
