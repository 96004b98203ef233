/** The timeline of any day or week, as `hallcast timeline` prints it: time, programme, and the entry that caused each switch. */
import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { Timeline } from '../api/types.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';

export function TimelinePreview({ today }: { today: string }) {
  const [date, setDate] = useState(today);
  const [days, setDays] = useState(1);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async (e: Event): Promise<void> => {
    e.preventDefault();
    const answer = await api<Timeline>('GET', `timeline?date=${encodeURIComponent(date)}&days=${days}`);
    if (answer.ok) {
      setTimeline(answer.data);
      setError(null);
    } else setError(answer.error);
  };
  return html`<div>
    <form class="inline timeline-form" onSubmit=${show}>
      <label>${t('timeline.date')} <input type="date" required value=${date} onInput=${(e: Event) => setDate((e.currentTarget as HTMLInputElement).value)} data-testid="timeline-date" /></label>
      <label>${t('timeline.days')}
        <select value=${String(days)} onChange=${(e: Event) => setDays(Number((e.currentTarget as HTMLSelectElement).value))} data-testid="timeline-days">
          <option value="1">${t('timeline.oneDay')}</option>
          <option value="7">${t('timeline.week')}</option>
        </select>
      </label>
      <button type="submit" class="primary" data-testid="timeline-show">${t('timeline.show')}</button>
    </form>
    ${error ? html`<p class="notice error" role="alert">${error}</p>` : null}
    ${timeline
      ? html`<div class="table-wrap"><table class="timeline" data-testid="timeline-rows">
          <caption class="sr-only">${t('timeline.title')} ${timeline.from} (${timeline.timezone})</caption>
          <thead><tr><th scope="col">${t('timeline.time')}</th><th scope="col">${t('timeline.programme')}</th><th scope="col">${t('timeline.entry')}</th></tr></thead>
          <tbody>
            ${timeline.rows.length === 0 ? html`<tr><td colspan="3" class="hint">${t('timeline.empty')}</td></tr>` : null}
            ${timeline.rows.map(
              (row) => html`<tr data-testid="timeline-row" data-programme=${row.programme ?? ''} data-entry=${row.entry ?? ''}>
                <td class="mono nowrap">${days > 1 ? `${row.date} ` : ''}${row.time} <span class="hint">${row.offset}</span></td>
                <td>${row.title} ${row.programme ? html`<span class="mono hint">${row.programme}</span>` : null}</td>
                <td class="hint">${row.why}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>`
      : null}
  </div>`;
}
