/**
 * What is being announced, written out for those who cannot hear it: a band with a speaker mark,
 * the Chinese large and the English smaller below it, shown only while an announcement is on.
 * It lives for the whole run, like the programme player: the zone board places it in the layout's
 * `announcement` zone, or over the bottom of the programme zone when the layout has none (or the
 * programme hides it) — the words must always be on screen. Static DOM on the panels layer; a line
 * too long for the band scrolls by a compositor transform (Web Animations), never by redrawing.
 */
import type { AnnouncementKind, AnnouncementPlay } from '../../../electron/contract/messages.js';
import { placeElement, type Rect } from '../engine/rect.js';
import type { BannerView } from './announcement-controller.js';

/** A line too wide for the band is first set smaller, down to this share of its size (a call on a portrait band) … */
const MIN_FIT = 0.72;
/** … and scrolls only if it still does not fit, at this speed, px/s on a 108 px band (a 1080p screen's banner zone); scales with it. */
const SCROLL_PX_S = 110;
/** A long line rests this long at each end before and after scrolling, ms. */
const SCROLL_HOLD_MS = 1_500;
const SVG = 'http://www.w3.org/2000/svg';

export class AnnouncementBanner implements BannerView {
  private readonly el = document.createElement('div');
  private readonly words = document.createElement('div');
  private shown: { id: string; text: string } | null = null;
  private height = 0;

  constructor(panelRoot: HTMLElement) {
    this.el.className = 'announcement-banner';
    this.el.hidden = true;
    this.el.setAttribute('role', 'status');
    this.words.className = 'words';
    this.el.append(speakerMark(), this.words);
    panelRoot.append(this.el);
  }

  /** The band's place: the layout's announcement zone, or an overlay on the programme zone. */
  place(rect: Rect, overlay: boolean): void {
    placeElement(this.el, rect);
    this.el.classList.toggle('overlay', overlay);
    this.el.style.setProperty('--h', `${rect.h}px`);
    if (rect.h !== this.height) {
      this.height = rect.h;
      this.fit();
    }
  }

  show(id: string, kind: AnnouncementKind, lines: AnnouncementPlay['lines']): void {
    const hasZh = lines.some((l) => l.lang === 'zh-CN');
    this.words.replaceChildren(
      ...lines.map((l) => {
        const line = document.createElement('div');
        // Chinese large; English smaller, unless it is all there is.
        line.className = `line ${l.lang === 'zh-CN' || !hasZh ? 'main' : 'second'}`;
        line.lang = l.lang;
        const text = document.createElement('span');
        text.textContent = l.text;
        line.append(text);
        return line;
      }),
    );
    this.el.dataset['kind'] = kind;
    this.el.hidden = false;
    this.shown = { id, text: lines.map((l) => l.text).join('\n') };
    // Measure once laid out, and again once the CJK face has loaded (it changes the widths).
    requestAnimationFrame(() => this.fit());
    void document.fonts.ready.then(() => this.fit());
  }

  hide(id: string): void {
    if (this.shown?.id !== id) return;
    this.shown = null;
    this.el.hidden = true;
    this.words.replaceChildren();
  }

  /** The words on screen (lines joined by "\n"), or null when the banner is hidden. */
  get text(): string | null {
    return this.shown?.text ?? null;
  }

  /** Sets every line wider than the band a little smaller, and scrolls what still does not fit. */
  private fit(): void {
    if (!this.shown) return;
    const speed = (SCROLL_PX_S * this.height) / 108;
    for (const child of this.words.children) {
      const line = child as HTMLElement;
      const text = line.firstElementChild as HTMLElement | null;
      if (!text) continue;
      for (const a of text.getAnimations()) a.cancel();
      line.style.setProperty('--fit', '1');
      const room = line.clientWidth;
      const wide = text.getBoundingClientRect().width;
      if (room <= 0 || wide <= room + 1) continue;
      const fit = Math.max(MIN_FIT, room / wide);
      line.style.setProperty('--fit', fit.toFixed(3));
      const overflow = text.getBoundingClientRect().width - room;
      if (overflow <= 1 || speed <= 0) continue;
      const scrollMs = (overflow / speed) * 1000;
      const total = scrollMs + 2 * SCROLL_HOLD_MS;
      const moved = `translateX(${-overflow}px)`;
      text.animate(
        [
          { transform: 'translateX(0)', offset: 0 },
          { transform: 'translateX(0)', offset: SCROLL_HOLD_MS / total },
          { transform: moved, offset: (SCROLL_HOLD_MS + scrollMs) / total },
          { transform: moved, offset: 1 },
        ],
        { duration: total, iterations: Infinity },
      );
    }
  }
}

/** A loudspeaker with two sound waves (the waves pulse in style.css). */
function speakerMark(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 48 48');
  svg.setAttribute('class', 'mark');
  svg.setAttribute('aria-hidden', 'true');
  const body = document.createElementNS(SVG, 'path');
  body.setAttribute('d', 'M6 18h8l11-9v30l-11-9H6z');
  body.setAttribute('class', 'body');
  svg.append(body);
  for (const [i, d] of ['M31 17a9 9 0 0 1 0 14', 'M36 11a17 17 0 0 1 0 26'].entries()) {
    const wave = document.createElementNS(SVG, 'path');
    wave.setAttribute('d', d);
    wave.setAttribute('class', `wave wave-${i + 1}`);
    svg.append(wave);
  }
  return svg;
}
