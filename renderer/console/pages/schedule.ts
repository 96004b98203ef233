/**
 * The schedule: the week as the player runs it (from the timeline), schedule.json's settings and
 * entries (daypart or cron forms), the calendar's holidays and working days, and a timeline
 * preview of any day or week.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { Schedule, ScheduleEntry } from '../api/playlist-types.js';
import type { FileInfo, Timeline } from '../api/types.js';
import { askConfirm } from '../components/confirm.js';
import { Field, FieldErrors, fieldAttrs, withKey, type Form } from '../components/field.js';
import { SaveBar } from '../components/save-bar.js';
import { CalendarEditor } from '../editors/calendar-editor.js';
import { EntryForm } from '../editors/entry-form.js';
import { TimelinePreview } from '../editors/timeline-preview.js';
import { useJsonFile } from '../files/use-json-file.js';
import { WeekView, weekLabel } from '../editors/week-view.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { addDays, mondayOf, todayIn } from '../logic/civil-date.js';
import { readCron } from '../logic/cron-reading.js';
import { placeDiagnostics } from '../logic/diagnostic-places.js';
import { programmeIdOf } from '../logic/programme-id.js';
import { moveItem } from '../logic/reorder.js';
import { durationParts, entryMode, entryOfPointer, freshEntryId, scheduleFields } from '../logic/schedule-entry.js';
import { uiLang } from '../i18n/lang.js';

function spoken(hours: number, minutes: number): string {
  if (hours && minutes) return t('entry.hoursMinutes', { hours, minutes });
  return hours ? t('entry.hoursOnly', { hours }) : t('entry.minutesOnly', { minutes });
}

function entrySummary(entry: ScheduleEntry): string {
  const parts: string[] = [];
  if (entryMode(entry) === 'daypart') parts.push(t('entry.daily', { from: entry.daypart?.from ?? '?', to: entry.daypart?.to ?? '?' }));
  else {
    const reading = readCron(entry.cron ?? '', uiLang());
    const text = reading.ok ? reading.text : (entry.cron ?? '');
    const d = durationParts(entry.duration);
    if (entry.duration !== undefined) parts.push(t('entry.cronFor', { reading: text, duration: d ? spoken(d.hours, d.minutes) : entry.duration }));
    else parts.push(t('entry.cronUntil', { reading: text, until: entry.until ?? '?' }));
  }
  if (entry.days?.length) parts.push(entry.days.map((d) => t(`days.${d}`)).join('、'));
  if (entry.validFrom || entry.validTo) parts.push(t('entry.valid', { from: entry.validFrom ?? '…', to: entry.validTo ?? '…' }));
  return parts.join(' · ');
}

function useProgrammeIds(): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    void api<{ files: FileInfo[] }>('GET', 'files').then((a) => a.ok && setIds(a.data.files.map((f) => programmeIdOf(f.path)).filter((id): id is string => id !== null).sort()));
  }, []);
  return ids;
}

export function SchedulePage() {
  const file = useJsonFile<Schedule>('schedule.json');
  const programmes = useProgrammeIds();
  const [open, setOpen] = useState<number | null>(null);
  const draft = file.draft;
  const today = todayIn(draft?.timezone ?? null);
  const [monday, setMonday] = useState<string | null>(null);
  const week = monday ?? mondayOf(today);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [weekError, setWeekError] = useState<string | null>(null);

  // The grid shows what the player runs: read again after every save (a new version).
  useEffect(() => {
    void api<Timeline>('GET', `timeline?date=${week}&days=7`).then((a) => {
      if (a.ok) {
        setTimeline(a.data);
        setWeekError(null);
      } else setWeekError(a.error);
    });
  }, [week, file.version]);

  // A refused save opens the first entry a finding is about.
  useEffect(() => {
    const entry = file.diagnostics.map((d) => entryOfPointer(d.pointer)).find((i) => i !== null);
    if (entry !== undefined && entry !== null) setOpen(entry);
  }, [file.diagnostics]);

  const form: Form = useMemo(() => ({ path: 'schedule.json', placed: placeDiagnostics(file.diagnostics, 'schedule.json', draft ? scheduleFields(draft, open) : []) }), [file.diagnostics, draft, open]);

  const setEntries = (entries: ScheduleEntry[]): void => file.edit((s) => ({ ...s, entries }));
  const entries = draft?.entries ?? [];
  const addEntry = (): void => {
    if (!draft) return;
    const entry: ScheduleEntry = { id: freshEntryId(draft), programme: draft.default ?? programmes[0] ?? '', priority: 10, daypart: { from: '08:30', to: '11:30' } };
    setEntries([...entries, entry]);
    setOpen(entries.length);
  };
  const removeEntry = async (i: number): Promise<void> => {
    if (!(await askConfirm(t('entries.deleteConfirm', { id: entries[i]!.id }), { danger: true, ok: t('common.delete') }))) return;
    file.clearDiagnostics();
    setOpen(null);
    setEntries(entries.filter((_, j) => j !== i));
  };
  const moveEntry = (from: number, to: number): void => {
    file.clearDiagnostics();
    setOpen(open === from ? to : open === to ? from : open);
    setEntries(moveItem(entries, from, to));
  };
  const pick = (id: string): void => {
    const i = entries.findIndex((e) => e.id === id);
    if (i < 0) return;
    setOpen(i);
    requestAnimationFrame(() => document.querySelector(`[data-testid="entry-${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };

  return html`<div class="page" data-testid="schedule-page">
    <div class="page-head"><h1>${t('schedule.title')}</h1><p class="hint">${t('schedule.intro')}</p></div>
    <section class="card" aria-labelledby="week-title">
      <div class="section-head">
        <h2 id="week-title">${t('week.title')} <span class="hint">${weekLabel(week)}</span></h2>
        <div class="actions">
          <button type="button" class="secondary small" onClick=${() => setMonday(addDays(week, -7))} data-testid="week-prev">← ${t('week.prev')}</button>
          <button type="button" class="secondary small" onClick=${() => setMonday(null)} data-testid="week-today">${t('week.today')}</button>
          <button type="button" class="secondary small" onClick=${() => setMonday(addDays(week, 7))} data-testid="week-next">${t('week.next')} →</button>
        </div>
      </div>
      <p class="hint">${t('week.saved')}</p>
      ${weekError ? html`<p class="notice error" role="alert">${t('week.failed', { error: weekError })}</p>` : null}
      ${timeline ? html`<${WeekView} timeline=${timeline} monday=${week} today=${today} programmes=${programmes} onPick=${pick} />` : null}
    </section>
    ${file.load === 'error' ? html`<p class="notice error" role="alert">${t('common.loadFailed', { error: file.loadError ?? '' })}</p>` : null}
    ${draft
      ? html`<div class="schedule-file" data-testid="file-schedule.json">
          <${FieldErrors} form=${form} pointer="" />
          <section class="card" aria-labelledby="settings-title">
            <h2 id="settings-title">${t('schedule.settings')}</h2>
            <div class="row">
              <${Field} form=${form} pointer="/default" label=${t('schedule.default')}>
                <select value=${draft.default ?? ''} onChange=${(e: Event) => file.edit((s) => withKey(s, 'default', (e.currentTarget as HTMLSelectElement).value || undefined))} ...${fieldAttrs(form, '/default')} data-testid="schedule-default">
                  <option value="">${t('schedule.noDefault')}</option>
                  ${[...new Set([...programmes, ...(draft.default ? [draft.default] : [])])].map((id) => html`<option value=${id}>${id}</option>`)}
                </select>
              </${Field}>
              <${Field} form=${form} pointer="/timezone" label=${t('schedule.timezone')}>
                <input class="mono" value=${draft.timezone} onInput=${(e: Event) => file.edit((s) => ({ ...s, timezone: (e.currentTarget as HTMLInputElement).value }))} ...${fieldAttrs(form, '/timezone')} data-testid="schedule-timezone" />
              </${Field}>
              <${Field} form=${form} pointer="/calendar" label=${t('schedule.calendar')}>
                <input class="mono" value=${draft.calendar ?? ''} onInput=${(e: Event) => file.edit((s) => withKey(s, 'calendar', (e.currentTarget as HTMLInputElement).value || undefined))} ...${fieldAttrs(form, '/calendar')} data-testid="schedule-calendar" />
              </${Field}>
            </div>
          </section>
          <section class="card" aria-labelledby="entries-title">
            <div class="section-head">
              <h2 id="entries-title">${t('entries.title')} <span class="count">${entries.length}</span></h2>
              <button type="button" class="primary" onClick=${addEntry} data-testid="entry-new">${t('entries.new')}</button>
            </div>
            <${FieldErrors} form=${form} pointer="/entries" />
            ${entries.length === 0 ? html`<p class="hint">${t('entries.empty')}</p>` : null}
            <ol class="entries">
              ${entries.map(
                (entry, i) => html`<li class=${`entry${open === i ? ' open' : ''}${form.placed.at.has(`/entries/${i}`) ? ' invalid' : ''}`} data-testid=${`entry-${entry.id}`} data-index=${i}>
                  <div class="entry-head">
                    <div class="entry-text">
                      <strong class="mono">${entry.id}</strong> → <span class="mono">${entry.programme}</span>
                      <span class="badge muted">${t('entries.priority', { priority: entry.priority ?? 0 })}</span>
                      <p class="hint">${entrySummary(entry)}</p>
                    </div>
                    <div class="actions">
                      <button type="button" class="secondary small" disabled=${i === 0} onClick=${() => moveEntry(i, i - 1)} aria-label=${`${t('common.moveUp')} ${entry.id}`}>↑</button>
                      <button type="button" class="secondary small" disabled=${i === entries.length - 1} onClick=${() => moveEntry(i, i + 1)} aria-label=${`${t('common.moveDown')} ${entry.id}`}>↓</button>
                      <button type="button" class="secondary small" aria-expanded=${open === i ? 'true' : 'false'} onClick=${() => setOpen(open === i ? null : i)} data-testid=${`entry-edit-${entry.id}`}>${open === i ? t('entry.close') : t('common.edit')}</button>
                      <button type="button" class="danger-outline small" onClick=${() => removeEntry(i)} data-testid=${`entry-delete-${entry.id}`}>${t('common.delete')}</button>
                    </div>
                  </div>
                  <${FieldErrors} form=${form} pointer=${`/entries/${i}`} />
                  ${open === i
                    ? html`<${EntryForm} form=${form} index=${i} entry=${entry} programmes=${programmes}
                        onChange=${(next: ScheduleEntry) => setEntries(entries.map((e, j) => (j === i ? next : e)))} onClose=${() => setOpen(null)} />`
                    : null}
                </li>`,
              )}
            </ol>
          </section>
          <${SaveBar} file=${file} form=${form} />
        </div>`
      : file.load === 'loading'
        ? html`<p class="loading" role="status">${t('common.loading')}</p>`
        : null}
    <section class="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">${t('calendar.title')}</h2>
      ${draft ? html`<${CalendarEditor} name=${draft.calendar ?? null} />` : null}
    </section>
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">${t('timeline.title')}</h2>
      <${TimelinePreview} today=${today} />
    </section>
  </div>`;
}
