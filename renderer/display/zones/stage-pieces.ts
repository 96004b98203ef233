/**
 * The zone pieces drawn with pixi, in their own chunk: ZoneBoard imports this module only after the
 * engine's stage is wanted, so pixi stays out of the first picture's critical path.
 */
import type { Engine } from '../engine/engine.js';
import { ClockZone } from './clock-zone.js';
import { CounterZone } from './counter/counter-zone.js';
import { QueueBoard } from './queue-board/queue-board.js';
import type { ZonePiece } from './zone-piece.js';

export type StageZoneKind = 'clock' | 'queue' | 'counter';

export async function createStagePiece(kind: StageZoneKind, engine: Engine, paints: Map<string, number>): Promise<ZonePiece> {
  const layer = await engine.stage();
  switch (kind) {
    case 'clock':
      return new ClockZone(engine, layer);
    case 'queue':
      return new QueueBoard(engine, layer, paints);
    case 'counter':
      return new CounterZone(engine, layer);
  }
}
