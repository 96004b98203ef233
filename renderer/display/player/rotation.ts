/**
 * Which item plays next. 'loop' walks the list in order; 'shuffle' plays each round in a fresh
 * random order and never repeats an item across the seam between rounds. Items that are out
 * (penalised) are passed over; null means nothing is playable now.
 */
import type { ItemPlan } from '../../../electron/contract/messages.js';

export class Rotation {
  private order: number[] = [];
  private pos = 0;
  private lastKey: string | null = null;

  /** `after`: the item now on screen, when a rotation replaces another mid-play. */
  constructor(
    private readonly items: readonly ItemPlan[],
    private readonly mode: 'loop' | 'shuffle',
    private readonly random: () => number = Math.random,
    after: ItemPlan | null = null,
  ) {
    if (after) {
      this.lastKey = after.key;
      const i = items.findIndex((it) => it.key === after.key);
      if (mode === 'loop' && i >= 0) {
        this.order = items.map((_, j) => j);
        this.pos = i + 1;
      }
    }
  }

  next(isOut: (key: string) => boolean): ItemPlan | null {
    const n = this.items.length;
    if (n === 0) return null;
    const eligible = this.items.filter((it) => !isOut(it.key)).length;
    if (eligible === 0) return null;
    // Two full rounds always reach every eligible item.
    for (let tries = 0; tries < 2 * n + 1; tries++) {
      if (this.pos >= this.order.length) this.newRound();
      const item = this.items[this.order[this.pos++]!]!;
      if (isOut(item.key)) continue;
      // A penalised neighbour can bring the same item up twice in a row in a shuffle; pass it
      // over when anything else can play.
      if (this.mode === 'shuffle' && item.key === this.lastKey && eligible > 1) continue;
      this.lastKey = item.key;
      return item;
    }
    return null;
  }

  private newRound(): void {
    const n = this.items.length;
    this.order = this.items.map((_, i) => i);
    this.pos = 0;
    if (this.mode !== 'shuffle' || n < 2) return;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [this.order[i], this.order[j]] = [this.order[j]!, this.order[i]!];
    }
    if (this.items[this.order[0]!]!.key === this.lastKey) {
      const j = 1 + Math.floor(this.random() * (n - 1));
      [this.order[0], this.order[j]] = [this.order[j]!, this.order[0]!];
    }
  }
}
