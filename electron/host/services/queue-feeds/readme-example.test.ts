/** Keeps the README's worked example true: its payloads, through its mapping, give the events it shows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFieldMapping, mapMessage } from '../../domain/vendor-mapping/field-mapping.js';
import type { FieldMapping } from '../../../contract/feed-config.js';
import { mapSnapshot } from '../../domain/vendor-mapping/snapshot-mapping.js';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
const example = readme.slice(readme.indexOf('### Worked example'), readme.indexOf('**Snapshot paths.**'));
const [messages, state, mappingBlock] = [...example.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
const RECEIVED = Date.UTC(2026, 11, 1, 2, 17, 10);

describe('the README worked example', () => {
  const compiled = compileFieldMapping((JSON.parse(`{${mappingBlock}}`) as { mapping: FieldMapping }).mapping);
  if (!compiled.ok) throw new Error(compiled.errors.join('\n'));

  it('maps the vendor messages to the events the README shows', () => {
    const events = messages!
      .trim()
      .split('\n')
      .flatMap((line) => mapMessage(JSON.parse(line), compiled.mapping, RECEIVED).events);
    expect(events).toHaveLength(2);
    for (const event of events) expect(example).toContain(JSON.stringify(event));
  });

  it('maps the vendor state to the snapshot the README describes', () => {
    expect(mapSnapshot(JSON.parse(state!), compiled.mapping, RECEIVED)).toEqual({
      ok: true,
      event: {
        type: 'snapshot',
        seq: 1025,
        at: RECEIVED,
        counters: [
          { counter: 5, open: true, serving: 'A023' },
          { counter: 6, open: false, serving: null },
        ],
        tickets: [
          { ticket: 'A023', service: 'A', state: 'called', issuedAt: Date.UTC(2026, 11, 1, 2, 2, 41), counter: 5 },
          { ticket: 'B007', service: 'B', state: 'waiting', issuedAt: Date.UTC(2026, 11, 1, 2, 17, 9) },
        ],
      },
    });
  });
});
