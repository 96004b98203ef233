import { describe, expect, it } from 'vitest';
import { guardedSink } from './guarded-sink.js';
import { recordingSink } from './feed-test-kit.test-support.js';

describe('guardedSink', () => {
  it('logs a board that throws instead of throwing into the socket handler', () => {
    const board = recordingSink();
    board.sink.events = () => {
      throw new Error('counter 9 is not configured');
    };
    guardedSink(board.sink, 'sse http://vendor/q').events([]);
    expect(board.warnings).toEqual(['sse http://vendor/q: the board failed to take events: counter 9 is not configured']);
  });
});
