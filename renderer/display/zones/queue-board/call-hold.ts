/**
 * Which board the queue zone shows, and when: a board whose newest call is news (fresh, and not
 * the first board after start) is held until that call's moment (QueueBoardCall.flashAt), so the
 * call appears, flashing, on every display at once; later boards holding the same call wait with
 * it. Any other board goes up at once. Pure: the zone owns the frames and the drawing.
 */
import type { QueueBoardState } from '../../../../electron/contract/messages.js';

export type BoardStep =
  /** Show it now; `listed`: a new newest call shown without a flash (paint log only). */
  | { kind: 'show'; board: QueueBoardState | null; listed: string | null }
  /** Hold it until the moment of its newest call `key` (flashAt undefined: the next frame). */
  | { kind: 'hold'; key: string; flashAt: number | undefined }
  /** Its newest call is already held: kept with it, nothing to do. */
  | { kind: 'kept' };

export class CallHold {
  /** By call key: the latest board holding it, and how many boards had gone up at once when it was first held. */
  private readonly held = new Map<string, { board: QueueBoardState; shown: number }>();
  private shown = 0;
  private seenNewest: string | null = null;

  receive(board: QueueBoardState | null): BoardStep {
    const newest = board?.calls[0];
    const key = newest?.key ?? null;
    const holding = key ? this.held.get(key) : undefined;
    if (holding) {
      // Its moment has not come: the newer figures wait with it.
      holding.board = board!;
      return { kind: 'kept' };
    }
    let listed: string | null = null;
    if (key && key !== this.seenNewest) {
      // Only a call that reached the player in time flashes; one from a feed catching up is listed.
      // The first board after start is the hall as it is, not news: nothing flashes.
      const flashes = newest!.fresh && this.seenNewest !== null;
      this.seenNewest = key;
      if (flashes) {
        this.held.set(key, { board: board!, shown: this.shown });
        return { kind: 'hold', key, flashAt: newest!.flashAt };
      }
      listed = key;
    }
    this.seenNewest = key ?? this.seenNewest ?? '';
    // Up at once: newer than any board held for a moment to come.
    this.shown++;
    return { kind: 'show', board, listed };
  }

  /** The held call's moment has come: its board to show, flashing; null when a board went up at once meanwhile (it is newer and stays). */
  moment(key: string): QueueBoardState | null {
    const held = this.held.get(key);
    this.held.delete(key);
    return held && held.shown === this.shown ? held.board : null;
  }
}
