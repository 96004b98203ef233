/**
 * The displays an announcement can go to. The first display to attach carries the hall's PA (one
 * machine drives the amplifier; two speaking at once would echo); the others show the banner.
 * When the speaker leaves, the next oldest takes over.
 */
import type { AnnounceMessage } from '../../contract.js';

export type AnnounceSend = (message: AnnounceMessage) => void;

export class DisplayRoster {
  private readonly displays = new Map<string, AnnounceSend>();

  attach(display: string, send: AnnounceSend): void {
    this.displays.set(display, send);
  }

  /** true if `display` was the speaker. */
  detach(display: string): boolean {
    const wasSpeaker = this.speaker() === display;
    this.displays.delete(display);
    return wasSpeaker;
  }

  speaker(): string | null {
    return this.displays.keys().next().value ?? null;
  }

  get size(): number {
    return this.displays.size;
  }

  /** Sends to each display; `make` may vary the message per display (who speaks). */
  each(make: (display: string, speaker: boolean) => AnnounceMessage): void {
    const speaker = this.speaker();
    for (const [display, send] of this.displays) {
      try {
        send(make(display, display === speaker));
      } catch {
        // A socket closing mid-send is detached by its own close handler; the others still hear.
      }
    }
  }

  sendTo(display: string, message: AnnounceMessage): void {
    this.displays.get(display)?.(message);
  }
}
