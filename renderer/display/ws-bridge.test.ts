import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, createWsBridge, readFrame, wsUrlFor } from './ws-bridge.js';

describe('ws bridge', () => {
  it('connects to /ws on the page origin, wss under https', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '10.0.0.5:8080' })).toBe('ws://10.0.0.5:8080/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'hall.example' })).toBe('wss://hall.example/ws');
    expect(wsUrlFor({ protocol: 'http:', host: '10.0.0.5:8080', search: '?preview' })).toBe('ws://10.0.0.5:8080/admin/ws');
    expect(wsUrlFor({ protocol: 'http:', host: '10.0.0.5:8080', search: '?x=1' })).toBe('ws://10.0.0.5:8080/ws');
  });

  it('backs off from 250 ms and never waits more than 5 s', () => {
    expect(backoffMs(0, () => 0.5)).toBe(250);
    expect(backoffMs(2, () => 0.5)).toBe(1000);
    for (let n = 0; n < 100; n++) for (const r of [0, 0.5, 0.999]) expect(backoffMs(n, () => r)).toBeLessThanOrEqual(5000);
  });
});

describe('readFrame', () => {
  it('reads a JSON frame through the contract\'s guard, and drops a half-written or binary one', () => {
    expect(readFrame(JSON.stringify({ type: 'queue', queue: null }))).toEqual({ type: 'queue', queue: null });
    expect(readFrame(JSON.stringify({ type: 'announce', announce: { type: 'stop', id: 'a1' } }))).toBeNull();
    expect(readFrame('{"type":"announce"')).toBeNull();
    expect(readFrame(new ArrayBuffer(8))).toBeNull();
  });
});

describe('createWsBridge sessions', () => {
  class FakeSocket {
    static OPEN = 1;
    static all: FakeSocket[] = [];
    readyState = 0;
    sent: { type: string }[] = [];
    onopen: (() => void) | null = null;
    onclose: (() => void) | null = null;
    onmessage: ((ev: MessageEvent) => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly url: string) {
      FakeSocket.all.push(this);
    }
    send(data: string) {
      this.sent.push(JSON.parse(data) as { type: string });
    }
    open() {
      this.readyState = 1;
      this.onopen?.();
    }
    close() {
      this.readyState = 3;
      this.onclose?.();
    }
  }

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    FakeSocket.all = [];
  });

  it('opens every session with the hello, then the audio output, so a restarted host knows it is a display that can speak', () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const bridge = createWsBridge('ws://hall/ws');
    // The audio output is known before the hello (the announcer starts first): it waits for it.
    bridge.audio({ output: 'ready', at: 1 });
    bridge.hello({ shell: 'chromium', width: 1920, height: 1080, userAgent: 'x' });
    bridge.report({ event: 'ended', programme: 'p', item: 'p#0', url: null, at: 2 });
    const first = FakeSocket.all[0]!;
    first.open();
    expect(first.sent.map((m) => m.type)).toStrictEqual(['hello', 'audio', 'report']);
    first.close();
    vi.advanceTimersByTime(5_000);
    const second = FakeSocket.all[1]!;
    second.open();
    expect(second.sent.map((m) => m.type)).toStrictEqual(['hello', 'audio']);
    bridge.audio({ output: 'blocked', at: 3 });
    expect(second.sent.at(-1)).toStrictEqual({ type: 'audio', audio: { output: 'blocked', at: 3 } });
  });

  it('hands states to every listener, a late one from the latest, and keeps the others when one throws', () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const bridge = createWsBridge('ws://hall/ws');
    const socket = FakeSocket.all[0]!;
    socket.open();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    bridge.onState(() => {
      throw new Error('broken zone');
    });
    bridge.onState((s) => seen.push(s.seq));
    const state = (seq: number) => ({ data: JSON.stringify({ type: 'state', state: { seq, serverTime: 0, layout: { zones: [] } } }) }) as MessageEvent;
    socket.onmessage!(state(1));
    const late: number[] = [];
    bridge.onState((s) => late.push(s.seq));
    expect(seen).toStrictEqual([1]);
    expect(late).toStrictEqual([1]);
    expect(error).toHaveBeenCalledWith('hallcast: a state listener threw', expect.any(Error));
    error.mockRestore();
  });
});
