// DEV ONLY: the live parts of a hall for fake-server.mjs — a queue board that moves, and a PA queue
// that plays what the console announces (about 5 s each).
const SERVICES = [
  { id: 'A', name: { 'zh-CN': '综合业务', en: 'General business' }, priority: false, minutes: 6 },
  { id: 'B', name: { 'zh-CN': '缴费充值', en: 'Payments & top-up' }, priority: false, minutes: 2.5 },
  { id: 'V', name: { 'zh-CN': '爱心通道', en: 'Priority & special care' }, priority: true, minutes: 7 },
];
const KIND_PRIORITY = { emergency: 400, pa: 300, call: 200, care: 100 };

export function fakeHall() {
  let seq = 0;
  let current = null;
  const pending = [];
  const recent = [];

  function advance(now) {
    if (current && now >= current.expectedEndAt) {
      recent.unshift({ id: current.id, kind: current.kind, key: current.key, outcome: 'played', reason: null, at: now });
      current = null;
    }
    if (!current && pending.length) {
      pending.sort((a, b) => b.priority - a.priority || a.requestedAt - b.requestedAt);
      const next = pending.shift();
      current = { ...next, startedAt: now, expectedEndAt: now + next.durationMs, display: 'a1b2c3d4-fake' };
    }
    recent.splice(20);
  }

  function queue(now) {
    const minute = Math.floor(now / 60000);
    const services = SERVICES.map((s, i) => {
      const waiting = Math.max(0, Math.round(12 + 9 * Math.sin(minute / 7 + i * 2))) - (s.priority ? 10 : 0);
      const w = Math.max(0, waiting);
      const low = Math.round(w * s.minutes / 3);
      const high = low + 5;
      return { id: s.id, name: s.name, priority: s.priority, waiting: w, wait: w === 0 ? { zh: '无需等候', en: 'no wait' } : { zh: `${low}–${high} 分钟`, en: `${low}–${high} min` }, minutes: { low, high } };
    });
    const nowServing = [1, 2, 3, 4, 5, 6].map((counter) => {
      const prefix = counter === 4 ? 'B' : counter === 6 && minute % 3 === 0 ? 'V' : 'A';
      return { counter, ticket: counter === 3 && minute % 4 === 0 ? null : `${prefix}${String(((minute * 3 + counter * 7) % 200) + 1).padStart(3, '0')}`, priority: prefix === 'V' };
    });
    const recentCalls = nowServing.filter((c) => c.ticket).map((c, i) => ({ key: `${c.ticket}@${c.counter}`, ticket: c.ticket, counter: c.counter, at: now - i * 95_000, recall: i === 2, priority: c.priority, fresh: i === 0 }));
    return {
      now,
      feed: { kind: 'simulator', state: 'up', delayed: false, lastEventAt: now - 2000 },
      nowServing,
      recentCalls,
      services,
      overdue: services[0].waiting > 18 ? [{ ticket: 'A041', service: 'A', waitedMinutes: 52 }] : [],
    };
  }

  return {
    status(config, rows, diagnostics) {
      const now = Date.now();
      advance(now);
      let at = 0;
      while (at + 1 < rows.length && rows[at + 1].at <= now) at++;
      const row = rows[at];
      const next = rows[at + 1] ?? null;
      const programme = row?.programme ? config.programmes[row.programme] : null;
      const items = programme?.items ?? [];
      const item = items.length ? items[Math.floor(now / 8000) % items.length] : null;
      const q = queue(now);
      return {
        ok: true,
        uptimeSeconds: Math.round(process.uptime()),
        programme: programme ? { id: row.programme, title: programme.title } : null,
        entry: row?.entry ?? null,
        since: row?.at ?? null,
        nextSwitch: next ? { at: next.at, programme: next.programme, entry: next.entry } : null,
        nowPlaying: item ? { item: item.src ?? `text: ${item.title?.['zh-CN'] ?? ''}`, position: (now % 8000) / 1000 } : null,
        displays: [{ id: 'a1b2c3d4-fake', shell: 'chromium', width: 1920, height: 1080, lastSeen: now - 1500, programme: row?.programme ?? null, item: item?.src ?? null, position: 1.5 }],
        playlists: { loadedAt: now - 60_000, from: 'folder', errors: diagnostics.filter((d) => d.severity === 'error').map(format), warnings: diagnostics.filter((d) => d.severity === 'warning').map(format) },
        queue: q,
        announcements: { at: now, current, pending: [...pending], recent: [...recent], displays: 1 },
        alerts: [...q.overdue.map((o) => ({ kind: 'overdue', ...o })), ...(q.services[0].waiting >= 20 ? [{ kind: 'care-rule', rule: 'general-busy', reason: `A: ${q.services[0].waiting} waiting (≥ 20)` }] : [])],
      };
    },

    announce(body) {
      const priority = body.priority ?? 'pa';
      if (!(priority in KIND_PRIORITY)) return { status: 400, body: { error: `priority "${priority}" is not one of emergency, pa, call, care` } };
      const repeat = body.repeat ?? 1;
      if (!Number.isInteger(repeat) || repeat < 1 || repeat > 5) return { status: 400, body: { error: 'repeat must be a whole number from 1 to 5' } };
      let lines;
      let kind = priority;
      let key = null;
      if (body.template === 'call') {
        const { ticket, counter } = body.vars ?? {};
        if (!/^[A-Z]{1,3}\d{1,4}$/.test(String(ticket ?? ''))) return { status: 400, body: { error: `ticket "${ticket}" is not a ticket: 1–3 capital letters and 1–4 digits, e.g. A023` } };
        if (!Number.isInteger(counter) || counter < 0) return { status: 400, body: { error: `counter ${counter} is not a counter number` } };
        lines = [{ lang: 'zh-CN', text: `请${ticket}号到${counter}号窗口` }, { lang: 'en', text: `Number ${ticket}, please go to counter ${counter}` }];
        kind = 'call';
        key = `call:${ticket}`;
      } else {
        const text = typeof body.text === 'string' ? { 'zh-CN': body.text } : body.text ?? {};
        const languages = body.languages ?? ['zh-CN', 'en'];
        for (const lang of languages) {
          if (!text[lang]) return { status: 400, body: { error: `no ${lang} text, but it is read in ${lang}` } };
          if (text[lang].length > 500) return { status: 400, body: { error: `the ${lang} text is over 500 characters` } };
        }
        lines = languages.map((lang) => ({ lang, text: text[lang] }));
      }
      const id = `ann-${++seq}`;
      const now = Date.now();
      pending.push({ id, kind, priority: KIND_PRIORITY[kind], requestedAt: now, expiresAt: now + 600_000, repeat, key, merged: 0, held: false, lines, durationMs: 5000 * repeat });
      return { status: 202, body: { id, state: 'queued' } };
    },
  };
}

function format(d) {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}
