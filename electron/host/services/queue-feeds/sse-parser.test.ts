import { describe, expect, it } from 'vitest';
import { type SseEvent, SseParser } from './sse-parser.js';

function parse(chunks: string[], max = 1000): { events: SseEvent[]; ok: boolean[] } {
  const events: SseEvent[] = [];
  const parser = new SseParser((event) => events.push(event), max);
  return { events, ok: chunks.map((chunk) => parser.push(chunk)) };
}

describe('SseParser', () => {
  it('reads events, multi-line data, names and ids, and skips comments', () => {
    const { events } = parse(['\uFEFF: hello\n\nid: 7\nevent: call\ndata: {"a":1}\n\ndata: line 1\ndata:line 2\n\n']);
    expect(events).toEqual([
      { event: 'call', data: '{"a":1}', id: '7' },
      { event: 'message', data: 'line 1\nline 2', id: '7' },
    ]);
  });

  it('joins lines split across chunks, with CRLF, CR or LF endings', () => {
    const { events } = parse(['da', 'ta: one\r', '\n\r', '\ndata: two\r\rdata: three\n', '\n']);
    expect(events.map((e) => e.data)).toEqual(['one', 'two', 'three']);
  });

  it('dispatches nothing for an event without data, and ignores retry', () => {
    const { events } = parse(['event: ping\n\nretry: 10\nid: 3\n\n']);
    expect(events).toEqual([]);
  });

  it('reports an event that outgrows the cap', () => {
    expect(parse(['data: ' + 'x'.repeat(50), 'x'.repeat(50)], 80).ok).toEqual([true, false]);
  });
});
