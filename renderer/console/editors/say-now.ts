/** Speaking now through POST /admin/api/announce: a typed message, and a test ticket call. */
import { useState } from 'preact/hooks';
import type { ApiResult } from '../api/answer.js';
import { api } from '../api/client.js';
import type { AnnounceAnswer } from '../api/types.js';
import { askConfirm } from '../components/confirm.js';
import type { Message } from '../components/message.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { announceBody } from '../logic/announcement-fields.js';

type Langs = ('zh-CN' | 'en')[];
type Result = Message | null;

/** Highest first; a message typed by a manager is a PA message unless chosen otherwise. */
const PRIORITIES = ['pa', 'emergency', 'call', 'care'] as const;
const MAX_CHARS = 500;

function describe(answer: ApiResult<AnnounceAnswer>): Result {
  if (answer.ok) return { text: () => (answer.data.state === 'merged' ? t('say.merged', { id: answer.data.id }) : t('say.queued', { id: answer.data.id })), bad: false };
  return { text: () => t('say.refused', { status: answer.status || '—', error: answer.error }), bad: true };
}

export function LanguagePicks({ value, onChange, testid, label }: { value: Langs; onChange(langs: Langs): void; testid: string; label: string }) {
  const toggle = (lang: 'zh-CN' | 'en', on: boolean): void => onChange((['zh-CN', 'en'] as const).filter((l) => (l === lang ? on : value.includes(l))));
  return html`<fieldset class="langs">
    <legend>${label}</legend>
    <div class="chips">
      ${(['zh-CN', 'en'] as const).map(
        (lang) => html`<label class="chip"><input type="checkbox" checked=${value.includes(lang)} onChange=${(e: Event) => toggle(lang, (e.currentTarget as HTMLInputElement).checked)} data-testid=${`${testid}-${lang}`} />
          <span>${lang === 'zh-CN' ? t('common.zh') : t('common.en')}</span></label>`,
      )}
    </div>
  </fieldset>`;
}

export function SayNow({ onSent }: { onSent(): void }) {
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [languages, setLanguages] = useState<Langs>(['zh-CN', 'en']);
  const [priority, setPriority] = useState<string>('pa');
  const [repeat, setRepeat] = useState(1);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const body = announceBody({ zh, en, languages, priority, repeat });
    if (!body) return setResult({ text: () => t('say.needText'), bad: true });
    if (zh.length > MAX_CHARS || en.length > MAX_CHARS) return setResult({ text: () => t('say.tooLong'), bad: true });
    if (priority === 'emergency' && !(await askConfirm(t('say.emergencyConfirm'), { danger: true }))) return;
    setBusy(true);
    setResult(describe(await api<AnnounceAnswer>('POST', 'announce', body)));
    setBusy(false);
    onSent();
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="say-title" data-testid="say-form">
    <h2 id="say-title">${t('say.title')}</h2>
    <div class="field wide"><label for="say-zh">${t('say.zh')}</label>
      <textarea id="say-zh" lang="zh-CN" rows="2" maxlength=${MAX_CHARS} value=${zh} onInput=${(e: Event) => setZh((e.currentTarget as HTMLTextAreaElement).value)} data-testid="say-zh"></textarea></div>
    <div class="field wide"><label for="say-en">${t('say.en')}</label>
      <textarea id="say-en" lang="en" rows="2" maxlength=${MAX_CHARS} value=${en} onInput=${(e: Event) => setEn((e.currentTarget as HTMLTextAreaElement).value)} data-testid="say-en"></textarea></div>
    <div class="row">
      <${LanguagePicks} value=${languages} onChange=${setLanguages} testid="say-lang" label=${t('say.languages')} />
      <div class="field"><label for="say-priority">${t('say.priority')}</label>
        <select id="say-priority" value=${priority} onChange=${(e: Event) => setPriority((e.currentTarget as HTMLSelectElement).value)} data-testid="say-priority">
          ${PRIORITIES.map((p) => html`<option value=${p}>${t(`pa.kind.${p}`)}</option>`)}
        </select></div>
      <div class="field"><label for="say-repeat">${t('say.repeat')}</label>
        <input id="say-repeat" type="number" min="1" max="5" step="1" inputmode="numeric" value=${repeat} onInput=${(e: Event) => setRepeat(Math.min(5, Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 1)))} data-testid="say-repeat" /></div>
    </div>
    ${result ? html`<p class=${`notice ${result.bad ? 'error' : 'ok'}`} role=${result.bad ? 'alert' : 'status'} data-testid="say-result">${result.text()}</p>` : null}
    <button type="submit" class=${priority === 'emergency' ? 'danger' : 'primary'} disabled=${busy} data-testid="say-submit">${busy ? t('say.sending') : t('say.submit')}</button>
  </form>`;
}

export function TestCall({ onSent }: { onSent(): void }) {
  const [ticket, setTicket] = useState('A001');
  const [counter, setCounter] = useState('1');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const answer = await api<AnnounceAnswer>('POST', 'announce', { template: 'call', vars: { ticket: ticket.trim().toUpperCase(), counter: Number(counter) } });
    setResult(describe(answer));
    setBusy(false);
    onSent();
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="call-title" data-testid="call-form">
    <h2 id="call-title">${t('call.title')}</h2>
    <div class="row">
      <div class="field"><label for="call-ticket">${t('call.ticket')}</label>
        <input id="call-ticket" class="mono" autocapitalize="characters" autocomplete="off" required value=${ticket} onInput=${(e: Event) => setTicket((e.currentTarget as HTMLInputElement).value)} data-testid="call-ticket" /></div>
      <div class="field"><label for="call-counter">${t('call.counter')}</label>
        <input id="call-counter" type="number" min="0" step="1" inputmode="numeric" required value=${counter} onInput=${(e: Event) => setCounter((e.currentTarget as HTMLInputElement).value)} data-testid="call-counter" /></div>
    </div>
    ${result ? html`<p class=${`notice ${result.bad ? 'error' : 'ok'}`} role=${result.bad ? 'alert' : 'status'} data-testid="call-result">${result.text()}</p>` : null}
    <button type="submit" class="primary" disabled=${busy} data-testid="call-submit">${t('call.submit')}</button>
  </form>`;
}
