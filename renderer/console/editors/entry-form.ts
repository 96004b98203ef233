/** One schedule entry's form: programme, priority, daypart or cron (with its reading), days, validity, exceptions. */
import type { ScheduleEntry } from '../api/playlist-types.js';
import { Field, fieldAttrs, numberOrUndefined, withKey, type Form } from '../components/field.js';
import { CronField, DateList, DaysPicker } from '../components/inputs.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { durationParts, entryMode, isoDuration, switchEnd, switchMode } from '../logic/schedule-entry.js';

/** HH:MM as the playlists write it, 24:00 included (a time input cannot show that). */
const TIME_PATTERN = '([01][0-9]|2[0-3]):[0-5][0-9]|24:00';
const text = (e: Event): string => (e.currentTarget as HTMLInputElement).value;

export function EntryForm(props: { form: Form; index: number; entry: ScheduleEntry; programmes: string[]; onChange(entry: ScheduleEntry): void; onClose(): void }) {
  const { form, index, entry, programmes, onChange, onClose } = props;
  const p = `/entries/${index}`;
  const mode = entryMode(entry);
  const end = entry.duration !== undefined ? 'duration' : 'until';
  const parts = durationParts(entry.duration) ?? { hours: 1, minutes: 0, seconds: 0 };
  const radio = (name: string, value: string, checked: boolean, label: string, onPick: () => void, testid: string) => html`<label class="chip">
    <input type="radio" name=${name} value=${value} checked=${checked} onChange=${onPick} data-testid=${testid} /> <span>${label}</span>
  </label>`;
  return html`<div class="entry-form" data-testid="entry-form" data-index=${index}>
    <div class="row">
      <${Field} form=${form} pointer=${`${p}/id`} label=${t('entry.id')}>
        <input class="mono" autocomplete="off" autocapitalize="none" value=${entry.id} onInput=${(e: Event) => onChange({ ...entry, id: text(e).trim() })} ...${fieldAttrs(form, `${p}/id`)} data-testid="entry-id" />
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/programme`} label=${t('entry.programme')}>
        <select value=${entry.programme} onChange=${(e: Event) => onChange({ ...entry, programme: text(e) })} ...${fieldAttrs(form, `${p}/programme`)} data-testid="entry-programme">
          ${[...new Set([...programmes, entry.programme])].map((id) => html`<option value=${id}>${id}</option>`)}
        </select>
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/priority`} label=${t('entry.priority')}>
        <input type="number" step="1" min="-1000" max="1000" inputmode="numeric" value=${entry.priority ?? ''} onInput=${(e: Event) => onChange(withKey(entry, 'priority', numberOrUndefined(text(e))))} ...${fieldAttrs(form, `${p}/priority`)} data-testid="entry-priority" />
      </${Field}>
    </div>
    <fieldset class="modes">
      <legend>${t('entry.start')}</legend>
      <div class="chips">
        ${radio(`mode-${index}`, 'daypart', mode === 'daypart', t('entry.mode.daypart'), () => onChange(switchMode(entry, 'daypart')), 'entry-mode-daypart')}
        ${radio(`mode-${index}`, 'cron', mode === 'cron', t('entry.mode.cron'), () => onChange(switchMode(entry, 'cron')), 'entry-mode-cron')}
      </div>
    </fieldset>
    ${mode === 'daypart'
      ? html`<div class="row">
          <${Field} form=${form} pointer=${`${p}/daypart/from`} label=${t('entry.from')}>
            <input type="text" inputmode="numeric" pattern=${TIME_PATTERN} placeholder="HH:MM" value=${entry.daypart?.from ?? ''} onInput=${(e: Event) => onChange({ ...entry, daypart: { from: text(e), to: entry.daypart?.to ?? '' } })} ...${fieldAttrs(form, `${p}/daypart/from`)} data-testid="entry-from" />
          </${Field}>
          <${Field} form=${form} pointer=${`${p}/daypart/to`} label=${t('entry.to')} hint=${t('entry.toHint')}>
            <input type="text" inputmode="numeric" pattern=${TIME_PATTERN} placeholder="HH:MM" value=${entry.daypart?.to ?? ''}
              onInput=${(e: Event) => onChange({ ...entry, daypart: { from: entry.daypart?.from ?? '', to: text(e) } })} ...${fieldAttrs(form, `${p}/daypart/to`)} data-testid="entry-to" />
          </${Field}>
        </div>`
      : html`<div>
          <${CronField} form=${form} pointer=${`${p}/cron`} cron=${entry.cron ?? ''} onChange=${(cron: string) => onChange({ ...entry, cron })} testid="entry-cron" />
          <fieldset class="modes">
            <legend>${t('entry.end')}</legend>
            <div class="chips">
              ${radio(`end-${index}`, 'until', end === 'until', t('entry.end.until'), () => onChange(switchEnd(entry, 'until')), 'entry-end-until')}
              ${radio(`end-${index}`, 'duration', end === 'duration', t('entry.end.duration'), () => onChange(switchEnd(entry, 'duration')), 'entry-end-duration')}
            </div>
          </fieldset>
          ${end === 'until'
            ? html`<${Field} form=${form} pointer=${`${p}/until`} label=${t('entry.until')}>
                <input type="text" inputmode="numeric" pattern=${TIME_PATTERN} placeholder="HH:MM" value=${entry.until ?? ''} onInput=${(e: Event) => onChange({ ...entry, until: text(e) })} ...${fieldAttrs(form, `${p}/until`)} data-testid="entry-until" />
              </${Field}>`
            : html`<div class="row">
                <${Field} form=${form} pointer=${`${p}/duration`} label=${t('entry.hours')}>
                  <input type="number" min="0" step="1" inputmode="numeric" value=${parts.hours} onInput=${(e: Event) => onChange({ ...entry, duration: isoDuration({ ...parts, hours: Number(text(e)) || 0 }) })} ...${fieldAttrs(form, `${p}/duration`)} data-testid="entry-duration-hours" />
                </${Field}>
                <div class="field">
                  <label for=${`dur-min-${index}`}>${t('entry.minutes')}</label>
                  <input id=${`dur-min-${index}`} type="number" min="0" max="59" step="1" inputmode="numeric" value=${parts.minutes} onInput=${(e: Event) => onChange({ ...entry, duration: isoDuration({ ...parts, minutes: Number(text(e)) || 0 }) })} data-testid="entry-duration-minutes" />
                </div>
              </div>`}
        </div>`}
    <${DaysPicker} form=${form} pointer=${`${p}/days`} days=${entry.days} onChange=${(days: ScheduleEntry['days']) => onChange(withKey(entry, 'days', days))} testid="entry-day" />
    <div class="row">
      <${Field} form=${form} pointer=${`${p}/validFrom`} label=${t('entry.validFrom')}>
        <input type="date" value=${entry.validFrom ?? ''} onInput=${(e: Event) => onChange(withKey(entry, 'validFrom', text(e) || undefined))} ...${fieldAttrs(form, `${p}/validFrom`)} data-testid="entry-valid-from" />
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/validTo`} label=${t('entry.validTo')}>
        <input type="date" value=${entry.validTo ?? ''} onInput=${(e: Event) => onChange(withKey(entry, 'validTo', text(e) || undefined))} ...${fieldAttrs(form, `${p}/validTo`)} data-testid="entry-valid-to" />
      </${Field}>
    </div>
    <${DateList} form=${form} pointer=${`${p}/except`} label=${t('entry.except')} dates=${entry.except} onChange=${(except: string[] | undefined) => onChange(withKey(entry, 'except', except))} testid="entry-except" />
    <div class="actions"><button type="button" class="secondary" onClick=${onClose} data-testid="entry-done">${t('entry.close')}</button></div>
  </div>`;
}
