/**
 * Items without their own clock: a picture or a text slide, shown for `duration` seconds from the
 * moment it is raised. Pictures are decoded before they are shown, so the swap is one frame.
 */
import type { ImagePlan, TextPlan } from '../../../electron/contract/messages.js';
import { textBox } from '../engine/bilingual.js';
import { classifyFailure } from './classify-failure.js';
import { conceal, stack, Z, type MediaLayers } from './media-layers.js';
import { SkipError, type ElementName, type Slot, type BeginAt, type SlotEvents } from './slot.js';
import { LOAD_TIMEOUT_MS, type ItemClock } from './stall-rule.js';

abstract class StillSlot<P extends ImagePlan | TextPlan> implements Slot {
  abstract readonly element: ElementName;
  readonly starts = 'early';
  readonly cued = false;
  begun = false;
  readonly mutedFallback = false;
  private raisedAt: number | null = null;
  private released = false;

  constructor(
    readonly item: P,
    protected readonly el: HTMLElement,
    private readonly layers: MediaLayers,
    private readonly nowMs: () => number,
  ) {}

  abstract prepare(): Promise<void>;

  begin(events: SlotEvents, where: BeginAt): void {
    this.begun = true;
    stack(this.el, where === 'on-top' ? Z.top : Z.underneath);
    // Two animation frames: the first runs before the paint that shows the element.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!this.released) events.firstFrame();
      }),
    );
  }

  raise(): void {
    stack(this.el, Z.top);
    this.raisedAt = this.nowMs();
  }

  position(): number {
    return this.raisedAt === null ? 0 : (this.nowMs() - this.raisedAt) / 1000;
  }

  remaining(): number {
    return this.item.duration - this.position();
  }

  done(): boolean {
    return this.raisedAt !== null && this.remaining() <= 0;
  }

  /** A still has no picture of its own to advance: only its length can overrun. */
  clock(): ItemClock {
    return { advancedAt: null, expectedMs: this.item.duration * 1000 };
  }

  setVolume(): void {}

  release(): void {
    if (this.released) return;
    this.released = true;
    conceal(this.el);
    this.cleanup();
    this.layers.free(this.el);
  }

  protected cleanup(): void {}
}

export class ImageSlot extends StillSlot<ImagePlan> {
  readonly element = 'img';

  async prepare(): Promise<void> {
    const img = this.el as HTMLImageElement;
    // The element keeps its picture between showings (MediaLayers.takePicture): no reload, no new decode.
    if (img.getAttribute('src') !== this.item.url) img.src = this.item.url;
    let timer = 0;
    const timeout = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new SkipError('stalled')), LOAD_TIMEOUT_MS);
    });
    try {
      await Promise.race([img.decode(), timeout]);
    } catch (err) {
      // Load it afresh next time (the file may be fixed by then).
      img.removeAttribute('src');
      throw err instanceof SkipError ? err : new SkipError(await classifyFailure(this.item.url));
    } finally {
      clearTimeout(timer);
    }
  }
}

export class TextSlot extends StillSlot<TextPlan> {
  readonly element = 'text';

  async prepare(): Promise<void> {
    const { title, body, background, color } = this.item;
    this.el.replaceChildren(textBox(title, body));
    this.el.style.background = background;
    this.el.style.color = color;
    // The CJK face is large; wait for it so the slide never flashes a fallback font.
    await document.fonts.ready;
  }

  protected override cleanup(): void {
    this.el.replaceChildren();
  }
}
