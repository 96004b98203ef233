/**
 * The board's texts, kept between layouts: a layout asks for each text by a stable key and sets its
 * words, and pixi redraws a text only when its words or style changed. Texts not asked for in a
 * layout are hidden. Rebuilding every text on each call cost tens of ms on SwiftShader.
 */
import { Container, Text, type TextStyleOptions } from 'pixi.js';

export class TextPool {
  private readonly texts = new Map<string, Text>();
  private used = new Set<string>();

  constructor(private readonly parent: Container) {}

  begin(): void {
    this.used = new Set();
  }

  text(key: string, words: string, style: TextStyleOptions, x: number, y: number, anchorX = 0): Text {
    let t = this.texts.get(key);
    if (!t) {
      t = new Text({ text: words, style });
      this.texts.set(key, t);
      this.parent.addChild(t);
    } else {
      t.text = words;
      for (const [k, v] of Object.entries(style)) if ((t.style as unknown as Record<string, unknown>)[k] !== v) (t.style as unknown as Record<string, unknown>)[k] = v;
    }
    t.anchor.set(anchorX, 0);
    t.position.set(Math.round(x), Math.round(y));
    t.visible = true;
    this.used.add(key);
    return t;
  }

  end(): void {
    for (const [key, t] of this.texts) if (!this.used.has(key)) t.visible = false;
  }

  destroy(): void {
    for (const t of this.texts.values()) t.destroy();
    this.texts.clear();
  }
}
