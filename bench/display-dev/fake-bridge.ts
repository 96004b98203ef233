/**
 * DEV ONLY — never bundled into the display. Stands in for the Electron preload: defines
 * `window.hallcast` with a scripted host so the display can be tried without Electron or the
 * host. Loaded by dist/renderer-dev/index.html before app.js. Query parameters:
 *   scenario=mixed|videos|shuffle|portrait|text|idle|idle-image|broken|stall|all-broken (default mixed)
 *   alead=<ms>  the announcer's schedule-ahead lead (sets <html data-announce-lead-ms>)
 *   call=<s>    the host calls ticket A023 to counter 5 that many seconds after the first state
 *   speak=0     ... as a display without the PA (banner only)
 * Tests read what the display sent from `window.__fakeHost` and may push further states or
 * announce (`call`, `announce`). Like the host, it sends every display a `stop` once the speaking
 * one reports the announcement ended or failed.
 */
import type {
  AnnounceMessage,
  AnnouncementPlay,
  AnnouncementReport,
  DisplayFault,
  DisplayAudio,
  DisplayHeartbeat,
  DisplayHello,
  DisplayState,
  ItemPlan,
  LayoutPlan,
  PlaybackReport,
  ProgrammePlan,
  QueueBoardState,
} from '../../electron/contract/messages.js';
import type { Bridge } from '../../electron/contract/bridge.js';

const landscape: LayoutPlan = {
  name: 'landscape',
  orientation: 'landscape',
  background: '#0b1f3a',
  zones: [
    { name: 'main', kind: 'programme', x: 0, y: 0, w: 0.7, h: 0.82 },
    { name: 'clock', kind: 'clock', x: 0.7, y: 0, w: 0.3, h: 0.12 },
    { name: 'queue', kind: 'queue', x: 0.7, y: 0.12, w: 0.3, h: 0.7 },
    { name: 'banner', kind: 'announcement', x: 0, y: 0.82, w: 1, h: 0.1 },
    { name: 'ticker', kind: 'ticker', x: 0, y: 0.92, w: 1, h: 0.08 },
  ],
};

const portrait: LayoutPlan = {
  name: 'portrait',
  orientation: 'portrait',
  background: '#0b1f3a',
  zones: [
    { name: 'main', kind: 'programme', x: 0, y: 0, w: 1, h: 0.32 },
    { name: 'clock', kind: 'clock', x: 0, y: 0.32, w: 1, h: 0.06 },
    { name: 'queue', kind: 'queue', x: 0, y: 0.38, w: 1, h: 0.44 },
    { name: 'banner', kind: 'announcement', x: 0, y: 0.82, w: 1, h: 0.1 },
    { name: 'ticker', kind: 'ticker', x: 0, y: 0.92, w: 1, h: 0.08 },
  ],
};

const notices = [
  { 'zh-CN': '缴费、打印发票、补换 SIM 卡可在自助终端办理，无需排队', en: 'Pay bills, print invoices and replace SIM cards at the self-service kiosks, no queue needed' },
  { 'zh-CN': '爱心窗口为老年人、残障人士和孕妇优先服务', en: 'The priority counter serves elderly, disabled and pregnant customers first' },
  { 'zh-CN': '等候期间请留意屏幕叫号，过号请到服务台重新取号', en: 'Please watch the screen for your number; if you miss it, ask at the service desk' },
];

const video = (id: string, i: number, file: string, trim: { in?: number; out?: number } = {}): ItemPlan => ({
  type: 'video',
  key: `${id}#${i}`,
  url: `/media/video/${file}`,
  in: trim.in ?? null,
  out: trim.out ?? null,
  volume: 0.6,
});
const image = (id: string, i: number, file: string, duration = 4): ItemPlan => ({ type: 'image', key: `${id}#${i}`, url: `/media/images/${file}`, duration, volume: 0.6 });
const text = (id: string, i: number): ItemPlan => ({
  type: 'text',
  key: `${id}#${i}`,
  duration: 4,
  volume: 0.6,
  title: { 'zh-CN': '5G 畅享套餐 限时优惠', en: '5G unlimited plans: limited-time offer' },
  body: { 'zh-CN': '月费 99 元起，含 30GB 流量与 500 分钟通话', en: 'From ¥99 a month with 30 GB of data and 500 minutes' },
  background: '#0a4fa0',
  color: '#ffffff',
});

function programme(id: string, items: ItemPlan[], order: 'loop' | 'shuffle' = 'loop', hideZones: string[] = []): ProgrammePlan {
  return { id, title: { 'zh-CN': '测试节目', en: 'Test programme' }, order, items, hideZones };
}

const scenarios: Record<string, () => Pick<DisplayState, 'programme' | 'layout' | 'idleImage'>> = {
  mixed: () => ({
    layout: landscape,
    idleImage: null,
    programme: programme('morning', [
      video('morning', 0, 'hall-welcome.mp4'),
      video('morning', 1, '5g-plans.mp4'),
      image('morning', 2, 'slide-services.jpg'),
      video('morning', 3, 'broadband.webm', { in: 1, out: 7 }),
      text('morning', 4),
    ]),
  }),
  videos: () => ({
    layout: landscape,
    idleImage: null,
    programme: programme('videos', [
      video('videos', 0, 'hall-welcome.mp4'),
      video('videos', 1, 'self-service-guide.webm'),
      video('videos', 2, '5g-plans.mp4', { in: 1, out: 6 }),
      video('videos', 3, 'broadband.webm'),
      video('videos', 4, 'evening-calm.mp4'),
    ]),
  }),
  shuffle: () => ({
    layout: landscape,
    idleImage: null,
    programme: programme('shuffle', [image('shuffle', 0, 'slide-services.jpg', 1), image('shuffle', 1, 'slide-weekend.jpg', 1), image('shuffle', 2, 'slide-holiday.jpg', 1)], 'shuffle'),
  }),
  portrait: () => ({ ...scenarios['mixed']!(), layout: portrait }),
  text: () => ({ layout: landscape, idleImage: null, programme: programme('text', [text('text', 0)]) }),
  idle: () => ({ layout: landscape, idleImage: null, programme: null }),
  'idle-image': () => ({ layout: landscape, idleImage: '/media/images/idle-branding.jpg', programme: null }),
  broken: () => ({
    layout: landscape,
    idleImage: null,
    programme: programme('broken', [
      video('broken', 0, 'hall-welcome.mp4', { out: 3 }),
      video('broken', 1, 'no-such-file.mp4'),
      { type: 'video', key: 'broken#2', url: '/media/__dev/corrupt.mp4', in: null, out: null, volume: 0.6 },
      image('broken', 3, 'no-such-slide.jpg'),
      image('broken', 4, 'slide-weekend.jpg', 2),
    ]),
  }),
  stall: () => ({
    layout: landscape,
    idleImage: null,
    programme: programme('stall', [
      { type: 'video', key: 'stall#0', url: '/media/__dev/stall.mp4', in: null, out: null, volume: 0.6 },
      image('stall', 1, 'slide-holiday.jpg', 3),
    ]),
  }),
  'all-broken': () => ({
    layout: landscape,
    idleImage: null,
    programme: programme('all-broken', [video('all-broken', 0, 'gone.mp4'), image('all-broken', 1, 'gone.jpg')]),
  }),
};

const params = new URLSearchParams(window.location.search);
const announceLead = params.get('alead');
if (announceLead !== null) document.documentElement.dataset['announceLeadMs'] = announceLead;
const scenario = scenarios[params.get('scenario') ?? 'mixed'] ?? scenarios['mixed']!;

/** A call as the host composes it (electron/host/services/pa-desk/spoken.ts): one chime, zh-CN then en. */
function callPlay(ticket: string, counter: number, speak: boolean): AnnouncementPlay {
  const t = ticket.toUpperCase();
  const read = (lang: string): string[] => [...t].map((ch) => `/media/voice/${lang}/${/\d/.test(ch) ? 'digit' : 'letter'}-${ch}.ogg`);
  const zh = (seg: string): string => `/media/voice/zh-CN/${seg}.ogg`;
  const en = (seg: string): string => `/media/voice/en/${seg}.ogg`;
  return {
    id: `call-${t}-${counter}-${++announced}`,
    kind: 'call',
    clips: [zh('chime'), zh('qing'), ...read('zh-CN'), zh('hao'), zh('dao'), zh(`num-${counter}`), zh('hao-chuangkou'), en('ticket'), ...read('en'), en('please-go-to-counter'), en(`num-${counter}`)],
    leadIn: 1,
    repeat: 1,
    pauseSeconds: 0.8,
    duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 },
    lines: [
      { lang: 'zh-CN', text: `请 ${t} 号到 ${counter} 号窗口` },
      { lang: 'en', text: `Ticket ${t}, please go to counter ${counter}` },
    ],
    speak,
  };
}

let seq = 0;
let announced = 0;
const listeners = new Set<(s: DisplayState) => void>();
const queueListeners = new Set<(b: QueueBoardState | null) => void>();
const announceListeners = new Set<(m: AnnounceMessage) => void>();
const host = {
  reports: [] as PlaybackReport[],
  announcements: [] as AnnouncementReport[],
  heartbeats: [] as DisplayHeartbeat[],
  hellos: [] as DisplayHello[],
  faults: [] as DisplayFault[],
  audio: [] as DisplayAudio[],
  /** Build a state from a scenario name or parts, and send it. */
  push(parts: Partial<DisplayState> | string): DisplayState {
    const base = typeof parts === 'string' ? (scenarios[parts] ?? scenarios['mixed']!)() : { ...scenario(), ...parts };
    const state: DisplayState = {
      seq: ++seq,
      entry: null,
      nextSwitch: null,
      display: { id: null, name: null, area: null, counter: null, viewingDistanceMetres: 5 },
      ticker: { speed: 120, notices },
      timezone: 'Asia/Shanghai',
      serverTime: Date.now(),
      diversion: null,
      ...base,
    };
    for (const l of listeners) l(state);
    return state;
  },
  /** Send a queue board (null: the hall has no queue data). */
  pushQueue(board: QueueBoardState | null): void {
    for (const l of queueListeners) l(board);
  },
  /** Send an announce message (play or stop) as the host would. */
  announce(message: AnnounceMessage): void {
    for (const l of announceListeners) l(message);
  },
  /** Call a ticket to a counter (1–9) in zh-CN and en; returns the play sent. */
  call(ticket = 'A023', counter = 5, speak = true): AnnouncementPlay {
    const play = callPlay(ticket, counter, speak);
    host.announce({ type: 'play', play });
    return play;
  },
};

const bridge: Bridge = {
  onState(listener) {
    listeners.add(listener);
    // Not from a test's page.evaluate: that would count as a user gesture and hide autoplay bugs.
    if (seq === 0) setTimeout(() => host.push({}), 0);
    const callAfter = params.get('call');
    if (seq === 0 && callAfter !== null) setTimeout(() => host.call('A023', 5, params.get('speak') !== '0'), Number(callAfter) * 1000);
    return () => listeners.delete(listener);
  },
  onQueue(listener) {
    queueListeners.add(listener);
    return () => queueListeners.delete(listener);
  },
  onAnnounce(listener) {
    announceListeners.add(listener);
    return () => announceListeners.delete(listener);
  },
  // No emergencies in the display probes: the listener hears the host's "none".
  onEmergency(listener) {
    setTimeout(() => listener(null), 0);
    return () => undefined;
  },
  acknowledge: () => undefined,
  report: (r) => void host.reports.push(r),
  reportAnnouncement(r) {
    host.announcements.push(r);
    // The host takes the banner down everywhere once the speaking display is done with it.
    if (r.event !== 'started') setTimeout(() => host.announce({ type: 'stop', id: r.id, reason: r.reason ?? 'ended' }), 0);
  },
  heartbeat: (h) => void host.heartbeats.push(h),
  hello: (h) => void host.hellos.push(h),
  fault: (f) => void host.faults.push(f),
  // The fake host answers no clock pings: the display keeps its serverTime offset, and flashes on arrival.
  onClock: () => () => undefined,
  clock: () => undefined,
  painted: () => undefined,
  audio: (a) => void host.audio.push(a),
};

declare global {
  interface Window {
    __fakeHost?: typeof host;
  }
}
window.hallcast = bridge;
window.__fakeHost = host;
