/**
 * Status: what the screen plays now and next, the queue board, playlist problems, alerts, the PA
 * queue, today's switches and a live view of the screen. Refreshes every 3 s.
 */
import { api } from '../api/client.js';
import type { Alert, HallStatus, HealthClass, HealthView, QueueStatus, ScreensView, Timeline } from '../api/types.js';
import { LiveView } from '../components/live-view.js';
import { PaQueueView } from '../components/pa-queue.js';
import { ScreenPictures } from '../components/screen-pictures.js';
import { ScreenPowerList } from '../components/screen-power.js';
import { usePoll } from '../components/use-poll.js';
import { html } from '../html.js';
import { pickText, t } from '../i18n/translate.js';
import { clockTime, dateTime } from '../logic/format-time.js';

const STATUS_MS = 3000;

function NowPlaying({ status, timeZone, timeline }: { status: HallStatus; timeZone: string | null; timeline: Timeline | null }) {
  const next = status.nextSwitch;
  const nextTitle = next?.programme ? (timeline?.rows.find((r) => r.programme === next.programme)?.title ?? next.programme) : t('status.idle');
  const display = status.displays[0];
  return html`<dl class="facts">
    <dt>${t('status.programme')}</dt>
    <dd data-testid="status-programme" data-programme=${status.programme?.id ?? ''}>
      ${status.programme ? html`<strong>${pickText(status.programme.title)}</strong> <span class="mono hint">${status.programme.id}</span>` : t('status.idle')}
    </dd>
    <dt>${t('status.entry')}</dt>
    <dd data-testid="status-entry" data-entry=${status.entry ?? ''}>${status.entry ? html`<span class="mono">${status.entry}</span>` : t('status.defaultEntry')}</dd>
    <dt>${t('status.since')}</dt>
    <dd data-testid="status-since">${status.since === null ? '—' : dateTime(status.since, timeZone)}</dd>
    <dt>${t('status.next')}</dt>
    <dd data-testid="status-next-switch" data-programme=${next?.programme ?? ''}>
      ${next ? html`${t('status.nextTo', { time: dateTime(next.at, timeZone), programme: nextTitle })}${next.entry ? html` <span class="mono hint">${next.entry}</span>` : null}` : t('status.noNext')}
    </dd>
    <dt>${t('status.item')}</dt>
    <dd data-testid="status-now-playing">
      ${status.nowPlaying?.item ? html`<span class="mono">${status.nowPlaying.item}</span>${status.nowPlaying.position !== null ? html` · ${t('status.position', { seconds: status.nowPlaying.position.toFixed(1) })}` : null}` : '—'}
    </dd>
    <dt>${t('status.displays')}</dt>
    <dd data-testid="status-displays">
      ${display
        ? html`${status.displays.length} · ${display.shell ?? '?'} ${display.width && display.height ? `${display.width}×${display.height}` : ''} · ${t('status.seenAt', { time: clockTime(display.lastSeen, timeZone) })}`
        : html`<span class="bad">${t('status.noDisplays')}</span>`}
    </dd>
    <dt>${t('status.power')}</dt>
    <dd><${ScreenPowerList} status=${status} timeZone=${timeZone} /></dd>
  </dl>`;
}

function QueueBoard({ queue, timeZone }: { queue: QueueStatus | null; timeZone: string | null }) {
  if (!queue) return html`<p class="hint" data-testid="status-queue">${t('status.noQueue')}</p>`;
  const feed = queue.feed;
  return html`<div data-testid="status-queue">
    <p class=${`feed feed-${feed.state}`} data-testid="status-feed" data-state=${feed.state}>
      <span class="dot" aria-hidden="true"></span>
      ${t('status.feed')}: <strong>${t(`status.feed.${feed.state}`)}</strong> (${feed.kind})
      ${feed.lastEventAt ? html` · ${t('status.lastEvent', { time: clockTime(feed.lastEventAt, timeZone) })}` : null}
      ${feed.reason ? html` · <span class="hint">${feed.reason}</span>` : null}
    </p>
    <div class="table-wrap">
      <table class="services">
        <thead><tr><th scope="col">${t('status.service')}</th><th scope="col" class="num">${t('status.waiting')}</th><th scope="col">${t('status.estimate')}</th></tr></thead>
        <tbody>
          ${queue.services.map(
            (s) => html`<tr data-testid=${`status-service-${s.id}`}>
              <th scope="row">${s.priority ? '♥ ' : ''}<span class="mono">${s.id}</span> ${pickText(s.name)}</th>
              <td class="num">${s.waiting}</td>
              <td>${s.wait.zh === s.wait.en ? s.wait.zh : html`${s.wait.zh} <span class="hint" lang="en">${s.wait.en}</span>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h3>${t('status.serving')}</h3>
    <ul class="counters">
      ${queue.nowServing.map(
        (c) => html`<li class=${c.priority ? 'priority' : ''} data-testid=${`status-counter-${c.counter}`}>
          <span class="counter-no">${t('status.counter', { counter: c.counter })}</span>
          <strong class="mono">${c.ticket ?? t('status.counterFree')}</strong>
        </li>`,
      )}
    </ul>
    <h3>${t('status.recentCalls')}</h3>
    <ul class="calls">
      ${queue.recentCalls.slice(0, 6).map(
        (c) => html`<li><span class="time">${clockTime(c.at, timeZone)}</span> ${t('status.call', { ticket: c.ticket, counter: c.counter })}${c.recall ? html` <span class="badge muted">${t('status.recall')}</span>` : null}</li>`,
      )}
    </ul>
  </div>`;
}

function Alerts({ alerts }: { alerts: Alert[] }) {
  return html`<ul class="alerts" data-testid="status-alerts">
    ${alerts.length === 0 ? html`<li class="hint">${t('status.noAlerts')}</li>` : null}
    ${alerts.map((a) =>
      a.kind === 'overdue'
        ? html`<li class="alert overdue">${t('status.overdue', { ticket: a.ticket, service: a.service, minutes: Math.round(a.waitedMinutes) })}</li>`
        : a.kind === 'provisional-holidays'
          ? html`<li class="alert holidays" data-testid="status-alert-holidays" data-year=${a.year}>${t('status.provisionalHolidays', { year: a.year, calendar: a.calendar })}</li>`
          : html`<li class="alert care">${t('status.careRule', { rule: a.rule, reason: a.reason })}</li>`,
    )}
  </ul>`;
}

/** The player's own faults since it started; a class that still holds is marked as ongoing. */
function Health({ health, timeZone }: { health: HealthView; timeZone: string | null }) {
  const seen = (Object.entries(health.classes) as [HealthClass, HealthView['classes'][HealthClass]][]).filter(([, c]) => c.count > 0 || c.active.length > 0);
  return html`<ul class="alerts" data-testid="status-health" data-ok=${String(health.ok)}>
    ${seen.length === 0 ? html`<li class="hint">${t('status.healthy')}</li>` : null}
    ${seen.map(
      ([kind, c]) => html`<li class=${`alert health ${c.active.length > 0 ? 'bad' : ''}`} data-kind=${kind}>
        ${t(`status.health.${kind}`)} · ${t('status.health.count', { count: c.count })}
        ${c.active.length > 0 ? html` · <strong>${t('status.health.active')}</strong>` : null}
        ${c.last ? html`<br /><span class="time">${clockTime(c.last.at, timeZone)}</span><span class="hint mono">${c.last.message}</span>` : null}
      </li>`,
    )}
  </ul>`;
}

function Problems({ playlists }: { playlists: HallStatus['playlists'] }) {
  const none = playlists.errors.length === 0 && playlists.warnings.length === 0;
  return html`<div data-testid="status-problems">
    ${none ? html`<p class="hint">${t('status.noProblems')}</p>` : null}
    ${playlists.errors.length > 0
      ? html`<h3 class="bad">${t('status.errors')}</h3><ul class="findings" data-testid="status-errors">${playlists.errors.map((e) => html`<li class="error mono">${e}</li>`)}</ul>`
      : null}
    ${playlists.warnings.length > 0
      ? html`<h3>${t('status.warnings')}</h3><ul class="findings" data-testid="status-warnings">${playlists.warnings.map((w) => html`<li class="warning mono">${w}</li>`)}</ul>`
      : null}
  </div>`;
}

export function StatusPage() {
  const status = usePoll(() => api<HallStatus>('GET', 'status'), STATUS_MS);
  const timeline = usePoll(() => api<Timeline>('GET', 'timeline?days=1'), 60_000);
  const screens = usePoll(() => api<ScreensView>('GET', 'screens'), 5_000);
  const zone = timeline.data?.timezone ?? null;
  const s = status.data;
  const now = s ? Date.now() : 0;
  return html`<div class="page status-page" data-testid="status-page">
    <div class="page-head">
      <h1>${t('status.title')}</h1>
      <p class="hint" role="status" data-testid="status-updated">
        ${status.error ? html`<span class="bad">${t('common.unreachable')}</span> ` : null}
        ${status.updatedAt ? t('common.updated', { time: clockTime(status.updatedAt, zone) }) : t('common.loading')}
        ${s ? html` · ${t('status.uptime', { hours: (s.uptimeSeconds / 3600).toFixed(1) })}` : null}
      </p>
    </div>
    <div class="grid status-grid">
      <section class="card now" aria-labelledby="st-now">
        <h2 id="st-now">${t('status.now')}</h2>
        ${s ? html`<${NowPlaying} status=${s} timeZone=${zone} timeline=${timeline.data} />` : html`<p class="hint">${t('common.loading')}</p>`}
      </section>
      <section class="card live-card" aria-labelledby="st-live">
        <h2 id="st-live">${t('status.live')}</h2>
        <${LiveView} />
      </section>
      <section class="card" aria-labelledby="st-screens">
        <h2 id="st-screens">${t('status.screens')}</h2>
        <${ScreenPictures} screens=${screens.data} displays=${s?.displays ?? []} timeZone=${zone} />
      </section>
      <section class="card" aria-labelledby="st-queue">
        <h2 id="st-queue">${t('status.queue')}</h2>
        ${s ? html`<${QueueBoard} queue=${s.queue} timeZone=${zone} />` : null}
      </section>
      <section class="card" aria-labelledby="st-alerts">
        <h2 id="st-alerts">${t('status.alerts')}</h2>
        ${s ? html`<${Alerts} alerts=${s.alerts} />` : null}
        <h2>${t('status.health')}</h2>
        ${s ? html`<${Health} health=${s.health} timeZone=${zone} />` : null}
        <h2>${t('status.problems')}</h2>
        ${s ? html`<${Problems} playlists=${s.playlists} />` : null}
      </section>
      <section class="card" aria-labelledby="st-pa" data-testid="status-pa">
        <h2 id="st-pa">${t('status.pa')}</h2>
        <${PaQueueView} queue=${s?.announcements} timeZone=${zone} />
      </section>
      <section class="card" aria-labelledby="st-today">
        <h2 id="st-today">${t('status.today')}</h2>
        <ol class="switches" data-testid="status-today">
          ${(timeline.data?.rows ?? []).map((row, i, rows) => {
            // The host's clock decides (it may preview another time, `serve --at`): the row its current programme started with.
            const at = s?.since != null ? Math.max(s.since, rows[0]?.at ?? 0) : now;
            const current = row.at <= at && (rows[i + 1]?.at ?? Infinity) > at;
            return html`<li class=${current ? 'current' : ''} aria-current=${current ? 'true' : undefined}>
              <span class="time">${row.time}</span> ${row.title} ${row.entry ? html`<span class="mono hint">${row.entry}</span>` : null}
            </li>`;
          })}
        </ol>
      </section>
    </div>
  </div>`;
}
