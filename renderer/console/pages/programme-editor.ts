/**
 * The programme editor: title, order, volume and layout; the items (from the media library or
 * text slides), reordered by drag or keyboard; a live preview of the draft; saving through the
 * shared save bar, with refused saves' findings shown at their fields.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { LayoutsFile, Programme, ProgrammeItem } from '../api/playlist-types.js';
import type { FileAnswer, MediaItem } from '../api/types.js';
import { href } from '../navigation/route.js';
import { askConfirm } from '../components/confirm.js';
import { Field, FieldErrors, fieldAttrs, withKey, type Form } from '../components/field.js';
import { LocalizedInputs } from '../components/inputs.js';
import { MediaPicker } from '../components/media-picker.js';
import { ProgrammePreview } from '../components/programme-preview.js';
import { SaveBar } from '../components/save-bar.js';
import { freshProgramme } from '../editors/new-programme.js';
import { ItemList } from '../editors/programme-items.js';
import { useJsonFile } from '../files/use-json-file.js';
import { html } from '../html.js';
import { pickText, t } from '../i18n/translate.js';
import { placeDiagnostics } from '../logic/diagnostic-places.js';
import { programmeFields } from '../logic/programme-fields.js';
import { programmePath } from '../logic/programme-id.js';
import { moveItem } from '../logic/reorder.js';

const DEFAULT_SLIDE_SECONDS = 8;

function newItem(media: MediaItem): ProgrammeItem {
  return media.kind === 'video' ? { type: 'video', src: media.path } : { type: 'image', src: media.path, duration: DEFAULT_SLIDE_SECONDS };
}

export function ProgrammeEditorPage({ id }: { id: string }) {
  const path = programmePath(id);
  const file = useJsonFile<Programme>(path, () => freshProgramme(id));
  const [picking, setPicking] = useState(false);
  const [layouts, setLayouts] = useState<string[]>([]);
  const keys = useRef<number[]>([]);
  const nextKey = useRef(1);

  useEffect(() => {
    void api<FileAnswer<LayoutsFile>>('GET', 'files/layouts.json').then((a) => a.ok && setLayouts(Object.keys(a.data.content.layouts ?? {})));
  }, []);

  const draft = file.draft;
  const items = draft?.items ?? [];
  // Render keys follow the items through moves; a reload with another count starts afresh.
  if (keys.current.length !== items.length) keys.current = items.map(() => nextKey.current++);

  const form: Form = useMemo(() => ({ path, placed: placeDiagnostics(file.diagnostics, path, draft ? programmeFields(draft) : []) }), [path, file.diagnostics, draft]);

  if (file.load === 'loading') return html`<p class="loading" role="status">${t('common.loading')}</p>`;
  if (file.load === 'error' || !draft) {
    return html`<div class="page"><a href=${href('programmes')}>${t('editor.back')}</a>
      <p class="notice error" role="alert">${t('common.loadFailed', { error: file.loadError ?? '' })}</p></div>`;
  }

  const edit = (update: (p: Programme) => Programme): void => file.edit(update);
  const setItems = (next: ProgrammeItem[]): void => edit((p) => ({ ...p, items: next }));
  const onMove = (from: number, to: number): void => {
    keys.current = moveItem(keys.current, from, to);
    // Findings point at positions of the refused save; after a move they would point at the wrong card.
    file.clearDiagnostics();
    setItems(moveItem(items, from, to));
  };
  const onRemove = async (index: number): Promise<void> => {
    if (!(await askConfirm(t('editor.removeConfirm', { n: index + 1 }), { danger: true, ok: t('common.remove') }))) return;
    keys.current = keys.current.filter((_, i) => i !== index);
    file.clearDiagnostics();
    setItems(items.filter((_, i) => i !== index));
  };
  const add = (item: ProgrammeItem): void => {
    keys.current = [...keys.current, nextKey.current++];
    setItems([...items, item]);
  };

  return html`<div class="page editor" data-testid="programme-editor" data-file=${path}>
    <a href=${href('programmes')} class="back">${t('editor.back')}</a>
    <div class="page-head">
      <h1>${t('editor.heading')}: <span lang="zh-CN">${pickText(draft.title) || id}</span> <span class="mono hint">${id}</span></h1>
    </div>
    <${FieldErrors} form=${form} pointer="" />
    <div class="editor-grid" data-testid=${`file-${path}`}>
      <div class="editor-main">
        <section class="card" aria-labelledby="ed-basic">
          <h2 id="ed-basic" class="sr-only">${t('editor.heading')}</h2>
          <${LocalizedInputs} form=${form} pointer="/title" label=${t('editor.titleLabel')} text=${draft.title} onChange=${(title: Programme['title'] | undefined) => edit((p) => ({ ...p, title: title ?? { 'zh-CN': '' } }))} testid="editor-title" />
          <div class="row">
            <${Field} form=${form} pointer="/order" label=${t('editor.order')}>
              <select ...${fieldAttrs(form, '/order')} value=${draft.order ?? 'loop'} onChange=${(e: Event) => edit((p) => ({ ...p, order: (e.currentTarget as HTMLSelectElement).value as Programme['order'] }))} data-testid="editor-order">
                <option value="loop">${t('editor.order.loop')}</option>
                <option value="shuffle">${t('editor.order.shuffle')}</option>
              </select>
            </${Field}>
            <${Field} form=${form} pointer="/volume" label=${`${t('editor.volume')} ${Math.round((draft.volume ?? 1) * 100)}%`}>
              <input type="range" min="0" max="1" step="0.05" ...${fieldAttrs(form, '/volume')} value=${draft.volume ?? 1} onInput=${(e: Event) => edit((p) => ({ ...p, volume: Number((e.currentTarget as HTMLInputElement).value) }))} data-testid="editor-volume" />
            </${Field}>
            <${Field} form=${form} pointer="/layout" label=${t('editor.layout')}>
              <select ...${fieldAttrs(form, '/layout')} value=${draft.layout ?? ''} onChange=${(e: Event) => edit((p) => withKey(p, 'layout', (e.currentTarget as HTMLSelectElement).value || undefined))} data-testid="editor-layout">
                <option value="">${t('editor.layoutDefault')}</option>
                ${[...new Set([...layouts, ...(draft.layout ? [draft.layout] : [])])].map((name) => html`<option value=${name}>${name}</option>`)}
              </select>
            </${Field}>
          </div>
        </section>
        <section class="card" aria-labelledby="ed-items">
          <div class="section-head">
            <h2 id="ed-items">${t('editor.items')} <span class="count">${items.length}</span></h2>
            <div class="actions">
              <button type="button" class="primary" onClick=${() => setPicking(true)} data-testid="editor-add-media">${t('editor.addMedia')}</button>
              <button type="button" class="secondary" onClick=${() => add({ type: 'text', duration: DEFAULT_SLIDE_SECONDS, title: { 'zh-CN': '' }, background: '#0b5cab' })} data-testid="editor-add-text">${t('editor.addText')}</button>
            </div>
          </div>
          <${FieldErrors} form=${form} pointer="/items" />
          ${items.length === 0 ? html`<p class="hint empty-items">${t('editor.noItems')}</p>` : null}
          <${ItemList} form=${form} items=${items} keys=${keys.current} onChange=${(i: number, item: ProgrammeItem) => setItems(items.map((x, j) => (j === i ? item : x)))} onMove=${onMove} onRemove=${onRemove} />
        </section>
      </div>
      <aside class="editor-side">
        <section class="card preview-card" aria-labelledby="ed-preview">
          <h2 id="ed-preview">${t('editor.preview')}</h2>
          <${ProgrammePreview} items=${items} volume=${draft.volume ?? 1} />
        </section>
        <${SaveBar} file=${file} form=${form} />
      </aside>
    </div>
    <${MediaPicker} open=${picking} onPick=${(m: MediaItem) => add(newItem(m))} onClose=${() => setPicking(false)} />
  </div>`;
}
