/** calendars.json for the schedule's calendar: the preset, extra days off, extra working days, preset holidays kept open. */
import { useMemo } from 'preact/hooks';
import type { CalendarDefinition, Calendars } from '../api/playlist-types.js';
import { FieldErrors, type Form } from '../components/field.js';
import { DateList } from '../components/inputs.js';
import { SaveBar } from '../components/save-bar.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { placeDiagnostics, pointerOf } from '../logic/diagnostic-places.js';
import { useJsonFile } from '../files/use-json-file.js';

const LISTS = ['holidays', 'workdays', 'notHolidays'] as const;

export function calendarFields(calendars: Calendars, name: string): string[] {
  const fields = ['', pointerOf(['calendars', name])];
  const calendar = calendars.calendars?.[name] ?? {};
  for (const list of LISTS) {
    fields.push(pointerOf(['calendars', name, list]));
    (calendar[list] ?? []).forEach((_, i) => fields.push(pointerOf(['calendars', name, list, i])));
  }
  return fields;
}

export function CalendarEditor({ name }: { name: string | null }) {
  const calendarName = name ?? 'cn';
  const file = useJsonFile<Calendars>('calendars.json', () => ({ $schema: './schema/calendars.schema.json', calendars: { [calendarName]: { preset: 'cn-mainland', holidays: [], workdays: [] } } }));
  const draft = file.draft;
  const form: Form = useMemo(() => ({ path: 'calendars.json', placed: placeDiagnostics(file.diagnostics, 'calendars.json', draft ? calendarFields(draft, calendarName) : []) }), [file.diagnostics, draft, calendarName]);
  if (name === null) return html`<p class="hint">${t('calendar.none')}</p>`;
  if (!draft) return html`<p class="hint">${file.load === 'error' ? t('common.loadFailed', { error: file.loadError ?? '' }) : t('common.loading')}</p>`;
  const calendar: CalendarDefinition = draft.calendars?.[calendarName] ?? {};
  const set = (list: (typeof LISTS)[number], dates: string[] | undefined): void =>
    file.edit((c) => ({ ...c, calendars: { ...c.calendars, [calendarName]: { ...(c.calendars?.[calendarName] ?? {}), [list]: dates ?? [] } } }));
  const labels = { holidays: t('calendar.holidays'), workdays: t('calendar.workdays'), notHolidays: t('calendar.notHolidays') };
  return html`<div data-testid="file-calendars.json">
    <${FieldErrors} form=${form} pointer="" />
    <${FieldErrors} form=${form} pointer=${pointerOf(['calendars', calendarName])} />
    ${calendar.preset ? html`<p class="hint">${t('calendar.preset', { preset: calendar.preset })} · <span class="mono">${calendarName}</span></p>` : null}
    ${LISTS.map(
      (list) => html`<${DateList} form=${form} pointer=${pointerOf(['calendars', calendarName, list])} label=${labels[list]} dates=${calendar[list]}
        keepEmpty=${true} onChange=${(dates: string[] | undefined) => set(list, dates)} testid=${`calendar-${list}`} />`,
    )}
    <${SaveBar} file=${file} form=${form} />
  </div>`;
}
