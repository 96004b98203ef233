import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { devtoolsOverPipe, type DevtoolsEvent } from './devtools-pipe.js';

function pipes() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const sent: Record<string, unknown>[] = [];
  let pending = '';
  toBrowser.on('data', (chunk: Buffer) => {
    pending += String(chunk);
    const parts = pending.split('\0');
    pending = parts.pop()!;
    for (const part of parts) sent.push(JSON.parse(part) as Record<string, unknown>);
  });
  return { devtools: devtoolsOverPipe(toBrowser, fromBrowser), fromBrowser, sent };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('DevTools over the pipe', () => {
  it('sends NUL-terminated commands and matches answers by id, events split across chunks', async () => {
    const { devtools, fromBrowser, sent } = pipes();
    const events: DevtoolsEvent[] = [];
    devtools.onEvent((e) => events.push(e));
    const answer = devtools.send('Page.navigate', { url: 'http://127.0.0.1:8080/' }, 'S1');
    await tick();
    expect(sent).toStrictEqual([{ id: 1, method: 'Page.navigate', params: { url: 'http://127.0.0.1:8080/' }, sessionId: 'S1' }]);
    const event = JSON.stringify({ method: 'Target.targetCrashed', params: { targetId: 'T', status: 'killed' } });
    fromBrowser.write(event.slice(0, 10));
    fromBrowser.write(event.slice(10) + '\0' + JSON.stringify({ id: 1, result: { frameId: 'F' } }) + '\0');
    await expect(answer).resolves.toStrictEqual({ frameId: 'F' });
    expect(events).toStrictEqual([{ method: 'Target.targetCrashed', params: { targetId: 'T', status: 'killed' } }]);
  });

  it('rejects an error answer, a silent browser, and everything once the pipe closes', async () => {
    const { devtools, fromBrowser } = pipes();
    const refused = devtools.send('Target.attachToTarget', { targetId: 'nope' });
    fromBrowser.write(JSON.stringify({ id: 1, error: { code: -32602, message: 'No target with given id found' } }) + '\0');
    await expect(refused).rejects.toThrow('No target with given id found');
    await expect(devtools.send('Page.reload', {}, undefined, 20)).rejects.toThrow('Page.reload: no answer within 20 ms');
    const open = devtools.send('Page.reload');
    fromBrowser.destroy();
    await expect(open).rejects.toThrow('closed the DevTools pipe');
    await expect(devtools.send('Page.reload')).rejects.toThrow('closed');
  });
});
