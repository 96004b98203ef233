/** The PA queue as the status and announcements pages show it: speaking now, waiting, recent outcomes. */
import type { PaItem, PaQueue } from '../api/types.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { clockTime } from '../logic/format-time.js';
import { paReachLine } from '../logic/pa-reach.js';

function Lines({ item }: { item: PaItem }) {
  return html`<span class="pa-lines">${item.lines.map((l) => html`<span lang=${l.lang}>${l.text}</span>`)}</span>`;
}

function Kind({ kind }: { kind: PaItem['kind'] }) {
  return html`<span class=${`badge kind-${kind}`}>${t(`pa.kind.${kind}`)}</span>`;
}

export function PaQueueView({ queue, timeZone }: { queue: PaQueue | null | undefined; timeZone: string | null }) {
  if (!queue) return html`<p class="hint">${t('common.loading')}</p>`;
  const { pending, current } = queue;
  const reach = paReachLine(queue.reach);
  const words =
    reach.key === 'pa.reach.speaks'
      ? t(reach.key, { display: reach.display })
      : reach.key === 'pa.reach.grace'
        ? t(reach.key, { reason: reach.reason, until: reach.until === null ? '—' : clockTime(reach.until, timeZone) })
        : t(reach.key, { reason: reach.reason });
  return html`<div class="pa-queue">
    <p class=${reach.tone === 'ok' ? 'good' : reach.tone === 'warn' ? 'warn-text' : 'bad'} data-testid="pa-reach" data-can-speak=${String(queue.reach.canSpeak)}>${words}</p>
    <h3>${t('pa.current')}</h3>
    <div data-testid="pa-current">
      ${current
        ? html`<p class="pa-item current"><${Kind} kind=${current.kind} /> <${Lines} item=${current} />
            ${current.repeat > 1 ? html` <span class="hint">${t('pa.repeat', { count: current.repeat })}</span>` : null}
            ${current.display ? html` <span class="hint">${t('pa.display', { display: current.display.slice(0, 8) })}</span>` : null}</p>`
        : html`<p class="hint">${t('pa.nothing')}</p>`}
    </div>
    <h3>${t('pa.pending')} <span class="count">${pending.length}</span></h3>
    <ol class="pa-list" data-testid="pa-pending">
      ${pending.length === 0 ? html`<li class="hint">${t('pa.noPending')}</li>` : null}
      ${pending.map(
        (item) => html`<li class="pa-item"><${Kind} kind=${item.kind} /> <${Lines} item=${item} />
          ${item.held ? html` <span class="badge muted">${t('pa.held')}</span>` : null}
          ${item.merged > 0 ? html` <span class="hint">${t('pa.merged', { count: item.merged })}</span>` : null}</li>`,
      )}
    </ol>
    <h3>${t('pa.recent')}</h3>
    <ul class="pa-list" data-testid="pa-recent">
      ${queue.recent.length === 0 ? html`<li class="hint">${t('pa.noRecent')}</li>` : null}
      ${queue.recent.slice(0, 10).map(
        (r) => html`<li class=${`pa-item outcome-${r.outcome}`}>
          <span class="time">${clockTime(r.at, timeZone)}</span> <${Kind} kind=${r.kind} />
          <span class=${`badge outcome-${r.outcome}`}>${t(`pa.outcome.${r.outcome}`)}</span>
          ${r.key ? html` <span class="mono">${r.key}</span>` : null}
          ${r.reason ? html` <span class="hint">${r.reason}</span>` : null}
        </li>`,
      )}
    </ul>
    <p class="hint">${t('pa.displays', { count: queue.displays })}</p>
  </div>`;
}
