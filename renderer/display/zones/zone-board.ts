/**
 * Lays the zones of the current layout out on the screen and keeps one content piece per zone.
 * The programme zone and the announcement banner are not rebuilt with the layout: the player and
 * the banner outlive layout changes, so a new layout neither restarts the clip on screen nor drops
 * the words of an announcement being spoken.
 */
import type { DisplayState, QueueBoardState, ZonePlan } from '../../../electron/contract/messages.js';
import { bannerPlace } from '../announce/banner-place.js';
import type { Engine } from '../engine/engine.js';
import { zoneRect, type Rect } from '../engine/rect.js';
import { DeferredPiece } from './deferred-piece.js';
import { TickerZone } from './ticker-zone.js';
import type { StageZoneKind } from './stage-pieces.js';
import type { ZoneInspection, ZonePiece } from './zone-piece.js';

export interface ProgrammeArea {
  resize(rect: Rect): void;
}

/** The announcement banner: in its zone, or (`overlay`) over the bottom of the programme zone. */
export interface BannerArea {
  place(rect: Rect, overlay: boolean): void;
}

export class ZoneBoard {
  private pieces = new Map<string, { zone: ZonePlan; piece: ZonePiece }>();
  private layoutKey = '';
  private state: DisplayState | null = null;
  private board: QueueBoardState | null = null;
  /** When each queue call was first painted (performance.now()), for the bench and the tests. */
  readonly queuePaints = new Map<string, number>();

  constructor(
    private readonly engine: Engine,
    private readonly programme: ProgrammeArea,
    private readonly banner: BannerArea,
  ) {
    engine.onResize(() => this.relayout());
    engine.onStageLost(() => this.rebuildStagePieces());
    this.relayout();
  }

  apply(state: DisplayState): void {
    this.state = state;
    const key = JSON.stringify(state.layout);
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      for (const { piece } of this.pieces.values()) piece.destroy();
      this.pieces.clear();
      this.engine.setBackground(state.layout.background);
      for (const zone of state.layout.zones) {
        const piece = this.create(zone);
        if (piece) {
          piece.queue?.(this.board);
          this.pieces.set(zone.name, { zone, piece });
        }
      }
    }
    const hidden = new Set(state.programme?.hideZones ?? []);
    for (const [name, { piece }] of this.pieces) {
      piece.update(state);
      if (hidden.has(name)) piece.hide();
      else piece.show();
    }
    this.relayout();
  }

  applyQueue(board: QueueBoardState | null): void {
    this.board = board;
    for (const { piece } of this.pieces.values()) piece.queue?.(board);
  }

  /**
   * The pixi stage was lost with everything drawn on it: each pixi zone gets a new piece on the new
   * stage, given the state, board, size and visibility the old one had.
   */
  private rebuildStagePieces(): void {
    const state = this.state;
    if (!state) return;
    const hidden = new Set(state.programme?.hideZones ?? []);
    const { width, height } = this.engine;
    for (const [name, entry] of this.pieces) {
      const { zone } = entry;
      if (zone.kind !== 'clock' && zone.kind !== 'queue' && zone.kind !== 'counter') continue;
      try {
        entry.piece.destroy();
      } catch (err) {
        // Its textures went with the context; what is left is dropped with the old stage.
        console.error(`hallcast: the ${name} zone did not shut down cleanly`, err);
      }
      const piece = this.stagePiece(zone.kind, zone.name);
      piece.queue?.(this.board);
      piece.update(state);
      piece.resize(zoneRect(zone, width, height));
      if (hidden.has(name)) piece.hide();
      else piece.show();
      entry.piece = piece;
    }
  }

  tick(dtMs: number): void {
    for (const { piece } of this.pieces.values()) piece.tick?.(dtMs);
  }

  /** Each zone of the layout on screen and what its piece shows (the test hooks' `zones()`). */
  inspect(): { name: string; kind: ZonePlan['kind']; rect: Rect; shown: ZoneInspection | null }[] {
    const { width, height } = this.engine;
    return (this.state?.layout.zones ?? []).map((zone) => ({ name: zone.name, kind: zone.kind, rect: zoneRect(zone, width, height), shown: this.pieces.get(zone.name)?.piece.inspect?.() ?? null }));
  }

  private relayout(): void {
    const { width, height } = this.engine;
    const zones = this.state?.layout.zones ?? [];
    const main = zones.find((z) => z.kind === 'programme');
    const programme = main ? zoneRect(main, width, height) : { x: 0, y: 0, w: width, h: height };
    this.programme.resize(programme);
    const place = bannerPlace(zones, new Set(this.state?.programme?.hideZones ?? []), width, height, programme);
    this.banner.place(place.rect, place.overlay);
    for (const { zone, piece } of this.pieces.values()) piece.resize(zoneRect(zone, width, height));
  }

  private create(zone: ZonePlan): ZonePiece | null {
    switch (zone.kind) {
      case 'clock':
      case 'queue':
      case 'counter':
        return this.stagePiece(zone.kind, zone.name);
      case 'ticker':
        return new TickerZone(this.engine);
      case 'announcement': // the long-lived banner, see constructor
      case 'programme': // the long-lived player, see constructor
        return null;
    }
  }

  /** A pixi piece: its code (and pixi) loads once the first picture is up (Engine.stage). */
  private stagePiece(kind: StageZoneKind, name: string): ZonePiece {
    return new DeferredPiece(
      async () => {
        await this.engine.afterSettle();
        const { createStagePiece } = await this.engine.loadPart(`${name} zone`, () => import('./stage-pieces.js'));
        return createStagePiece(kind, this.engine, this.queuePaints);
      },
      (err) => console.error(`hallcast: the ${name} zone could not start`, err),
    );
  }
}
