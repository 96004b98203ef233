/**
 * A small player for the programme being edited: its items in order, in the page, muted unless
 * the user turns the sound on. Videos honour in/out; pictures and text slides their duration. It
 * plays the draft, so a change shows before it is saved.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProgrammeItem } from '../api/playlist-types.js';
import { html } from '../html.js';
import { pickText, t } from '../i18n/translate.js';
import { mediaUrl } from '../logic/programme-fields.js';
import { HALL_BACKGROUND } from '../../../electron/contract/hall-defaults.js';

const FALLBACK_SECONDS = 5;

function itemName(item: ProgrammeItem): string {
  return item.type === 'text' ? pickText(item.title) : item.src;
}

export function ProgrammePreview({ items, volume }: { items: ProgrammeItem[]; volume: number }) {
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [muted, setMuted] = useState(true);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const count = items.length;
  const at = count === 0 ? 0 : Math.min(index, count - 1);
  const item = items[at];
  const next = (): void => {
    setFailed(false);
    setIndex((i) => (count === 0 ? 0 : (Math.min(i, count - 1) + 1) % count));
  };
  const prev = (): void => {
    setFailed(false);
    setIndex((i) => (count === 0 ? 0 : (Math.min(i, count - 1) - 1 + count) % count));
  };

  // Pictures and text slides: their duration, then on; a failed file: a moment, then on.
  useEffect(() => {
    if (!item || !playing) return;
    if (item.type === 'video' && !failed) return;
    const seconds = failed ? 1.5 : item.type === 'video' ? FALLBACK_SECONDS : item.duration > 0 ? item.duration : FALLBACK_SECONDS;
    const timer = setTimeout(next, seconds * 1000);
    return () => clearTimeout(timer);
  }, [item, at, playing, failed]);

  useEffect(() => {
    const v = video.current;
    if (!v || item?.type !== 'video') return;
    v.muted = muted || item.muted === true;
    v.volume = Math.max(0, Math.min(1, volume * (item.volume ?? 1)));
    if (playing) void v.play().catch(() => undefined);
    else v.pause();
  }, [item, playing, muted, volume]);

  if (!item) return html`<div class="preview empty" data-testid="preview-player"><p class="hint">${t('editor.previewEmpty')}</p></div>`;

  const onMeta = (e: Event): void => {
    const v = e.currentTarget as HTMLVideoElement;
    if (item.type === 'video' && item.in) v.currentTime = item.in;
  };
  const onTime = (e: Event): void => {
    const v = e.currentTarget as HTMLVideoElement;
    if (item.type === 'video' && item.out !== undefined && v.currentTime >= item.out) next();
  };

  let stage;
  if (item.type === 'video') {
    stage = html`<video key=${`v${at}${item.src}`} ref=${video} src=${mediaUrl(item.src)} muted=${muted} playsinline autoplay=${playing}
      onLoadedMetadata=${onMeta} onTimeUpdate=${onTime} onEnded=${next} onError=${() => setFailed(true)}></video>`;
  } else if (item.type === 'image') {
    stage = html`<img key=${`i${at}`} src=${mediaUrl(item.src)} alt=${item.src} onError=${() => setFailed(true)} />`;
  } else {
    stage = html`<${TextSlide} key=${`t${at}`} item=${item} />`;
  }
  return html`<div class="preview" data-testid="preview-player" data-index=${at}>
    <div class="preview-stage">${stage}${failed ? html`<p class="preview-error" role="status">${t('editor.previewFailed')}</p>` : null}</div>
    <div class="preview-bar">
      <button type="button" class="secondary small" onClick=${prev} data-testid="preview-prev">‹ ${t('editor.prev')}</button>
      <button type="button" class="secondary small" onClick=${() => setPlaying(!playing)} aria-pressed=${playing ? 'false' : 'true'} data-testid="preview-play">${playing ? t('editor.pause') : t('editor.play')}</button>
      <button type="button" class="secondary small" onClick=${next} data-testid="preview-next">${t('editor.next')} ›</button>
      <button type="button" class="secondary small" onClick=${() => setMuted(!muted)} aria-pressed=${muted ? 'false' : 'true'} data-testid="preview-mute">${muted ? t('editor.unmute') : t('editor.mute')}</button>
      <span class="hint" aria-live="polite" data-testid="preview-at">${t('editor.previewAt', { n: at + 1, total: count })} · <span class="mono">${itemName(item)}</span></span>
    </div>
  </div>`;
}

/** A text slide roughly as the screen draws it; colours through CSSOM (no inline style attribute under the CSP). */
function TextSlide({ item }: { item: Extract<ProgrammeItem, { type: 'text' }> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.background = item.background ?? HALL_BACKGROUND;
    el.style.color = item.color ?? '#ffffff';
  }, [item.background, item.color]);
  return html`<div class="text-slide" ref=${box}>
    <p class="slide-title" lang="zh-CN">${item.title['zh-CN']}</p>
    ${item.title.en ? html`<p class="slide-sub" lang="en">${item.title.en}</p>` : null}
    ${item.body ? html`<p class="slide-body" lang="zh-CN">${item.body['zh-CN']}</p>${item.body.en ? html`<p class="slide-body" lang="en">${item.body.en}</p>` : null}` : null}
  </div>`;
}
