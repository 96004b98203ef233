/**
 * The programme's items as cards: each with the fields of its kind, move up/down buttons, Alt+↑/↓
 * on the focused card, and a drag handle driven by pointer events (mouse, pen and touch alike).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProgrammeItem, TextSlideItem, VideoItem } from '../api/playlist-types.js';
import { Field, FieldErrors, fieldAttrs, numberOrUndefined, withKey, type Form } from '../components/field.js';
import { LocalizedInputs } from '../components/inputs.js';
import { MediaThumb } from '../components/media-thumb.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { dropIndex, keyboardMoveTarget, type Span } from '../logic/reorder.js';
import { HALL_BACKGROUND } from '../../../electron/contract/hall-defaults.js';

export interface ItemListProps {
  form: Form;
  items: ProgrammeItem[];
  keys: number[];
  onChange(index: number, item: ProgrammeItem): void;
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}

const num = (e: Event): number | undefined => numberOrUndefined((e.currentTarget as HTMLInputElement).value);

function VideoFields({ form, p, item, set }: { form: Form; p: string; item: VideoItem; set(item: VideoItem): void }) {
  return html`<div class="row">
    <${Field} form=${form} pointer=${`${p}/in`} label=${t('editor.in')} hint=${t('editor.trimHint')}>
      <input type="number" min="0" step="0.1" inputmode="decimal" value=${item.in ?? ''} onInput=${(e: Event) => set(withKey(item, 'in', num(e)))} ...${fieldAttrs(form, `${p}/in`)} data-testid="item-in" />
    </${Field}>
    <${Field} form=${form} pointer=${`${p}/out`} label=${t('editor.out')}>
      <input type="number" min="0" step="0.1" inputmode="decimal" value=${item.out ?? ''} onInput=${(e: Event) => set(withKey(item, 'out', num(e)))} ...${fieldAttrs(form, `${p}/out`)} data-testid="item-out" />
    </${Field}>
    <${Field} form=${form} pointer=${`${p}/volume`} label=${`${t('editor.itemVolume')} ${Math.round((item.volume ?? 1) * 100)}%`}>
      <input type="range" min="0" max="1" step="0.05" value=${item.volume ?? 1} onInput=${(e: Event) => set(withKey(item, 'volume', num(e) === 1 ? undefined : num(e)))} ...${fieldAttrs(form, `${p}/volume`)} data-testid="item-volume" />
    </${Field}>
    <div class="field check">
      <label><input type="checkbox" checked=${item.muted === true} onChange=${(e: Event) => set(withKey(item, 'muted', (e.currentTarget as HTMLInputElement).checked ? true : undefined))} ...${fieldAttrs(form, `${p}/muted`)} data-testid="item-muted" /> ${t('editor.muted')}</label>
      <${FieldErrors} form=${form} pointer=${`${p}/muted`} />
    </div>
  </div>`;
}

function Duration({ form, p, value, set }: { form: Form; p: string; value: number | undefined; set(v: number | undefined): void }) {
  return html`<${Field} form=${form} pointer=${`${p}/duration`} label=${t('editor.duration')}>
    <input type="number" min="0.5" max="3600" step="0.5" inputmode="decimal" value=${value ?? ''} onInput=${(e: Event) => set(num(e))} ...${fieldAttrs(form, `${p}/duration`)} data-testid="item-duration" />
  </${Field}>`;
}

function TextFields({ form, p, item, set }: { form: Form; p: string; item: TextSlideItem; set(item: TextSlideItem): void }) {
  const colour = (key: 'background' | 'color', label: string, fallback: string) => html`<${Field} form=${form} pointer=${`${p}/${key}`} label=${label}>
    <input type="color" value=${item[key] ?? fallback} onInput=${(e: Event) => set({ ...item, [key]: (e.currentTarget as HTMLInputElement).value })} ...${fieldAttrs(form, `${p}/${key}`)} data-testid=${`item-${key}`} />
  </${Field}>`;
  return html`<div class="text-fields">
    <${LocalizedInputs} form=${form} pointer=${`${p}/title`} label=${t('editor.slideTitle')} text=${item.title} onChange=${(title: TextSlideItem['title'] | undefined) => set({ ...item, title: title ?? { 'zh-CN': '' } })} testid="item-title" />
    <${LocalizedInputs} form=${form} pointer=${`${p}/body`} label=${t('editor.slideBody')} text=${item.body} optional=${true} multiline=${true} onChange=${(body: TextSlideItem['body']) => set(withKey(item, 'body', body))} testid="item-body" />
    <div class="row">
      <${Duration} form=${form} p=${p} value=${item.duration} set=${(d: number | undefined) => set({ ...item, duration: d as number })} />
      ${colour('background', t('editor.background'), HALL_BACKGROUND)}
      ${colour('color', t('editor.color'), '#ffffff')}
    </div>
  </div>`;
}

export function ItemList({ form, items, keys, onChange, onMove, onRemove }: ItemListProps) {
  const list = useRef<HTMLOListElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number; spans: Span[] } | null>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const [said, setSaid] = useState('');

  // A moved card is taken out and put back in the DOM, which drops focus: put it back on its handle.
  useEffect(() => {
    if (focusKey === null) return;
    list.current?.querySelector<HTMLElement>(`[data-key="${focusKey}"] .handle`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const move = (from: number, to: number): void => {
    if (to === from || to < 0 || to >= items.length) return;
    const key = keys[from]!;
    onMove(from, to);
    setFocusKey(key);
    setSaid(t('editor.moved', { n: to + 1 }));
  };

  const spans = (): Span[] => [...(list.current?.children ?? [])].map((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });

  const down = (index: number) => (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    setDrag({ from: index, to: index, spans: spans() });
  };
  const moveDrag = (e: PointerEvent): void => {
    if (!drag) return;
    // Near the window's edge the page scrolls, so a long list can be crossed on a phone.
    if (e.clientY < 60) window.scrollBy(0, -12);
    else if (e.clientY > window.innerHeight - 60) window.scrollBy(0, 12);
    const to = dropIndex(drag.spans, drag.from, e.clientY + window.scrollY);
    if (to !== drag.to) setDrag({ ...drag, to });
  };
  const up = (): void => {
    if (!drag) return;
    const { from, to } = drag;
    setDrag(null);
    move(from, to);
  };

  const keydown = (index: number) => (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'SELECT') return;
    const to = keyboardMoveTarget(items.length, index, e.key, e.altKey);
    if (to === null) return;
    e.preventDefault();
    move(index, to);
  };

  return html`<div>
    <p class="hint" id="items-help">${t('editor.itemsHelp')}</p>
    <p class="sr-only" aria-live="assertive">${said}</p>
    <ol class="items" ref=${list} data-testid="item-list">
      ${items.map((item, i) => {
        const p = `/items/${i}`;
        const set = (next: ProgrammeItem): void => onChange(i, next);
        const dragging = drag?.from === i;
        const target = drag && drag.to === i && drag.from !== i ? (drag.to > drag.from ? ' drop-after' : ' drop-before') : '';
        return html`<li key=${keys[i]} data-key=${keys[i]} class=${`card item kind-${item.type}${dragging ? ' dragging' : ''}${target}${form.placed.at.has(p) ? ' invalid' : ''}`}
            onKeyDown=${keydown(i)} data-testid=${`item-${i}`} data-src=${'src' in item ? item.src : ''}>
          <div class="item-head">
            <button type="button" class="handle" aria-label=${t('editor.drag', { n: i + 1 })} aria-describedby="items-help"
              onPointerDown=${down(i)} onPointerMove=${moveDrag} onPointerUp=${up} onPointerCancel=${() => setDrag(null)} data-testid=${`item-${i}-handle`}>⠿</button>
            <span class="item-no">${i + 1}</span>
            ${item.type === 'text' ? null : html`<${MediaThumb} path=${item.src} kind=${item.type} />`}
            <div class="item-title">
              <strong>${t(`editor.kind.${item.type}`)}</strong>
              ${'src' in item ? html`<span class="mono" ...${fieldAttrs(form, `${p}/src`)} tabindex="-1">${item.src}</span>` : null}
            </div>
            <div class="item-actions">
              <button type="button" class="secondary small" disabled=${i === 0} onClick=${() => move(i, i - 1)} aria-label=${`${t('common.moveUp')} (${t('editor.item', { n: i + 1 })})`} data-testid=${`item-${i}-up`}>↑</button>
              <button type="button" class="secondary small" disabled=${i === items.length - 1} onClick=${() => move(i, i + 1)} aria-label=${`${t('common.moveDown')} (${t('editor.item', { n: i + 1 })})`} data-testid=${`item-${i}-down`}>↓</button>
              <button type="button" class="danger-outline small" onClick=${() => onRemove(i)} aria-label=${`${t('common.remove')} (${t('editor.item', { n: i + 1 })})`} data-testid=${`item-${i}-remove`}>✕</button>
            </div>
          </div>
          <${FieldErrors} form=${form} pointer=${p} />
          <${FieldErrors} form=${form} pointer=${`${p}/src`} />
          ${item.type === 'video' ? html`<${VideoFields} form=${form} p=${p} item=${item} set=${set} />` : null}
          ${item.type === 'image' ? html`<div class="row"><${Duration} form=${form} p=${p} value=${item.duration} set=${(d: number | undefined) => set({ ...item, duration: d as number })} /></div>` : null}
          ${item.type === 'text' ? html`<${TextFields} form=${form} p=${p} item=${item} set=${set} />` : null}
        </li>`;
      })}
    </ol>
  </div>`;
}
