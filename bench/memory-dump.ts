/**
 * Where a Chromium process's memory is: Chromium's memory-infra, one detailed dump through the
 * browser target's DevTools (Tracing with the memory-infra category), read back per allocator
 * (`partition_alloc/partitions/buffer`, `media/frame_buffers`, `cc/image_memory`, …).
 */
import type { Session } from './soak-browser.js';

const MB = 1024 * 1024;
/** The key under which `allocators` returns how many media players (WebMediaPlayers) the process holds, a count, not MB. */
export const PLAYERS = '#media players';

/** Allocator sizes (MB, three levels deep) of process `pid` from one detailed memory dump of the browser. */
export async function allocators(cdp: Session, pid: number): Promise<Record<string, number>> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } as unknown as Record<string, string> },
    transferMode: 'ReturnAsStream',
  });
  await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
  const done = cdp.once('Tracing.tracingComplete').then((e: { stream: string }) => e.stream);
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream, size: 1 << 20 })) as { data: string; base64Encoded?: boolean; eof: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const trace = JSON.parse(text) as { traceEvents: { ph: string; pid: number; args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } } }[] };
  const out: Record<string, number> = {};
  const players = new Set<string>();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'v' || e.pid !== pid) continue;
    for (const [name, a] of Object.entries(e.args?.dumps?.allocators ?? {})) {
      const depth = name.split('/').length;
      // One entry per media player alive (media/webmediaplayer/<video|audio|…>/player_0x…): counted, not sized.
      const player = /^media\/webmediaplayer\/[^/]+\/(player_[^/]+)$/.exec(name)?.[1];
      if (player) players.add(player);
      if (depth > 3 || !a.attrs?.size) continue;
      out[name] = parseInt(a.attrs.size.value, 16) / MB;
    }
  }
  out[PLAYERS] = players.size;
  return out;
}
