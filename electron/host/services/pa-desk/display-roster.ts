/**
 * The displays an announcement can go to, and which one carries the hall's PA (one machine drives
 * the amplifier; two speaking at once would echo); the others show the banner.
 *
 * The speaker is not the first to connect — anyone on the LAN can open a socket first — but the
 * display that most recently reported its audio output working (`ready`) and is still alive
 * (heartbeating). A display that never said `ready` never speaks. One whose turn failed (it
 * reported `failed`, or never reported the end) goes to the back of the line, so the next ready
 * display takes over; alone, it keeps the role rather than leave the hall silent.
 *
 * Where displays.json names the speaker and its standbys (`seating`), only they speak, in that
 * order, each when alive and ready: the amplifier hangs on their machines, and a counter screen's
 * own little speaker is no PA. A failed turn puts it behind the others the same way.
 */
import type { AnnounceMessage, AudioOutput } from '../../../contract/messages.js';
import type { RosterEntry } from '../../../contract/announcements-view.js';

export type AnnounceSend = (message: AnnounceMessage) => void;

interface Seat {
  send: AnnounceSend;
  audio: AudioOutput;
  alive: boolean;
  /** Higher speaks first: the latest `ready` on top; a failed speaker below every unfailed one. */
  rank: number;
}

/** displays.json's PA roles, by the roster's display key. */
export interface Seating {
  /** 0 the speaker, 1… the standbys in file order, null: it never speaks. */
  place(display: string): number | null;
  /** Its displays.json id, for messages; null: unassigned. */
  name(display: string): string | null;
}

export class DisplayRoster {
  private readonly seats = new Map<string, Seat>();
  private order = 0;
  private seatedBy: Seating | null = null;

  /** The hall's named speaker and standbys; null: none named, the latest ready display speaks. */
  seating(seating: Seating | null): void {
    this.seatedBy = seating;
  }

  /** Its PA role under the seating, for status; null without one. */
  role(display: string): 'speaker' | 'standby' | null {
    const place = this.seatedBy?.place(display) ?? null;
    return place === null ? null : place === 0 ? 'speaker' : 'standby';
  }

  attach(display: string, send: AnnounceSend): void {
    this.seats.set(display, { send, audio: 'unknown', alive: true, rank: 0 });
  }

  /** true if `display` was the speaker. */
  detach(display: string): boolean {
    const wasSpeaker = this.speaker() === display;
    this.seats.delete(display);
    return wasSpeaker;
  }

  /** The display reported its audio output; a (new) `ready` puts it first in line. */
  audio(display: string, output: AudioOutput): void {
    const seat = this.seats.get(display);
    if (!seat) return;
    if (output === 'ready' && seat.audio !== 'ready') seat.rank = ++this.order;
    seat.audio = output;
  }

  /** Heartbeats stopped (false) or came back (true). */
  alive(display: string, alive: boolean): void {
    const seat = this.seats.get(display);
    if (seat) seat.alive = alive;
  }

  /** Its turn as speaker failed: every other ready display goes before it. */
  demote(display: string): void {
    const seat = this.seats.get(display);
    if (seat) seat.rank = -++this.order;
  }

  speaker(): string | null {
    const seated = this.seatedBy;
    let best: [string, Seat] | null = null;
    let bestPlace = Infinity;
    for (const entry of this.seats) {
      const seat = entry[1];
      if (seat.audio !== 'ready' || !seat.alive) continue;
      if (seated) {
        const named = seated.place(entry[0]);
        if (named === null) continue;
        // A failed turn sends it behind every named display that has not failed.
        const place = seat.rank < 0 ? 1_000 - seat.rank : named;
        if (place < bestPlace) [best, bestPlace] = [entry, place];
      } else if (!best || seat.rank > best[1].rank) best = entry;
    }
    return best?.[0] ?? null;
  }

  get size(): number {
    return this.seats.size;
  }

  /** true while displays.json names who speaks. */
  get seated(): boolean {
    return this.seatedBy !== null;
  }

  entries(): RosterEntry[] {
    const speaker = this.speaker();
    return [...this.seats].map(([display, s]) => {
      const role = this.role(display);
      const name = this.seatedBy?.name(display) ?? null;
      return { display, audio: s.audio, alive: s.alive, speaker: display === speaker, ...(role ? { role } : {}), ...(name ? { name } : {}) };
    });
  }

  /** Sends to each display; `make` may vary the message per display (who speaks). */
  each(make: (display: string, speaker: boolean) => AnnounceMessage): void {
    const speaker = this.speaker();
    for (const [display, seat] of this.seats) {
      try {
        seat.send(make(display, display === speaker));
      } catch {
        // A socket closing mid-send is detached by its own close handler; the others still hear.
      }
    }
  }

  sendTo(display: string, message: AnnounceMessage): void {
    this.seats.get(display)?.send(message);
  }
}
