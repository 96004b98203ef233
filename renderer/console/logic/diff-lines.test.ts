import { describe, expect, it } from 'vitest';
import { diffCounts, diffLines } from './diff-lines.js';

describe('diffLines', () => {
  it('classifies a unified diff', () => {
    const lines = diffLines('--- a/schedule.json\n+++ b/schedule.json\n@@ -1,3 +1,3 @@\n {\n-  "default": "welcome",\n+  "default": "morning",\n }\n');
    expect(lines.map((l) => l.kind)).toEqual(['file', 'file', 'hunk', 'context', 'remove', 'add', 'context']);
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 1 });
  });
});
