/**
 * Counts objects by class name in a page's heap snapshot (DevTools `HeapProfiler`), after forced
 * garbage collections. Chromium's snapshots include Blink's garbage-collected (Oilpan) objects under
 * their C++ names, e.g. `blink::PlainTextNode`: the canvas text cache's entries, one per distinct
 * string a 2D canvas has shaped (BENCHMARKS.md, "Soak, third pass" and "fourth pass").
 */
export interface SnapshotSession {
  send(method: 'HeapProfiler.collectGarbage' | 'HeapProfiler.takeHeapSnapshot', params?: object): Promise<unknown>;
  /** Listens to `HeapProfiler.addHeapSnapshotChunk`; returns the way to stop listening. */
  onChunk(listener: (chunk: string) => void): () => void;
}

/** The Blink classes of the canvas text cache. */
export const TEXT_CACHE_CLASSES = ['blink::PlainTextNode', 'blink::ShapeResult', 'blink::PlainTextPainter', 'blink::FrameShapeCache'] as const;

export interface Counted {
  count: number;
  /** Sum of the objects' own sizes, bytes. */
  bytes: number;
}

/** How many objects of each of `names` are alive (two forced GCs first: a dropped canvas's cache goes with the second). */
export async function countHeapObjects<N extends string>(session: SnapshotSession, names: readonly N[]): Promise<Record<N, Counted>> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const stop = session.onChunk((c) => chunks.push(c));
  try {
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    stop();
  }
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[]; strings: string[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const width = fields.length;
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const wanted = new Map<string, Counted>(names.map((n) => [n, { count: 0, bytes: 0 }]));
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const c = wanted.get(snapshot.strings[snapshot.nodes[i + nameAt]!]!);
    if (!c) continue;
    c.count++;
    c.bytes += snapshot.nodes[i + sizeAt]!;
  }
  return Object.fromEntries(wanted) as Record<N, Counted>;
}
