/** History: every console save, delete and rollback; the diff of one, coloured; rollback after a confirmation. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { HistoryDetail, HistoryEntry } from '../api/types.js';
import { go, href } from '../navigation/route.js';
import { askConfirm } from '../components/confirm.js';
import type { Message } from '../components/message.js';
import { useHallZone } from '../components/use-hall-zone.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { diffCounts, diffLines } from '../logic/diff-lines.js';
import { dateTime, instant } from '../logic/format-time.js';
import { diagnosticsOf } from '../logic/save-outcome.js';

function when(entry: HistoryEntry, zone: string | null): string {
  const at = instant(entry.at);
  return Number.isNaN(at) ? String(entry.at) : dateTime(at, zone);
}

function Diff({ detail }: { detail: HistoryDetail }) {
  const lines = diffLines(detail.diff ?? '');
  const counts = diffCounts(lines);
  if (lines.length === 0) return html`<p class="hint" data-testid="history-diff">${t('history.noDiff')}</p>`;
  return html`<div>
    <p class="hint">${t('history.counts', counts)}</p>
    <pre class="diff" data-testid="history-diff" tabindex="0" aria-label=${t('history.diff')}>${lines.map((l) => html`<span class=${`d-${l.kind}`}>${l.text}\n</span>`)}</pre>
  </div>`;
}

export function HistoryPage({ selected }: { selected: string | null }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<HistoryDetail | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = useHallZone();

  const refresh = async (): Promise<void> => {
    const answer = await api<{ entries: HistoryEntry[] }>('GET', 'history');
    if (answer.ok) {
      setEntries(answer.data.entries);
      setError(null);
    } else setError(answer.error);
  };
  useEffect(() => void refresh(), []);
  useEffect(() => {
    setDetail(null);
    if (!selected) return;
    void api<HistoryDetail>('GET', `history/${encodeURIComponent(selected)}`).then((a) => {
      if (!a.ok) return setError(a.error);
      setDetail(a.data);
      // On a phone the diff is under the list: bring it into view.
      if (window.innerWidth < 900) requestAnimationFrame(() => document.getElementById('hist-diff')?.scrollIntoView({ block: 'start' }));
    });
  }, [selected]);

  const rollback = async (entry: HistoryDetail): Promise<void> => {
    if (!(await askConfirm(t('history.rollbackConfirm', { file: entry.path, when: when(entry, zone) }), { ok: t('history.rollback'), danger: true }))) return;
    setBusy(true);
    const answer = await api('POST', `history/${encodeURIComponent(entry.id)}/rollback`, {});
    setBusy(false);
    if (answer.ok) setMessage({ text: () => t('history.rolledBack', { file: entry.path }), bad: false });
    else {
      const findings = diagnosticsOf(answer.body).map((d) => `\n${d.file}:${d.line}:${d.col}: ${d.message}`).join('');
      setMessage({ text: () => t('history.rollbackFailed', { status: answer.status || '—', error: answer.error }) + findings, bad: true });
    }
    await refresh();
  };

  return html`<div class="page" data-testid="history-page">
    <div class="page-head"><h1>${t('history.title')}</h1><p class="hint">${t('history.intro')}</p></div>
    ${message ? html`<pre class=${`notice ${message.bad ? 'error' : 'ok'}`} role=${message.bad ? 'alert' : 'status'} data-testid="history-result">${message.text()}</pre>` : null}
    ${error ? html`<p class="notice error" role="alert">${t('common.loadFailed', { error })}</p>` : null}
    <div class="grid two history">
      <section class="card" aria-labelledby="hist-list">
        <h2 id="hist-list" class="sr-only">${t('history.title')}</h2>
        ${entries === null ? html`<p class="hint">${t('common.loading')}</p>` : null}
        ${entries?.length === 0 ? html`<p class="hint">${t('history.empty')}</p>` : null}
        <ol class="history-list" data-testid="history-list">
          ${entries?.map(
            (entry) => html`<li class=${entry.id === selected ? 'selected' : ''}>
              <a href=${href('history', entry.id)} aria-current=${entry.id === selected ? 'true' : undefined} data-testid=${`history-row-${entry.id}`} data-path=${entry.path} data-action=${entry.action}>
                <span class="time">${when(entry, zone)}</span>
                <span class=${`badge action-${entry.action}`}>${t(`history.action.${entry.action}`)}</span>
                <span class="mono">${entry.path}</span>
                ${entry.before === null ? html`<span class="hint">${t('history.created')}</span>` : null}
                ${entry.after === null ? html`<span class="hint">${t('history.removed')}</span>` : null}
              </a>
            </li>`,
          )}
        </ol>
      </section>
      <section class="card" aria-labelledby="hist-diff">
        <h2 id="hist-diff">${t('history.diff')}</h2>
        ${detail
          ? html`<p><span class="mono">${detail.path}</span> · ${when(detail, zone)} · ${t(`history.action.${detail.action}`)}</p>
              <${Diff} detail=${detail} />
              <button type="button" class="danger" disabled=${busy} onClick=${() => rollback(detail)} data-testid="history-rollback">${t('history.rollback')}</button>
              <button type="button" class="secondary" onClick=${() => go(href('history'))}>${t('common.close')}</button>`
          : html`<p class="hint">${entries?.length ? t('history.pick') : ''}</p>`}
      </section>
    </div>
  </div>`;
}
