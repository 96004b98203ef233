/**
 * The floor manager's emergency button: take over every screen with a prepared notice
 * (announcements.json "emergencyTemplates") or their own words, at a level, and clear it — each
 * behind a confirmation, through POST / DELETE /admin/api/emergency (the same verbs as the API).
 */
import { useEffect, useState } from 'preact/hooks';
import type { EmergencyStatus } from '../../../electron/contract/emergency.js';
import type { ApiResult } from '../api/answer.js';
import { api } from '../api/client.js';
import type { AnnouncementsFile } from '../api/playlist-types.js';
import type { FileAnswer } from '../api/types.js';
import { askConfirm } from '../components/confirm.js';
import type { Message } from '../components/message.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';

const LEVELS = ['notice', 'alert', 'evacuate'] as const;

function refusal(answer: ApiResult<unknown>): Message | null {
  return answer.ok ? null : { text: () => t('emergency.refused', { status: answer.status || '—', error: answer.error }), bad: true };
}

export function EmergencyPanel({ active, onChange }: { active: EmergencyStatus | null | undefined; onChange(): void }) {
  const [templates, setTemplates] = useState<string[]>([]);
  const [template, setTemplate] = useState('');
  const [level, setLevel] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Message | null>(null);
  useEffect(() => {
    void api<FileAnswer<AnnouncementsFile>>('GET', 'files/announcements.json').then((a) => {
      const ids = a.ok ? Object.keys((a.data.content['emergencyTemplates'] as Record<string, unknown> | undefined) ?? {}) : [];
      setTemplates(ids);
      setTemplate((now) => now || (ids[0] ?? ''));
    });
  }, []);

  const raise = async (e: Event): Promise<void> => {
    e.preventDefault();
    const text = { ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
    const words = Object.keys(text).length > 0 ? { text } : template ? { template } : null;
    if (!words) return setResult({ text: () => t('emergency.needWords'), bad: true });
    if (!(await askConfirm(t('emergency.raiseConfirm'), { danger: true, ok: t('emergency.raise') }))) return;
    setBusy(true);
    const answer = await api<{ id: string }>('POST', 'emergency', { ...(level ? { level } : {}), ...words });
    setResult(refusal(answer) ?? { text: () => t('emergency.raised', { id: answer.ok ? answer.data.id : '' }), bad: false });
    setBusy(false);
    onChange();
  };
  const clear = async (): Promise<void> => {
    if (!(await askConfirm(t('emergency.clearConfirm'), { ok: t('emergency.clear') }))) return;
    setBusy(true);
    const answer = await api<{ id: string }>('DELETE', 'emergency');
    setResult(refusal(answer) ?? { text: () => t('emergency.cleared', { id: answer.ok ? answer.data.id : '' }), bad: false });
    setBusy(false);
    onChange();
  };

  return html`<form class="card" onSubmit=${raise} aria-labelledby="emergency-title" data-testid="emergency-panel">
    <h2 id="emergency-title">${t('emergency.title')}</h2>
    <p class="hint">${t('emergency.intro')}</p>
    <p class=${active ? 'bad' : 'hint'} role="status" data-testid="emergency-state">
      ${active ? t('emergency.active', { level: t(`emergency.level.${active.level}`), shown: active.acknowledged.length }) : t('emergency.none')}
    </p>
    <div class="row">
      <div class="field"><label for="emergency-template">${t('emergency.template')}</label>
        <select id="emergency-template" value=${template} onChange=${(e: Event) => setTemplate((e.currentTarget as HTMLSelectElement).value)} data-testid="emergency-template">
          ${templates.map((id) => html`<option value=${id}>${id}</option>`)}
        </select></div>
      <div class="field"><label for="emergency-level">${t('emergency.level')}</label>
        <select id="emergency-level" value=${level} onChange=${(e: Event) => setLevel((e.currentTarget as HTMLSelectElement).value)} data-testid="emergency-level">
          <option value="">${t('emergency.level.template')}</option>
          ${LEVELS.map((l) => html`<option value=${l}>${t(`emergency.level.${l}`)}</option>`)}
        </select></div>
    </div>
    <fieldset class="langs"><legend>${t('emergency.freeText')}</legend>
      <div class="field wide"><label for="emergency-zh">${t('say.zh')}</label>
        <textarea id="emergency-zh" lang="zh-CN" rows="2" maxlength="500" value=${zh} onInput=${(e: Event) => setZh((e.currentTarget as HTMLTextAreaElement).value)} data-testid="emergency-zh"></textarea></div>
      <div class="field wide"><label for="emergency-en">${t('say.en')}</label>
        <textarea id="emergency-en" lang="en" rows="2" maxlength="500" value=${en} onInput=${(e: Event) => setEn((e.currentTarget as HTMLTextAreaElement).value)} data-testid="emergency-en"></textarea></div>
    </fieldset>
    ${result ? html`<p class=${`notice ${result.bad ? 'error' : 'ok'}`} role=${result.bad ? 'alert' : 'status'} data-testid="emergency-result">${result.text()}</p>` : null}
    <div class="actions">
      <button type="submit" class="danger" disabled=${busy} data-testid="emergency-raise">${t('emergency.raise')}</button>
      <button type="button" class="secondary" disabled=${busy || !active} onClick=${clear} data-testid="emergency-clear">${t('emergency.clear')}</button>
    </div>
  </form>`;
}
