import { afterEach, describe, expect, it, vi } from 'vitest';
import { aged, backoffMs, createWsBridge, parseToDisplay, wsUrlFor } from './ws-bridge.js';

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

describe('parseToDisplay', () => {
  const play = {
    id: 'a1',
    kind: 'call',
    clips: ['/media/voice/zh-CN/chime.ogg', '/media/voice/zh-CN/qing.ogg'],
    leadIn: 1,
    repeat: 1,
    pauseSeconds: 0.8,
    duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 },
    lines: [{ lang: 'zh-CN', text: '请 A023 号到 5 号窗口' }],
    speak: true,
  };
  const frame = (announce: unknown) => JSON.stringify({ type: 'announce', announce });

  it('takes announce frames: a play and a stop', () => {
    expect(parseToDisplay(frame({ type: 'play', play }))).toEqual({ type: 'announce', announce: { type: 'play', play } });
    expect(parseToDisplay(frame({ type: 'stop', id: 'a1', reason: 'ended' }))).toEqual({ type: 'announce', announce: { type: 'stop', id: 'a1', reason: 'ended' } });
  });

  it('drops an announce frame with a missing or mistyped field rather than play it', () => {
    const broken: unknown[] = [
      { type: 'play' },
      { type: 'play', play: { ...play, clips: '/media/voice/zh-CN/qing.ogg' } },
      { type: 'play', play: { ...play, clips: [1] } },
      { type: 'play', play: { ...play, repeat: 0 } },
      { type: 'play', play: { ...play, leadIn: 0.5 } },
      { type: 'play', play: { ...play, pauseSeconds: -1 } },
      { type: 'play', play: { ...play, duck: { depthDb: '-15', attackSeconds: 0.5, releaseSeconds: 1.5 } } },
      { type: 'play', play: { ...play, lines: [{ lang: 'fr', text: 'x' }] } },
      { type: 'play', play: { ...play, kind: 'music' } },
      { type: 'play', play: { ...play, speak: 'yes' } },
      { type: 'stop', id: 'a1' },
      { type: 'pause', id: 'a1' },
      null,
    ];
    for (const b of broken) expect(parseToDisplay(frame(b))).toBeNull();
    expect(parseToDisplay('{"type":"announce"')).toBeNull();
  });

  it('still takes states and boards', () => {
    expect(parseToDisplay(JSON.stringify({ type: 'queue', queue: null }))).toEqual({ type: 'queue', queue: null });
    expect(parseToDisplay(JSON.stringify({ type: 'state', state: { layout: {} } }))).toBeNull();
  });
});

describe('aged', () => {
  it('moves a waiting state\'s serverTime on by the time it waited, so the display clock is not set behind', () => {
    const state = { serverTime: 1_000_000 } as unknown as Parameters<typeof aged>[0];
    expect(aged(state, 5_000, 5_480).serverTime).toBe(1_000_480);
    expect(aged(state, 5_000, 4_000).serverTime).toBe(1_000_000);
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
});
