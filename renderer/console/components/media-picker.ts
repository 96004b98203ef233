/** Picks videos and pictures from the media library for a programme (a modal dialog, several picks allowed). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { MediaItem, MediaList } from '../api/types.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { formatBytes, formatSeconds } from '../logic/format-size.js';
import { MediaThumb } from './media-thumb.js';

export function MediaPicker({ open, onPick, onClose }: { open: boolean; onPick(item: MediaItem): void; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [media, setMedia] = useState<MediaItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      setAdded(null);
      void api<MediaList>('GET', 'media').then((answer) => {
        if (answer.ok) setMedia(answer.data.media.filter((m) => m.kind === 'video' || m.kind === 'image'));
        else setError(answer.error);
      });
    } else if (!open && d.open) d.close();
  }, [open]);

  const shown = (media ?? []).filter((m) => `${m.name} ${m.path}`.toLowerCase().includes(filter.toLowerCase()));
  return html`<dialog ref=${dialog} class="picker" aria-labelledby="picker-title" onClose=${onClose} data-testid="media-picker">
    <div class="picker-head">
      <h2 id="picker-title">${t('picker.title')}</h2>
      <button type="button" class="secondary" onClick=${onClose} data-testid="media-picker-close">${t('common.close')}</button>
    </div>
    <input type="search" placeholder=${t('picker.filter')} aria-label=${t('picker.filter')} value=${filter} onInput=${(e: Event) => setFilter((e.currentTarget as HTMLInputElement).value)} />
    <p class="hint" role="status">${added ? t('picker.added', { name: added }) : ''}</p>
    ${error ? html`<p class="notice error">${t('common.loadFailed', { error })}</p>` : null}
    ${media === null && !error ? html`<p class="hint">${t('common.loading')}</p>` : null}
    ${media?.length === 0 ? html`<p class="hint">${t('picker.empty')}</p>` : null}
    <ul class="picker-list">
      ${open
        ? shown.map(
            (m) => html`<li>
              <${MediaThumb} path=${m.path} kind=${m.kind} />
              <div class="picker-text">
                <strong>${m.name}</strong>
                <span class="mono hint">${m.path}</span>
                <span class="hint">${t(`editor.kind.${m.kind}`)} · ${formatBytes(m.bytes)}${m.durationSeconds ? ` · ${formatSeconds(m.durationSeconds)}` : ''}${m.width ? ` · ${m.width}×${m.height}` : ''}</span>
              </div>
              <button type="button" class="primary" onClick=${() => { onPick(m); setAdded(m.name); }} data-testid=${`media-pick-${m.path}`}>${t('picker.add')}</button>
            </li>`,
          )
        : null}
    </ul>
  </dialog>`;
}
