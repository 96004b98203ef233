/**
 * The emergency takeover on this screen, by level: `notice` a ticker line along the bottom over the
 * programme, which plays on; `alert` a large banner across the middle, over everything, the
 * programme paused; `evacuate` the whole screen, the programme paused and the queue board hidden.
 * Chinese first and largest, English under it, in the CJK face, white on red (or black on amber for
 * a notice). Once painted, the display says so to the host (acknowledge), once per emergency.
 */
import type { EmergencyLevel, EmergencyView } from '../../../electron/contract/emergency.js';

export interface TakeoverDeps {
  /** Where the overlay goes: above every layer of the display (the media, the panels, the pixi canvas). */
  root: HTMLElement;
  /** The programme and the zones' panels: paused and hidden for levels that cover them. */
  pauseProgramme(paused: boolean): void;
  hidePanels(hidden: boolean): void;
  /** Tells the host the takeover is painted (once per emergency). */
  acknowledge(id: string): void;
}

/** What the test hooks read: which emergency is up, since when (wall clock of the paint, epoch ms). */
export interface TakeoverShown {
  id: string;
  level: EmergencyLevel;
  /** When the host's word arrived (wall clock, epoch ms). */
  receivedAt: number;
  paintedAt: number | null;
}

const HEADING: Record<EmergencyLevel, { zh: string; en: string }> = {
  notice: { zh: '通知', en: 'Notice' },
  alert: { zh: '紧急通知', en: 'Alert' },
  evacuate: { zh: '紧急疏散', en: 'Evacuate' },
};

/** Levels that stop the programme: an alert's banner and an evacuation cover it, and the speaker must be heard. */
export function pausesProgramme(level: EmergencyLevel): boolean {
  return level !== 'notice';
}

export class EmergencyTakeover {
  private readonly el = document.createElement('div');
  private current: TakeoverShown | null = null;

  constructor(private readonly deps: TakeoverDeps) {
    this.el.className = 'emergency';
    this.el.hidden = true;
    this.el.setAttribute('role', 'alert');
    deps.root.append(this.el);
    // The CJK face is large: loaded now, not in the second that counts (measured: the first page to
    // take over painted 670 ms after the word arrived without this, the others 25–30 ms).
    const words = Object.values(HEADING).map((h) => h.zh + h.en).join('');
    for (const weight of [500, 700, 900]) void document.fonts.load(`${weight} 64px "Noto Sans CJK SC"`, words).catch(() => undefined);
  }

  get shown(): TakeoverShown | null {
    return this.current ? { ...this.current } : null;
  }

  /** The host's word: the emergency in force, or null. */
  apply(view: EmergencyView | null): void {
    if (!view) {
      if (!this.current) return;
      this.current = null;
      this.el.hidden = true;
      this.el.replaceChildren();
      this.deps.hidePanels(false);
      this.deps.pauseProgramme(false);
      return;
    }
    if (this.current?.id === view.id) return; // the same emergency again (a reconnect): nothing changes
    const shown: TakeoverShown = { id: view.id, level: view.level, receivedAt: Date.now(), paintedAt: null };
    this.current = shown;
    this.build(view);
    this.deps.pauseProgramme(pausesProgramme(view.level));
    this.deps.hidePanels(view.level === 'evacuate');
    // The frame's callback runs before the paint that shows it; a task posted from it runs after.
    requestAnimationFrame(() => {
      const after = new MessageChannel();
      after.port1.onmessage = () => {
        if (this.current !== shown) return;
        shown.paintedAt = Date.now();
        this.deps.acknowledge(view.id);
      };
      after.port2.postMessage(null);
    });
  }

  private build(view: EmergencyView): void {
    const heading = HEADING[view.level];
    const head = document.createElement('div');
    head.className = 'heading';
    head.append(span('zh', heading.zh), span('en', heading.en));
    const words = document.createElement('div');
    words.className = 'words';
    for (const line of view.lines) {
      const p = span(line.lang === 'zh-CN' ? 'main' : 'second', line.text);
      p.lang = line.lang;
      words.append(p);
    }
    this.el.dataset['level'] = view.level;
    this.el.replaceChildren(head, words);
    this.el.hidden = false;
  }
}

function span(className: string, text: string): HTMLElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}
