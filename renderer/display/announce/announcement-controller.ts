/**
 * What the display does with the host's announce messages. The display carrying the PA
 * (`speak: true`) plays the clips through the announcer and reports started / ended / failed; every
 * display shows the banner while the announcement is on. The host orders announcements one at a
 * time; if a second `play` comes while one still speaks anyway, the old one is cut first and
 * reported ended ("superseded"), so the PA never speaks two at once.
 */
import type { AnnounceMessage, AnnouncementKind, AnnouncementPlay, AnnouncementReport } from '../../../electron/contract/messages.js';
import type { Playback, SpeechPlan } from '../audio/announcer.js';

/** What plays the clips: the Announcer (audio/announcer.ts). */
export interface Speaker {
  play(plan: SpeechPlan): Promise<Playback>;
  stop(): void;
}

/** Where the words are shown (announcement-banner.ts). */
export interface BannerView {
  show(id: string, kind: AnnouncementKind, lines: AnnouncementPlay['lines']): void;
  /** Hides the banner if it shows `id`. */
  hide(id: string): void;
}

export interface ControllerDeps {
  /** null: this display has no Web Audio, so a `speak` play fails at once. */
  speaker: Speaker | null;
  banner: BannerView;
  send(report: AnnouncementReport): void;
  /** Host clock (epoch ms) at which AudioContext time `t` is heard. */
  hostTimeOf(t: number): number;
  /** Milliseconds until AudioContext time `t` is rendered. */
  msUntil(t: number): number;
  /** The display's corrected host clock, epoch ms. */
  hostNow(): number;
  after(ms: number, run: () => void): () => void;
}

/** Reports kept for the diagnostics hook. */
const KEPT_REPORTS = 50;

interface Attempt {
  play: AnnouncementPlay;
  phase: 'loading' | 'speaking' | 'over';
  started: boolean;
  cancelStarted: (() => void) | null;
}

export class AnnouncementController {
  private current: Attempt | null = null;
  private readonly sent: AnnouncementReport[] = [];

  constructor(private readonly deps: ControllerDeps) {}

  /** The id being spoken on this display (from its duck's start to its last clip's end), or null. */
  get speaking(): string | null {
    return this.current?.phase === 'speaking' ? this.current.play.id : null;
  }

  /** The last reports sent, oldest first. */
  get reports(): readonly AnnouncementReport[] {
    return this.sent;
  }

  handle(msg: AnnounceMessage): void {
    if (msg.type === 'stop') return this.stop(msg.id, msg.reason);
    const { play } = msg;
    if (!play.speak) {
      this.deps.banner.show(play.id, play.kind, play.lines);
      return;
    }
    // A repeated message for the one already on (a reconnect): it is already being said.
    if (this.current?.play.id === play.id) return;
    if (this.current) this.end(this.current, 'superseded');
    this.speak(play);
  }

  private speak(play: AnnouncementPlay): void {
    const { speaker } = this.deps;
    if (!speaker) {
      this.report({ id: play.id, event: 'failed', at: this.deps.hostNow(), reason: 'this display has no audio output (Web Audio unavailable)' });
      return;
    }
    const attempt: Attempt = { play, phase: 'loading', started: false, cancelStarted: null };
    this.current = attempt;
    // play() decodes every clip first, so the clips load as soon as the message arrives.
    speaker.play(play).then(
      (playback) => {
        if (attempt.phase !== 'loading') return;
        attempt.phase = 'speaking';
        this.deps.banner.show(play.id, play.kind, play.lines);
        const started = (): void => {
          if (attempt.started) return;
          attempt.started = true;
          this.report({ id: play.id, event: 'started', at: this.deps.hostTimeOf(playback.startedAt), duck: play.duck });
        };
        // Sent when the first clip sounds, not when it is scheduled: a stop in between means it never did.
        attempt.cancelStarted = this.deps.after(this.deps.msUntil(playback.startedAt), started);
        void playback.ended.then((reason) => {
          if (reason !== 'completed' || attempt.phase !== 'speaking') return;
          started();
          this.finish(attempt);
          this.report({ id: play.id, event: 'ended', at: this.deps.hostTimeOf(playback.endsAt) });
        });
      },
      (err: unknown) => {
        // Cut while loading (stop or superseded): that path has reported it already.
        if (attempt.phase !== 'loading') return;
        this.finish(attempt);
        this.report({ id: play.id, event: 'failed', at: this.deps.hostNow(), reason: err instanceof Error ? err.message : String(err) });
      },
    );
  }

  private stop(id: string, reason: string): void {
    // A display whose speech already ended (or that never spoke it) only takes the banner down.
    if (this.current?.play.id === id) this.end(this.current, reason);
    this.deps.banner.hide(id);
  }

  /** Cuts an announcement that is loading or speaking and reports it ended. */
  private end(attempt: Attempt, reason: string): void {
    this.finish(attempt);
    this.deps.speaker?.stop();
    this.report({ id: attempt.play.id, event: 'ended', at: this.deps.hostNow(), reason });
  }

  private finish(attempt: Attempt): void {
    attempt.phase = 'over';
    attempt.cancelStarted?.();
    this.deps.banner.hide(attempt.play.id);
    if (this.current === attempt) this.current = null;
  }

  private report(r: AnnouncementReport): void {
    this.sent.push(r);
    if (this.sent.length > KEPT_REPORTS) this.sent.shift();
    this.deps.send(r);
  }
}
