/**
 * A care rule's diversion slide ("the self-service machines are free") over the programme zone
 * while a service is overloaded. The programme keeps playing underneath, sound included: the
 * slide only covers the picture. It goes when the host sends a state without it, or at its
 * `until` on the display's corrected clock, whichever comes first; the host does not have to
 * send anything for it to go.
 */
import type { DiversionSlide as DiversionPlan } from '../../../electron/contract/messages.js';
import { textBox } from '../engine/bilingual.js';
import { stack, Z } from '../player/media-layers.js';

/** The slide to show at host time `now`: none once its time is up. */
export function diversionAt(slide: DiversionPlan | null, now: number): DiversionPlan | null {
  return slide && now < slide.until ? slide : null;
}

export class DiversionSlide {
  private readonly el = document.createElement('div');
  private plan: DiversionPlan | null = null;
  /** The care rule of the slide on screen, or null. */
  shown: string | null = null;
  private key = '';

  /** `zone` is the programme zone's element (MediaLayers.zone): the slide covers exactly it. */
  constructor(zone: HTMLElement) {
    this.el.className = 'diversion';
    this.el.hidden = true;
    stack(this.el, Z.diversion);
    zone.append(this.el);
  }

  /** The host's latest word on it; `now` is the corrected host clock. */
  apply(slide: DiversionPlan | null, now: number): void {
    this.plan = slide;
    this.tick(now);
  }

  /** Called every frame: takes the slide down once its time is up. */
  tick(now: number): void {
    const show = diversionAt(this.plan, now);
    if (!show) {
      if (this.key !== '') this.clear();
      return;
    }
    // Same slide again (every state repeats it): keep it, and its picture, as they are.
    const key = JSON.stringify({ ...show, until: 0 });
    if (key !== this.key) this.build(show, key);
  }

  private build(slide: DiversionPlan, key: string): void {
    this.key = key;
    this.shown = slide.rule;
    const box = textBox(slide.title, slide.body);
    const parts: HTMLElement[] = [];
    if (slide.image) {
      const img = document.createElement('img');
      img.className = 'picture';
      img.alt = '';
      img.src = slide.image;
      // A picture that does not load leaves the words alone on the slide, not a broken-image box.
      img.addEventListener('error', () => img.remove());
      parts.push(img);
    }
    parts.push(box);
    this.el.replaceChildren(...parts);
    this.el.classList.toggle('with-picture', slide.image !== null);
    this.el.style.background = slide.background;
    this.el.style.color = slide.color;
    this.el.hidden = false;
  }

  private clear(): void {
    this.key = '';
    this.shown = null;
    this.el.hidden = true;
    this.el.replaceChildren();
  }
}
