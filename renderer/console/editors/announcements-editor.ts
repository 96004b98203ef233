/**
 * announcements.json as forms: timed notices (cron with its reading, text, languages, wait policy)
 * and care rules (service, thresholds, notice, diversion slide). Other settings of the file are
 * kept as they are.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { AnnouncementsFile, CareRule, QueueFile, TimedAnnouncement } from '../api/playlist-types.js';
import type { FileAnswer, Lang } from '../api/types.js';
import { askConfirm } from '../components/confirm.js';
import { Field, FieldErrors, fieldAttrs, numberOrUndefined, withKey, type Form } from '../components/field.js';
import { CronField, LocalizedInputs } from '../components/inputs.js';
import { SaveBar } from '../components/save-bar.js';
import { html } from '../html.js';
import { pickText, t } from '../i18n/translate.js';
import { announcementFields, freshAnnouncementId } from '../logic/announcement-fields.js';
import { placeDiagnostics } from '../logic/diagnostic-places.js';
import { LanguagePicks } from './say-now.js';
import { useJsonFile } from '../files/use-json-file.js';
import { CARE_SLIDE_BACKGROUND } from '../../../electron/contract/hall-defaults.js';

const num = (e: Event): number | undefined => numberOrUndefined((e.currentTarget as HTMLInputElement).value);

function NumberField({ form, pointer, label, value, onChange, testid, min = 0 }: { form: Form; pointer: string; label: string; value: number | undefined; onChange(v: number | undefined): void; testid: string; min?: number }) {
  return html`<${Field} form=${form} pointer=${pointer} label=${label}>
    <input type="number" min=${min} step="1" inputmode="numeric" value=${value ?? ''} onInput=${(e: Event) => onChange(num(e))} ...${fieldAttrs(form, pointer)} data-testid=${testid} />
  </${Field}>`;
}

function TimedForm({ form, i, notice, set }: { form: Form; i: number; notice: TimedAnnouncement; set(n: TimedAnnouncement): void }) {
  const p = `/timed/${i}`;
  const wait = notice.wait ?? { maxWaitSeconds: 120, then: 'play' as const };
  return html`<div class="item-fields">
    <${Field} form=${form} pointer=${`${p}/id`} label=${t('item.id')}>
      <input class="mono" autocapitalize="none" value=${notice.id} onInput=${(e: Event) => set({ ...notice, id: (e.currentTarget as HTMLInputElement).value.trim() })} ...${fieldAttrs(form, `${p}/id`)} data-testid="timed-id" />
    </${Field}>
    <${CronField} form=${form} pointer=${`${p}/cron`} cron=${notice.cron} onChange=${(cron: string) => set({ ...notice, cron })} testid="timed-cron" />
    <${LocalizedInputs} form=${form} pointer=${`${p}/text`} label=${t('item.text')} text=${notice.text} multiline=${true} onChange=${(text: TimedAnnouncement['text'] | undefined) => set({ ...notice, text: text ?? { 'zh-CN': '' } })} testid="timed-text" />
    <div class="row">
      <${LanguagePicks} value=${notice.languages ?? []} onChange=${(l: Lang[]) => set(withKey(notice, 'languages', l.length ? l : undefined))} testid="timed-lang" label=${t('item.languages')} />
      <${NumberField} form=${form} pointer=${`${p}/repeat`} label=${t('item.repeat')} value=${notice.repeat} min=${1} onChange=${(v: number | undefined) => set(withKey(notice, 'repeat', v))} testid="timed-repeat" />
      <${NumberField} form=${form} pointer=${`${p}/wait/maxWaitSeconds`} label=${t('timed.wait')} value=${wait.maxWaitSeconds} onChange=${(v: number | undefined) => set({ ...notice, wait: { ...wait, maxWaitSeconds: v ?? 0 } })} testid="timed-wait" />
      <${Field} form=${form} pointer=${`${p}/wait/then`} label=${t('timed.then')}>
        <select value=${wait.then} onChange=${(e: Event) => set({ ...notice, wait: { ...wait, then: (e.currentTarget as HTMLSelectElement).value as 'play' | 'skip' } })} ...${fieldAttrs(form, `${p}/wait/then`)} data-testid="timed-then">
          <option value="play">${t('timed.then.play')}</option>
          <option value="skip">${t('timed.then.skip')}</option>
        </select>
      </${Field}>
      <${NumberField} form=${form} pointer=${`${p}/expiresAfterSeconds`} label=${t('timed.expires')} value=${notice.expiresAfterSeconds} min=${1} onChange=${(v: number | undefined) => set(withKey(notice, 'expiresAfterSeconds', v))} testid="timed-expires" />
    </div>
  </div>`;
}

function CareForm({ form, i, rule, services, set }: { form: Form; i: number; rule: CareRule; services: QueueFile['services']; set(r: CareRule): void }) {
  const p = `/careRules/${i}`;
  return html`<div class="item-fields">
    <div class="row">
      <${Field} form=${form} pointer=${`${p}/id`} label=${t('item.id')}>
        <input class="mono" autocapitalize="none" value=${rule.id} onInput=${(e: Event) => set({ ...rule, id: (e.currentTarget as HTMLInputElement).value.trim() })} ...${fieldAttrs(form, `${p}/id`)} data-testid="care-id" />
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/service`} label=${t('care.service')}>
        <select value=${rule.service} onChange=${(e: Event) => set({ ...rule, service: (e.currentTarget as HTMLSelectElement).value })} ...${fieldAttrs(form, `${p}/service`)} data-testid="care-service">
          ${services.some((s) => s.id === rule.service) ? null : html`<option value=${rule.service}>${rule.service}</option>`}
          ${services.map((s) => html`<option value=${s.id}>${s.id} · ${pickText(s.name)}</option>`)}
        </select>
      </${Field}>
      <${NumberField} form=${form} pointer=${`${p}/waitingAtLeast`} label=${t('care.waiting')} value=${rule.waitingAtLeast} min=${1} onChange=${(v: number | undefined) => set(withKey(rule, 'waitingAtLeast', v))} testid="care-waiting" />
      <${NumberField} form=${form} pointer=${`${p}/estimateMinutesAtLeast`} label=${t('care.estimate')} value=${rule.estimateMinutesAtLeast} min=${1} onChange=${(v: number | undefined) => set(withKey(rule, 'estimateMinutesAtLeast', v))} testid="care-estimate" />
      <${NumberField} form=${form} pointer=${`${p}/everyMinutes`} label=${t('care.every')} value=${rule.everyMinutes} min=${1} onChange=${(v: number | undefined) => set(withKey(rule, 'everyMinutes', v))} testid="care-every" />
    </div>
    <${LocalizedInputs} form=${form} pointer=${`${p}/text`} label=${t('care.textOn')} text=${rule.text} optional=${true} multiline=${true} onChange=${(text: CareRule['text']) => set(withKey(rule, 'text', text))} testid="care-text" />
    <fieldset class="slide">
      <legend><label><input type="checkbox" checked=${rule.slide !== undefined} onChange=${(e: Event) => set(withKey(rule, 'slide', (e.currentTarget as HTMLInputElement).checked ? { title: { 'zh-CN': '' }, background: '#0b5cab', seconds: 30 } : undefined))} data-testid="care-slide-on" /> ${t('care.slideOn')}</label></legend>
      <${FieldErrors} form=${form} pointer=${`${p}/slide`} />
      ${rule.slide
        ? html`<${LocalizedInputs} form=${form} pointer=${`${p}/slide/title`} label=${t('care.slideTitle')} text=${rule.slide.title} onChange=${(title: CareRule['text']) => set({ ...rule, slide: { ...rule.slide!, title: title ?? { 'zh-CN': '' } } })} testid="care-slide-title" />
            <${LocalizedInputs} form=${form} pointer=${`${p}/slide/body`} label=${t('care.slideBody')} text=${rule.slide.body} optional=${true} multiline=${true} onChange=${(body: CareRule['text']) => set({ ...rule, slide: withKey(rule.slide!, 'body', body) })} testid="care-slide-body" />
            <div class="row">
              <${Field} form=${form} pointer=${`${p}/slide/background`} label=${t('editor.background')}>
                <input type="color" value=${rule.slide.background ?? CARE_SLIDE_BACKGROUND} onInput=${(e: Event) => set({ ...rule, slide: { ...rule.slide!, background: (e.currentTarget as HTMLInputElement).value } })} ...${fieldAttrs(form, `${p}/slide/background`)} />
              </${Field}>
              <${Field} form=${form} pointer=${`${p}/slide/color`} label=${t('editor.color')}>
                <input type="color" value=${rule.slide.color ?? '#ffffff'} onInput=${(e: Event) => set({ ...rule, slide: { ...rule.slide!, color: (e.currentTarget as HTMLInputElement).value } })} ...${fieldAttrs(form, `${p}/slide/color`)} />
              </${Field}>
              <${NumberField} form=${form} pointer=${`${p}/slide/seconds`} label=${t('care.seconds')} value=${rule.slide.seconds} min=${5} onChange=${(v: number | undefined) => set({ ...rule, slide: withKey(rule.slide!, 'seconds', v) })} testid="care-slide-seconds" />
            </div>`
        : null}
    </fieldset>
  </div>`;
}

export function AnnouncementsEditor() {
  const path = 'announcements.json';
  const file = useJsonFile<AnnouncementsFile>(path, () => ({ $schema: './schema/announcements.schema.json', languages: ['zh-CN', 'en'], timed: [], careRules: [] }));
  const [services, setServices] = useState<QueueFile['services']>([]);
  useEffect(() => {
    void api<FileAnswer<QueueFile>>('GET', 'files/queue.json').then((a) => a.ok && setServices(a.data.content.services ?? []));
  }, []);
  const draft = file.draft;
  const form: Form = useMemo(() => ({ path, placed: placeDiagnostics(file.diagnostics, path, draft ? announcementFields(draft) : []) }), [file.diagnostics, draft]);
  if (!draft) return html`<p class="hint">${file.load === 'error' ? t('common.loadFailed', { error: file.loadError ?? '' }) : t('common.loading')}</p>`;
  const timed = draft.timed ?? [];
  const care = draft.careRules ?? [];
  const setTimed = (list: TimedAnnouncement[]): void => file.edit((f) => ({ ...f, timed: list }));
  const setCare = (list: CareRule[]): void => file.edit((f) => ({ ...f, careRules: list }));
  const drop = async <T extends { id: string }>(list: T[], i: number, key: 'timed.deleteConfirm' | 'care.deleteConfirm', apply: (l: T[]) => void): Promise<void> => {
    if (!(await askConfirm(t(key, { id: list[i]!.id }), { danger: true, ok: t('common.delete') }))) return;
    file.clearDiagnostics();
    apply(list.filter((_, j) => j !== i));
  };
  const invalid = (p: string): boolean => [...form.placed.at.keys()].some((k) => k === p || k.startsWith(`${p}/`));
  return html`<div data-testid=${`file-${path}`}>
    <${FieldErrors} form=${form} pointer="" />
    <h3>${t('timed.title')}</h3>
    ${timed.length === 0 ? html`<p class="hint">${t('timed.empty')}</p>` : null}
    <ol class="entries">
      ${timed.map(
        (notice, i) => html`<li class=${`entry${invalid(`/timed/${i}`) ? ' invalid' : ''}`} data-testid=${`timed-${i}`}>
          <details open=${invalid(`/timed/${i}`) || notice.id === '' ? true : undefined}>
            <summary><strong class="mono">${notice.id || '…'}</strong> <span class="hint">${notice.cron}</span> <span lang="zh-CN">${notice.text['zh-CN']}</span></summary>
            <${FieldErrors} form=${form} pointer=${`/timed/${i}`} />
            <${TimedForm} form=${form} i=${i} notice=${notice} set=${(n: TimedAnnouncement) => setTimed(timed.map((x, j) => (j === i ? n : x)))} />
            <button type="button" class="danger-outline small" onClick=${() => drop(timed, i, 'timed.deleteConfirm', setTimed)} data-testid="timed-delete">${t('common.delete')}</button>
          </details>
        </li>`,
      )}
    </ol>
    <button type="button" class="secondary" onClick=${() => setTimed([...timed, { id: freshAnnouncementId(draft, 'notice'), cron: '0 10 * * *', text: { 'zh-CN': '' }, wait: { maxWaitSeconds: 120, then: 'play' } }])} data-testid="timed-add">${t('timed.add')}</button>
    <h3>${t('care.title')}</h3>
    <p class="hint">${t('care.intro')}</p>
    ${care.length === 0 ? html`<p class="hint">${t('care.empty')}</p>` : null}
    <ol class="entries">
      ${care.map(
        (rule, i) => html`<li class=${`entry${invalid(`/careRules/${i}`) ? ' invalid' : ''}`} data-testid=${`care-${i}`}>
          <details open=${invalid(`/careRules/${i}`) || rule.id === '' ? true : undefined}>
            <summary><strong class="mono">${rule.id || '…'}</strong> <span class="hint">${rule.service}</span> <span lang="zh-CN">${rule.text?.['zh-CN'] ?? rule.slide?.title['zh-CN'] ?? ''}</span></summary>
            <${FieldErrors} form=${form} pointer=${`/careRules/${i}`} />
            <${CareForm} form=${form} i=${i} rule=${rule} services=${services} set=${(r: CareRule) => setCare(care.map((x, j) => (j === i ? r : x)))} />
            <button type="button" class="danger-outline small" onClick=${() => drop(care, i, 'care.deleteConfirm', setCare)} data-testid="care-delete">${t('common.delete')}</button>
          </details>
        </li>`,
      )}
    </ol>
    <button type="button" class="secondary" onClick=${() => setCare([...care, { id: freshAnnouncementId(draft, 'care'), service: services[0]?.id ?? 'A', waitingAtLeast: 20, everyMinutes: 15, text: { 'zh-CN': '' } }])} data-testid="care-add">${t('care.add')}</button>
    <${SaveBar} file=${file} form=${form} />
  </div>`;
}
