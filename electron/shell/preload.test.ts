import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type DisplayState } from '../contract/messages.js';
import { displayState } from './fake-electron.test-support.js';
import type { Bridge } from '../contract/bridge.js';

// The preload runs against this stand-in for the sandboxed renderer's `electron` module.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const onHandlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const sent: { channel: string; args: unknown[] }[] = [];
  return {
    exposed,
    onHandlers,
    sent,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
      ipcRenderer: {
        on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void onHandlers.set(channel, listener),
        send: (channel: string, ...args: unknown[]) => void sent.push({ channel, args }),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

let bridge: Bridge;
const IPC_EVENT = { sender: 'the ipcRenderer', ports: [] };
const hostSends = (state: DisplayState): void => electron.onHandlers.get(CHANNELS.state)!(IPC_EVENT, state);

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  electron.onHandlers.clear();
  electron.sent.length = 0;
  await import('./preload.js');
  bridge = electron.exposed.get('hallcast') as Bridge;
});

describe('the preload', () => {
  it('exposes exactly eleven named functions as window.hallcast, and nothing else', () => {
    expect([...electron.exposed.keys()]).toStrictEqual(['hallcast']);
    expect(Object.keys(bridge).sort()).toStrictEqual(['acknowledge', 'audio', 'clock', 'fault', 'heartbeat', 'hello', 'onAnnounce', 'onClock', 'onEmergency', 'onQueue', 'onState', 'painted', 'report', 'reportAnnouncement']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(electron.module.ipcRenderer);
  });

  it('gives listeners the state only, never the IPC event', () => {
    const calls: unknown[][] = [];
    bridge.onState((...args: unknown[]) => calls.push(args));
    hostSends(displayState(4));
    expect(calls).toStrictEqual([[displayState(4)]]);
  });

  it('passes queue boards on their own channel, the board only, and starts a late subscriber from the last one', () => {
    const board = { seq: 3, at: 5, services: [], serving: [{ counter: 5, ticket: 'A023', priority: false }], calls: [], feed: { kind: 'push', state: 'up', delayed: false, lastEventAt: 5 } } as const;
    const early: unknown[][] = [];
    bridge.onQueue((...args: unknown[]) => early.push(args));
    electron.onHandlers.get(CHANNELS.queue)!(IPC_EVENT, board);
    const late: unknown[][] = [];
    const unsubscribe = bridge.onQueue((...args: unknown[]) => late.push(args));
    expect(early).toStrictEqual([[board]]);
    expect(late).toStrictEqual([[board]]);
    unsubscribe();
    electron.onHandlers.get(CHANNELS.queue)!(IPC_EVENT, null);
    expect(late).toHaveLength(1);
    expect(early.at(-1)).toStrictEqual([null]);
  });

  it('passes announce messages on their own channel, the message only, with no replay for a late subscriber', () => {
    const play = { type: 'play', play: { id: 'a1', kind: 'call', clips: ['/media/voice/zh-CN/chime.ogg'], leadIn: 1, repeat: 1, pauseSeconds: 0.8, duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 }, lines: [{ lang: 'zh-CN', text: '请 A023 号到 5 号窗口' }], speak: true } } as const;
    const stop = { type: 'stop', id: 'a1', reason: 'ended' } as const;
    const early: unknown[][] = [];
    const unsubscribe = bridge.onAnnounce((...args: unknown[]) => early.push(args));
    electron.onHandlers.get(CHANNELS.announce)!(IPC_EVENT, play);
    const late: unknown[][] = [];
    bridge.onAnnounce((...args: unknown[]) => late.push(args));
    expect(late).toStrictEqual([]);
    electron.onHandlers.get(CHANNELS.announce)!(IPC_EVENT, stop);
    expect(early).toStrictEqual([[play], [stop]]);
    expect(late).toStrictEqual([[stop]]);
    unsubscribe();
    electron.onHandlers.get(CHANNELS.announce)!(IPC_EVENT, stop);
    expect(early).toHaveLength(2);
  });

  it('returns an unsubscribe function that stops the calls', () => {
    const seen: number[] = [];
    const unsubscribe = bridge.onState((s) => seen.push(s.seq));
    hostSends(displayState(1));
    expect(unsubscribe()).toBeUndefined();
    hostSends(displayState(2));
    expect(seen).toStrictEqual([1]);
  });

  it('starts a late subscriber from the last state, and keeps other listeners when one throws', () => {
    hostSends(displayState(7));
    const seen: number[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bridge.onState((s) => {
      if (s.seq === 8) throw new Error('broken zone');
    });
    bridge.onState((s) => seen.push(s.seq));
    hostSends(displayState(8));
    expect(seen).toStrictEqual([7, 8]);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('sends each message on its own channel, the payload alone', () => {
    const report = { event: 'ended', programme: 'p', item: 'p#0', url: null, at: 1 } as const;
    const heartbeat = { at: 2, programme: null, item: null, position: null };
    const hello = { shell: 'electron', width: 1920, height: 1080, userAgent: 'ua' } as const;
    const announced = { id: 'a1', event: 'started', at: 3, duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 } } as const;
    bridge.report(report);
    bridge.heartbeat(heartbeat);
    bridge.hello(hello);
    bridge.reportAnnouncement(announced);
    expect(electron.sent).toStrictEqual([
      { channel: CHANNELS.report, args: [report] },
      { channel: CHANNELS.heartbeat, args: [heartbeat] },
      { channel: CHANNELS.hello, args: [hello] },
      { channel: CHANNELS.announcement, args: [announced] },
    ]);
  });
});
