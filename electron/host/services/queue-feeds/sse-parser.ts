/**
 * The text/event-stream format (WHATWG HTML §9.2), incrementally: chunks in, events out. Pure.
 * Our own rather than the `eventsource` package because the feed needs what that hides: the
 * keep-alive comments (to tell a quiet stream from a dead one) and control over reconnects.
 */

export interface SseEvent {
  /** The `event:` field; "message" when absent. */
  event: string;
  data: string;
  /** The last `id:` seen on the stream so far, for `Last-Event-ID` on reconnect. */
  id: string;
}

const LF = 10;
const CR = 13;

export class SseParser {
  private line = '';
  private data: string[] = [];
  private dataChars = 0;
  private eventName = '';
  private lastId = '';
  private afterCR = false;
  private atStart = true;

  /** `maxEventChars` caps one event: a stream that never sends a blank line must not eat memory. */
  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    private readonly maxEventChars: number,
  ) {}

  get lastEventId(): string {
    return this.lastId;
  }

  /** Parses a chunk; false once an event outgrows the cap (the stream is then useless). */
  push(chunk: string): boolean {
    let text = chunk;
    if (this.atStart && text !== '') {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== CR && c !== LF) continue;
      // CRLF is one line end, even when a chunk boundary falls between the two.
      if (c === LF && this.afterCR && i === start && this.line === '') {
        this.afterCR = false;
        start = i + 1;
        continue;
      }
      this.line += text.slice(start, i);
      this.takeLine(this.line);
      this.line = '';
      this.afterCR = c === CR;
      start = i + 1;
    }
    if (start < text.length) {
      this.afterCR = false;
      this.line += text.slice(start);
    }
    return this.line.length + this.dataChars <= this.maxEventChars;
  }

  private takeLine(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'data') {
      this.data.push(value);
      this.dataChars += value.length + 1;
    } else if (field === 'event') {
      this.eventName = value;
    } else if (field === 'id' && !value.includes('\0')) {
      this.lastId = value;
    }
    // "retry" is ignored on purpose: reconnect timing is the feed's backoff, not the server's wish.
  }

  private dispatch(): void {
    const data = this.data;
    const event = this.eventName === '' ? 'message' : this.eventName;
    this.data = [];
    this.dataChars = 0;
    this.eventName = '';
    if (data.length === 0) return;
    this.onEvent({ event, data: data.join('\n'), id: this.lastId });
  }
}
