/** Announcements: the emergency takeover, say something now, a test call, the PA queue (every 2 s), and announcements.json's timed notices and care rules. */
import { api } from '../api/client.js';
import type { HallStatus } from '../api/types.js';
import { PaQueueView } from '../components/pa-queue.js';
import { useHallZone } from '../components/use-hall-zone.js';
import { usePoll } from '../components/use-poll.js';
import { AnnouncementsEditor } from '../editors/announcements-editor.js';
import { SayNow, TestCall } from '../editors/say-now.js';
import { EmergencyPanel } from '../editors/emergency-panel.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';

const PA_MS = 2000;

export function AnnouncementsPage() {
  const status = usePoll(() => api<HallStatus>('GET', 'status'), PA_MS);
  const zone = useHallZone();
  return html`<div class="page" data-testid="announcements-page">
    <div class="page-head"><h1>${t('announce.title')}</h1><p class="hint">${t('announce.intro')}</p></div>
    <${EmergencyPanel} active=${status.data?.emergency} onChange=${status.refresh} />
    <div class="grid two">
      <div class="stack">
        <${SayNow} onSent=${status.refresh} />
        <${TestCall} onSent=${status.refresh} />
      </div>
      <section class="card" aria-labelledby="pa-title" data-testid="pa-queue">
        <h2 id="pa-title">${t('status.pa')}</h2>
        ${status.error ? html`<p class="bad">${t('common.unreachable')}</p>` : null}
        <${PaQueueView} queue=${status.data?.announcements} timeZone=${zone} />
      </section>
    </div>
    <section class="card" aria-labelledby="ann-file">
      <h2 id="ann-file">${t('file.title')}</h2>
      <${AnnouncementsEditor} />
    </section>
  </div>`;
}
