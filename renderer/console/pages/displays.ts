/**
 * Displays: the screens connected now (assigned or not, which speaks, what each plays), and
 * displays.json as forms. A screen that connected unassigned can be named here in one click: the
 * floor manager sees it, names it, saves.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { DisplayArea, DisplayConfig, DisplaysFile, LayoutsFile } from '../api/playlist-types.js';
import type { DisplayInfo, FileAnswer, FileInfo, HallStatus } from '../api/types.js';
import { askConfirm } from '../components/confirm.js';
import { Field, FieldErrors, fieldAttrs, numberOrUndefined, withKey, type Form } from '../components/field.js';
import { LocalizedInputs } from '../components/inputs.js';
import { SaveBar } from '../components/save-bar.js';
import { usePoll } from '../components/use-poll.js';
import { useJsonFile, type JsonFile } from '../files/use-json-file.js';
import { html } from '../html.js';
import { pickText, t } from '../i18n/translate.js';
import { placeDiagnostics, pointerOf } from '../logic/diagnostic-places.js';
import { displayFields, freshDisplayId, nameDisplay, renameDisplay } from '../logic/display-fields.js';
import { programmeIdOf } from '../logic/programme-id.js';
import { DISPLAY_AREAS } from '../../../electron/contract/hall-config.js';
import { isDisplayId } from '../../../electron/contract/display-id.js';

const STATUS_MS = 3000;
const PATH = 'displays.json';

function Connected({ status, file, onNamed }: { status: HallStatus | null; file: JsonFile<DisplaysFile>; onNamed(id: string): void }) {
  if (!status) return html`<p class="hint">${t('common.loading')}</p>`;
  const name = (d: DisplayInfo): void => {
    if (!file.draft) return;
    const named = nameDisplay(file.draft, d.requested);
    file.edit(() => named.file);
    onNamed(named.id);
  };
  return html`<div data-testid="displays-connected">
    ${status.displays.length === 0 ? html`<p class="bad">${t('displays.none')}</p>` : null}
    <div class="table-wrap">
      <table>
        <thead><tr>
          <th scope="col">${t('displays.col.display')}</th><th scope="col">${t('displays.col.area')}</th><th scope="col">${t('displays.col.layout')}</th>
          <th scope="col">${t('displays.col.playing')}</th><th scope="col">${t('displays.col.pa')}</th>
        </tr></thead>
        <tbody>
          ${status.displays.map(
            (d) => html`<tr data-testid=${`display-row-${d.assigned ? d.id : 'unassigned'}`} data-session=${d.session}>
              <th scope="row">
                ${d.assigned ? html`<span class="mono">${d.id}</span> ${d.name ? pickText(d.name) : ''}` : html`<span class="warn">${t('displays.unassigned')}</span>${d.requested ? html` <span class="mono hint">${d.requested}</span>` : null}`}
                ${d.problem ? html`<p class="hint" data-testid="display-problem">${d.problem}</p>` : null}
                ${!d.assigned ? html`<button type="button" class="secondary small" onClick=${() => name(d)} data-testid="display-name-it">${t('displays.nameIt')}</button>` : null}
              </th>
              <td>${d.area ? t(`area.${d.area}`) : '—'}</td>
              <td class="mono">${d.layout ?? '—'} <span class="hint">${d.width && d.height ? `${d.width}×${d.height}` : ''}</span></td>
              <td class="mono">${d.item ?? '—'}${d.alive ? '' : html` <span class="bad">${t('displays.notHeartbeating')}</span>`}</td>
              <td>${d.pa ? t(`displays.pa.${d.pa}`) : ''}${d.speaker ? html` <strong data-testid="display-speaking">${t('displays.speaking')}</strong>` : null}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${status.displaysMissing.length > 0 ? html`<p class="warn" data-testid="displays-missing">${t('displays.missing', { ids: status.displaysMissing.join(', ') })}</p>` : null}
  </div>`;
}

function DisplayForm({ form, id, display, layouts, programmes, set, rename }: {
  form: Form;
  id: string;
  display: DisplayConfig;
  layouts: LayoutsFile | null;
  programmes: string[];
  set(d: DisplayConfig): void;
  rename(to: string): void;
}) {
  const p = pointerOf(['displays', id]);
  const [idDraft, setIdDraft] = useState(id);
  const zones = [...new Set(Object.values(layouts?.layouts ?? {}).flatMap((l) => Object.entries(l.zones).filter(([, z]) => z.kind !== 'programme').map(([name]) => name)))];
  const hidden = display.hideZones ?? [];
  const own = display.schedule;
  return html`<div class="item-fields">
    <div class="row">
      <${Field} form=${form} pointer=${p} label=${t('displays.id')}>
        <input class="mono" autocapitalize="none" value=${idDraft} aria-invalid=${isDisplayId(idDraft) ? undefined : 'true'}
          onInput=${(e: Event) => setIdDraft((e.currentTarget as HTMLInputElement).value.trim())}
          onBlur=${() => (isDisplayId(idDraft) ? rename(idDraft) : setIdDraft(id))} data-testid="display-id" />
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/area`} label=${t('displays.area')}>
        <select value=${display.area} onChange=${(e: Event) => set({ ...display, area: (e.currentTarget as HTMLSelectElement).value as DisplayArea })} ...${fieldAttrs(form, `${p}/area`)} data-testid="display-area">
          ${DISPLAY_AREAS.map((a) => html`<option value=${a}>${t(`area.${a}`)}</option>`)}
        </select>
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/layout`} label=${t('displays.layout')}>
        <select value=${display.layout ?? 'auto'} onChange=${(e: Event) => set(withKey(display, 'layout', (e.currentTarget as HTMLSelectElement).value))} ...${fieldAttrs(form, `${p}/layout`)} data-testid="display-layout">
          <option value="auto">${t('displays.layout.auto')}</option>
          ${Object.keys(layouts?.layouts ?? {}).map((name) => html`<option value=${name}>${name}</option>`)}
        </select>
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/pa`} label=${t('displays.pa')}>
        <select value=${display.pa ?? ''} onChange=${(e: Event) => set(withKey(display, 'pa', ((e.currentTarget as HTMLSelectElement).value || undefined) as DisplayConfig['pa']))} ...${fieldAttrs(form, `${p}/pa`)} data-testid="display-pa">
          <option value="">${t('displays.pa.none')}</option>
          <option value="speaker">${t('displays.pa.speaker')}</option>
          <option value="standby">${t('displays.pa.standby')}</option>
        </select>
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/counter`} label=${t('displays.counter')}>
        <input type="number" min="1" max="999" step="1" inputmode="numeric" value=${display.counter ?? ''} onInput=${(e: Event) => set(withKey(display, 'counter', numberOrUndefined((e.currentTarget as HTMLInputElement).value)))} ...${fieldAttrs(form, `${p}/counter`)} data-testid="display-counter" />
      </${Field}>
      <${Field} form=${form} pointer=${`${p}/viewingDistanceMetres`} label=${t('displays.distance')}>
        <input type="number" min="0.5" max="50" step="0.5" inputmode="decimal" value=${display.viewingDistanceMetres ?? ''} placeholder="5" onInput=${(e: Event) => set(withKey(display, 'viewingDistanceMetres', numberOrUndefined((e.currentTarget as HTMLInputElement).value)))} ...${fieldAttrs(form, `${p}/viewingDistanceMetres`)} data-testid="display-distance" />
      </${Field}>
    </div>
    <${LocalizedInputs} form=${form} pointer=${`${p}/name`} label=${t('displays.name')} text=${display.name} onChange=${(name: DisplayConfig['name'] | undefined) => set({ ...display, name: name ?? { 'zh-CN': '' } })} testid="display-name" />
    <fieldset class="checks">
      <legend>${t('displays.hide')}</legend>
      ${zones.map(
        (zone) => html`<label><input type="checkbox" checked=${hidden.includes(zone)} onChange=${(e: Event) => {
          const on = (e.currentTarget as HTMLInputElement).checked;
          const next = on ? [...hidden, zone] : hidden.filter((z) => z !== zone);
          set(withKey(display, 'hideZones', next.length ? next : undefined));
        }} data-testid=${`display-hide-${zone}`} /> <span class="mono">${zone}</span></label>`,
      )}
      <${FieldErrors} form=${form} pointer=${`${p}/hideZones`} />
    </fieldset>
    <div class="row">
      <${Field} form=${form} pointer=${`${p}/schedule/default`} label=${t('displays.ownDefault')}>
        <select value=${own?.default ?? ''} onChange=${(e: Event) => {
          const value = (e.currentTarget as HTMLSelectElement).value || undefined;
          const entries = own?.entries ?? [];
          const schedule: NonNullable<DisplayConfig['schedule']> = withKey({ entries, default: value }, 'default', value);
          set(withKey(display, 'schedule', value === undefined && entries.length === 0 ? undefined : schedule));
        }} ...${fieldAttrs(form, `${p}/schedule/default`)} data-testid="display-default">
          <option value="">${t('displays.ownDefault.none')}</option>
          ${programmes.map((id) => html`<option value=${id}>${id}</option>`)}
        </select>
      </${Field}>
      ${own?.entries.length ? html`<p class="hint">${t('displays.ownEntries', { n: own.entries.length })}: <span class="mono">${own.entries.map((e) => `${e.id}→${e.programme}`).join(', ')}</span></p>` : null}
    </div>
    <${FieldErrors} form=${form} pointer=${`${p}/schedule`} />
  </div>`;
}

export function DisplaysPage() {
  const status = usePoll(() => api<HallStatus>('GET', 'status'), STATUS_MS);
  const file = useJsonFile<DisplaysFile>(PATH, () => ({ $schema: './schema/displays.schema.json', displays: {} }));
  const [layouts, setLayouts] = useState<LayoutsFile | null>(null);
  const [programmes, setProgrammes] = useState<string[]>([]);
  const [named, setNamed] = useState<string | null>(null);
  useEffect(() => {
    void api<FileAnswer<LayoutsFile>>('GET', 'files/layouts.json').then((a) => a.ok && setLayouts(a.data.content));
    void api<{ files: FileInfo[] }>('GET', 'files').then((a) => a.ok && setProgrammes(a.data.files.map((f) => programmeIdOf(f.path)).filter((id): id is string => id !== null).sort()));
  }, []);
  const draft = file.draft;
  const form: Form = useMemo(() => ({ path: PATH, placed: placeDiagnostics(file.diagnostics, PATH, draft ? displayFields(draft) : []) }), [file.diagnostics, draft]);
  const setDisplay = (id: string, d: DisplayConfig): void => file.edit((f) => ({ ...f, displays: { ...f.displays, [id]: d } }));
  const drop = async (id: string): Promise<void> => {
    if (!(await askConfirm(t('displays.deleteConfirm', { id }), { danger: true, ok: t('common.delete') }))) return;
    file.clearDiagnostics();
    file.edit((f) => ({ ...f, displays: Object.fromEntries(Object.entries(f.displays).filter(([k]) => k !== id)) }));
  };
  const invalid = (p: string): boolean => [...form.placed.at.keys()].some((k) => k === p || k.startsWith(`${p}/`));
  return html`<div class="page" data-testid="displays-page">
    <div class="page-head"><h1>${t('displays.title')}</h1><p class="hint">${t('displays.intro')}</p></div>
    <section class="card" aria-labelledby="displays-now">
      <h2 id="displays-now">${t('displays.connected')}</h2>
      ${status.error ? html`<p class="bad">${t('common.unreachable')}</p>` : null}
      <${Connected} status=${status.data} file=${file} onNamed=${setNamed} />
      ${named ? html`<p class="notice" role="status" data-testid="display-named">${t('displays.named', { id: named })}</p>` : null}
    </section>
    <section class="card" aria-labelledby="displays-file">
      <h2 id="displays-file">${t('displays.file')}</h2>
      ${!draft
        ? html`<p class="hint">${file.load === 'error' ? t('common.loadFailed', { error: file.loadError ?? '' }) : t('common.loading')}</p>`
        : html`<div data-testid=${`file-${PATH}`}>
            <${FieldErrors} form=${form} pointer="" />
            ${Object.keys(draft.displays).length === 0 ? html`<p class="hint">${t('displays.empty')}</p>` : null}
            <ol class="entries">
              ${Object.entries(draft.displays).map(
                ([id, display]) => html`<li key=${id} class=${`entry${invalid(pointerOf(['displays', id])) ? ' invalid' : ''}`} data-testid=${`display-${id}`}>
                  <details open=${invalid(pointerOf(['displays', id])) || id === named ? true : undefined}>
                    <summary><strong class="mono">${id}</strong> ${pickText(display.name)} <span class="hint">${t(`area.${display.area}`)}${display.pa ? ` · ${t(`displays.pa.${display.pa}`)}` : ''}</span></summary>
                    <${FieldErrors} form=${form} pointer=${pointerOf(['displays', id])} />
                    <${DisplayForm} form=${form} id=${id} display=${display} layouts=${layouts} programmes=${programmes}
                      set=${(d: DisplayConfig) => setDisplay(id, d)} rename=${(to: string) => file.edit((f) => renameDisplay(f, id, to))} />
                    <button type="button" class="danger-outline small" onClick=${() => drop(id)} data-testid="display-delete">${t('common.delete')}</button>
                  </details>
                </li>`,
              )}
            </ol>
            <button type="button" class="secondary" onClick=${() => {
              const id = freshDisplayId(draft);
              file.edit((f) => ({ ...f, displays: { ...f.displays, [id]: { name: { 'zh-CN': id }, area: 'waiting', layout: 'auto' } } }));
              setNamed(id);
            }} data-testid="display-add">${t('displays.add')}</button>
            <${SaveBar} file=${file} form=${form} />
          </div>`}
    </section>
  </div>`;
}
