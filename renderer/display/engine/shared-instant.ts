/**
 * A shared instant: something every display of the hall shows at one moment (a queue call's flash,
 * QueueBoardCall.flashAt). The host sets the moment a little ahead on its own clock; each display
 * turns it into its own frame clock (HostOffset, from the clock exchanges) and paints it in the
 * first animation frame expected on screen at or after it, then reports that frame's time (on the
 * host's clock) so the host can record how far apart the displays were. Displays refresh on their
 * own vsync, so two displays stay up to one refresh apart however good their clocks are.
 *
 * A moment that has passed when it reaches the display is painted in the next frame and counted
 * late — never skipped. Any zone may ask for one: `at(key, hostTime, paint)`.
 */
import type { CallPainted } from '../../../electron/contract/messages.js';

/** The frame a moment is painted in, as its paint callback gets it. */
export interface MomentFrame {
  /** The animation frame's time (performance.now() scale). */
  frameTime: number;
  /** When that frame is expected on screen, host clock, epoch ms. */
  hostAt: number;
  late: boolean;
}

/**
 * Paint in this frame or wait for the next. A frame started at `frameTime` is on screen about one
 * refresh later: paint in the first frame presented at or after the target.
 */
export function paintsNow(frameTime: number, refreshMs: number, target: number): boolean {
  return frameTime + refreshMs >= target;
}

export interface SharedInstantTime {
  /** Host clock minus performance.now(), ms (the clock exchange's offset, moved to the frame clock). */
  hostMinusFrame(): number;
  /** performance.now(). */
  frameNow(): number;
  /** The display's refresh interval, ms (RefreshEstimate). */
  refreshMs(): number;
}

interface Pending {
  /** Host clock; null: the next frame. Turned into the frame clock at each frame, with the offset of then: a better clock exchange may come in between. */
  hostTime: number | null;
  late: boolean;
  /** By the zone asking: every zone that shows the moment (a board and a counter zone on one screen), painted in one frame, reported once. */
  paints: Map<unknown, (frame: MomentFrame) => void>;
}

/** Keys painted already, so a board sent again (a reconnect) does not flash the call again. */
const REMEMBERED = 256;
/** Paints kept for the test hooks (the bench reads them). */
const LOGGED = 256;

export interface PaintedEntry extends CallPainted {
  /** The frame's time on the display's own monotonic clock (performance.timeOrigin + frame time + refresh), for benches that compare displays on one machine. */
  local: number;
}

export class SharedInstants {
  private readonly pending = new Map<string, Pending>();
  private readonly painted = new Set<string>();
  private readonly listeners = new Set<(painted: CallPainted) => void>();
  readonly log: PaintedEntry[] = [];
  /** false: every moment is painted on arrival (the bench's baseline; the test build only). */
  scheduling = true;

  constructor(private readonly time: SharedInstantTime) {}

  /**
   * Paints `paint` at the host's `hostTime` (epoch ms; undefined: on arrival), once per key;
   * returns a cancel function (a zone torn down before its moment). Several zones may ask for one
   * moment (`by`: the zone; asking again replaces its paint): each is painted in the same frame and
   * the display reports the moment once.
   */
  at(key: string, hostTime: number | undefined, paint: (frame: MomentFrame) => void, by: unknown = paint): () => void {
    if (this.painted.has(key)) return () => undefined;
    let entry = this.pending.get(key);
    if (!entry) {
      const scheduled = this.scheduling && hostTime !== undefined && Number.isFinite(hostTime);
      const late = scheduled && hostTime - this.time.hostMinusFrame() < this.time.frameNow();
      entry = { hostTime: scheduled && !late ? hostTime : null, late, paints: new Map() };
      this.pending.set(key, entry);
    }
    const mine = entry;
    mine.paints.set(by, paint);
    return () => {
      if (mine.paints.get(by) === paint) mine.paints.delete(by);
      if (mine.paints.size === 0 && this.pending.get(key) === mine) this.pending.delete(key);
    };
  }

  /** Called by the engine at the start of every animation frame, before the zones tick. */
  frame(frameTime: number): void {
    if (this.pending.size === 0) return;
    const refresh = this.time.refreshMs();
    const hostMinusFrame = this.time.hostMinusFrame();
    for (const [key, p] of this.pending) {
      if (p.hostTime !== null && !paintsNow(frameTime, refresh, p.hostTime - hostMinusFrame)) continue;
      this.pending.delete(key);
      this.remember(key);
      const hostAt = frameTime + refresh + hostMinusFrame;
      for (const paint of p.paints.values()) paint({ frameTime, hostAt, late: p.late });
      const report: CallPainted = { key, at: hostAt, late: p.late };
      this.log.push({ ...report, local: performance.timeOrigin + frameTime + refresh });
      if (this.log.length > LOGGED) this.log.shift();
      for (const l of this.listeners) l(report);
    }
  }

  /** Every moment painted from now on (main.ts tells the host). */
  onPainted(listener: (painted: CallPainted) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private remember(key: string): void {
    this.painted.add(key);
    if (this.painted.size > REMEMBERED) this.painted.delete(this.painted.values().next().value!);
  }
}
