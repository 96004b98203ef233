/** Each display's screen power on the status page: on or asleep (displays.json's power windows), since when, and the next change. */
import type { HallStatus } from '../api/types.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { dateTime } from '../logic/format-time.js';

export function ScreenPowerList({ status, timeZone }: { status: HallStatus; timeZone: string | null }) {
  const entries = Object.entries(status.power ?? {});
  // Every display on and no windows anywhere: nothing worth a line each.
  if (entries.every(([, p]) => p.reason === 'always-on')) return html`<p class="hint" data-testid="status-power">${t('status.power.always')}</p>`;
  return html`<ul class="screen-power" data-testid="status-power">
    ${entries.map(
      ([id, p]) => html`<li data-display=${id} data-state=${p.state} class=${p.state === 'off' ? 'muted' : ''}>
        <span class="mono">${id === '' ? t('status.power.unassigned') : id}</span>
        · <strong>${t(p.state === 'on' ? (p.reason === 'woken' ? 'status.power.woken' : 'status.power.on') : 'status.power.off')}</strong>
        ${p.since !== null ? html` · ${t('status.power.since', { time: dateTime(p.since, timeZone) })}` : null}
        ${p.next !== null ? html` · ${t(p.state === 'on' ? 'status.power.offAt' : 'status.power.onAt', { time: dateTime(p.next, timeZone) })}` : null}
      </li>`,
    )}
  </ul>`;
}
