/** Form pieces the editors share: bilingual text, day filters, date lists, a cron field with its reading. */
import type { DayToken } from '../api/playlist-types.js';
import type { Localized } from '../api/types.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { readCron } from '../logic/cron-reading.js';
import { pointerOf, pointerParts } from '../logic/diagnostic-places.js';
import { Field, FieldErrors, fieldAttrs, type Form } from './field.js';

const value = (e: Event): string => (e.currentTarget as HTMLInputElement).value;

/** zh-CN (required by the files) and English side by side; an empty English is left out of the file. */
export function LocalizedInputs(props: { form: Form; pointer: string; label: string; text: Localized | undefined; onChange(text: Localized | undefined): void; testid: string; multiline?: boolean; optional?: boolean }) {
  const { form, pointer, label, text, onChange, testid, multiline, optional } = props;
  const set = (lang: 'zh-CN' | 'en', v: string): void => {
    const next: Localized = { ...(text ?? { 'zh-CN': '' }) };
    if (lang === 'en' && v === '') delete next.en;
    else next[lang] = v;
    onChange(optional && next['zh-CN'] === '' && !next.en ? undefined : next);
  };
  const input = (lang: 'zh-CN' | 'en') => {
    const p = `${pointer}/${lang}`;
    const attrs = { ...fieldAttrs(form, p), 'data-testid': `${testid}-${lang === 'zh-CN' ? 'zh' : 'en'}`, lang, value: text?.[lang] ?? '', onInput: (e: Event) => set(lang, value(e)) };
    return html`<${Field} form=${form} pointer=${p} label=${`${label} · ${lang === 'zh-CN' ? t('text.zh') : t('text.en')}${optional || lang === 'en' ? ' ' + t('common.optional') : ''}`}>
      ${multiline ? html`<textarea rows="2" ...${attrs}></textarea>` : html`<input type="text" ...${attrs} />`}
    </${Field}>`;
  };
  return html`<div class="pair">${input('zh-CN')}${input('en')}<${FieldErrors} form=${form} pointer=${pointer} /></div>`;
}

export const WEEKDAYS: DayToken[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const DAY_CLASSES: DayToken[] = ['workday', 'restday', 'holiday'];

export function DaysPicker(props: { form: Form; pointer: string; days: DayToken[] | undefined; onChange(days: DayToken[] | undefined): void; testid: string }) {
  const { form, pointer, days, onChange, testid } = props;
  const chosen = new Set(days ?? []);
  const toggle = (day: DayToken, on: boolean): void => {
    const next = [...WEEKDAYS, ...DAY_CLASSES].filter((d) => (d === day ? on : chosen.has(d)));
    onChange(next.length === 0 ? undefined : next);
  };
  const box = (day: DayToken) => html`<label class="chip">
    <input type="checkbox" checked=${chosen.has(day)} onChange=${(e: Event) => toggle(day, (e.currentTarget as HTMLInputElement).checked)} data-testid=${`${testid}-${day}`} />
    <span>${t(`days.${day}`)}</span>
  </label>`;
  return html`<fieldset class=${`days${form.placed.at.has(pointer) ? ' invalid' : ''}`} ...${fieldAttrs(form, pointer)} tabindex="-1">
    <legend>${t('days.label')} <span class="hint">${t('days.every')}</span></legend>
    <div class="chips">${WEEKDAYS.map(box)}</div>
    <div class="chips">${DAY_CLASSES.map(box)}</div>
    <${FieldErrors} form=${form} pointer=${pointer} />
  </fieldset>`;
}

/** A list of YYYY-MM-DD dates (exceptions, holidays, extra working days) with add and remove. */
export function DateList(props: { form: Form; pointer: string; label: string; dates: string[] | undefined; onChange(dates: string[] | undefined): void; testid: string; keepEmpty?: boolean }) {
  const { form, pointer, label, dates, onChange, testid, keepEmpty } = props;
  const list = dates ?? [];
  const add = (e: Event): void => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('date') as HTMLInputElement;
    if (!input.value || list.includes(input.value)) return;
    onChange([...list, input.value].sort());
    input.value = '';
  };
  const remove = (date: string): void => {
    const next = list.filter((d) => d !== date);
    onChange(next.length === 0 && !keepEmpty ? undefined : next);
  };
  return html`<div class=${`date-list${form.placed.at.has(pointer) ? ' invalid' : ''}`} data-testid=${testid}>
    <span class="label" id=${`${testid}-label`}>${label}</span>
    <ul class="chips" aria-labelledby=${`${testid}-label`}>
      ${list.length === 0 ? html`<li class="hint">${t('dates.empty')}</li>` : null}
      ${list.map(
        (date, i) => html`<li class="chip">
          <span ...${fieldAttrs(form, pointerOf([...pointerParts(pointer), i]))}>${date}</span>
          <button type="button" class="icon" aria-label=${`${t('common.remove')} ${date}`} onClick=${() => remove(date)} data-testid=${`${testid}-remove-${date}`}>×</button>
          <${FieldErrors} form=${form} pointer=${pointerOf([...pointerParts(pointer), i])} />
        </li>`,
      )}
    </ul>
    <form class="inline" onSubmit=${add}>
      <input type="date" name="date" aria-label=${`${label}: ${t('dates.add')}`} data-testid=${`${testid}-date`} />
      <button type="submit" class="secondary" data-testid=${`${testid}-add`}>${t('dates.add')}</button>
    </form>
    <${FieldErrors} form=${form} pointer=${pointer} />
  </div>`;
}

/** The cron field with its plain-language reading in both languages, as the user types. */
export function CronField(props: { form: Form; pointer: string; cron: string; onChange(cron: string): void; testid: string }) {
  const { form, pointer, cron, onChange, testid } = props;
  const zh = readCron(cron, 'zh-CN');
  const en = readCron(cron, 'en');
  return html`<${Field} form=${form} pointer=${pointer} label=${t('cron.label')} hint=${t('cron.help')} wide=${true}>
    <input type="text" class="mono" inputmode="text" autocomplete="off" spellcheck=${false} value=${cron} onInput=${(e: Event) => onChange(value(e))} ...${fieldAttrs(form, pointer)} data-testid=${testid} />
    <div class="cron-reading" aria-live="polite" data-testid=${`${testid}-reading`}>
      <span class="label">${t('cron.reading')}:</span>
      ${zh.ok ? html`<span lang="zh-CN" data-testid=${`${testid}-reading-zh`}>${zh.text}</span>` : html`<span class="bad">${t('cron.invalid', { error: zh.error })}</span>`}
      ${en.ok ? html`<span lang="en" data-testid=${`${testid}-reading-en`}>${en.text}</span>` : null}
    </div>
  </${Field}>`;
}
