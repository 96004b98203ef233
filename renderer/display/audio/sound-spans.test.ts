import { describe, expect, it } from 'vitest';
import { SoundSpans } from './sound-spans.js';

const RATE = 8; // 8 samples per second keeps the times exact

describe('SoundSpans', () => {
  it('finds the first and last audible sample in context time', () => {
    const s = new SoundSpans({ mergeGap: 0.25 });
    // 16 samples ending at t = 10: sample i is at 8 + i / 8.
    s.feed([0, 0, 0, 0.5, 0.5, 0, 0.2, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10, RATE);
    expect(s.spans()).toEqual([{ id: null, from: 8.375, until: 8.875 }]);
  });

  it('does not count the overlap of consecutive buffers twice, and extends a span across frames', () => {
    const s = new SoundSpans({ mergeGap: 0.25 });
    s.feed([0, 0, 0, 1], 4, RATE); // sound at 3.875
    s.feed([0, 0, 1, 1, 1, 0], 4.25, RATE); // samples at 3.5 … 4.125; the first four were seen
    expect(s.spans()).toEqual([{ id: null, from: 3.875, until: 4.125 }]);
  });

  it('starts a new span after a silence longer than the merge gap, and keeps only the newest', () => {
    const s = new SoundSpans({ mergeGap: 0.25, max: 2 });
    s.feed([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1], 13 / RATE, RATE);
    // Sound at 0, 0.375, 0.875, 1.5: gaps 0.25 (merged), 0.375 and 0.5 (split).
    expect(s.spans()).toEqual([
      { id: null, from: 0.875, until: 1 },
      { id: null, from: 1.5, until: 1.625 },
    ]);
  });

  it('starts a new span for a new speaker however short the gap, and lets a tail without one extend the last', () => {
    const s = new SoundSpans({ mergeGap: 0.25 });
    s.feed([1, 1, 0, 0], 0.5, RATE, 'A');
    s.feed([1, 0, 0, 0], 1, RATE, null); // A's last sound, read after A reported its end
    s.feed([1, 1, 0, 0], 1.5, RATE, 'B'); // B begins 0.375 s after… and 0.125 s would do too
    s.feed([1, 1, 1, 1], 2, RATE, 'B');
    expect(s.spans()).toEqual([
      { id: 'A', from: 0, until: 0.625 },
      { id: 'B', from: 1, until: 2 },
    ]);
  });

  it('ignores what stays under the threshold', () => {
    const s = new SoundSpans();
    s.feed([0.0005, -0.0009, 0], 1, RATE);
    expect(s.spans()).toEqual([]);
  });
});
