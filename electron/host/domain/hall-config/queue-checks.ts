/**
 * What the schema cannot say about queue.json: ids unique, counters calling services that exist,
 * every service reachable, a feed URL of the right kind and a field mapping that can be used.
 */
import { closest } from './schema-check.js';
import { compileFieldMapping } from '../vendor-mapping/field-mapping.js';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import type { JsonPath, JsonSource } from './source.js';
import type { QueueFile } from '../../../contract/hall-config.js';

export function checkQueue(source: JsonSource, queue: QueueFile, out: Diagnostic[]): void {
  const error = (p: JsonPath, message: string): void => void out.push(source.at(p, 'error', message));
  const serviceIds = queue.services.map((s) => s.id);
  queue.services.forEach((s, i) => {
    if (serviceIds.indexOf(s.id) !== i) error(['services', i, 'id'], `service "${s.id}" is listed twice: give each service its own ticket prefix`);
  });
  const counterIds = queue.counters.map((c) => c.id);
  const served = new Set<string>();
  queue.counters.forEach((c, i) => {
    if (counterIds.indexOf(c.id) !== i) error(['counters', i, 'id'], `counter ${c.id} is listed twice: give each counter its own number`);
    c.services.forEach((id, j) => {
      if (serviceIds.includes(id)) return void served.add(id);
      const guess = closest(id, serviceIds);
      error(['counters', i, 'services', j], `unknown service "${id}": ${guess ? `did you mean "${guess}"? ` : ''}use one of ${serviceIds.join(', ')}`);
    });
  });
  queue.services.forEach((s, i) => {
    if (!served.has(s.id)) out.push(source.at(['services', i, 'id'], 'warning', `no counter serves "${s.id}": its wait shows "—" until a counter.opened event names it`));
  });

  const feed = queue.feed;
  if (feed.kind === 'poll' || feed.kind === 'sse' || feed.kind === 'websocket') {
    const wantWs = feed.kind === 'websocket';
    if (wantWs !== /^wss?:\/\//.test(feed.url)) {
      error(['feed', 'url'], wantWs ? 'a websocket feed needs a ws:// or wss:// address' : `a ${feed.kind} feed needs an http:// or https:// address (for ws:// use "kind": "websocket")`);
    }
    if (feed.mapping) {
      const compiled = compileFieldMapping(feed.mapping);
      if (!compiled.ok) for (const problem of compiled.errors) error(['feed', ...settingPath(feed.mapping, problem)], `field mapping: ${problem}`);
    }
  }
}

/**
 * Where a mapping problem points ("mapping.ticketRewrite.pattern is …" → that value), as deep as
 * the file has the setting, so the editor underlines the bad pattern rather than the whole mapping.
 */
function settingPath(mapping: unknown, problem: string): JsonPath {
  const path: JsonPath = ['mapping'];
  const names = /^mapping((?:\.\w+)*)/.exec(problem)?.[1]?.split('.').slice(1) ?? [];
  let value: unknown = mapping;
  for (const name of names) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) break;
    value = (value as Record<string, unknown>)[name];
    path.push(name);
  }
  return path;
}
