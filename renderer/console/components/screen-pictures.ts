/**
 * Real pixels of every screen: a thumbnail per display, taken by the shell that owns it (the
 * kiosk's Chromium, the Electron window) and refreshed every few seconds while the page is in view,
 * with the time it was taken. A display nobody can picture says why instead: one that left, or a
 * browser that opened the page itself (only a kiosk or the Electron shell can be pictured).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { API_ROOT, reportUnauthorized } from '../api/client.js';
import { readAnswer } from '../api/answer.js';
import type { DisplayInfo, ScreensView } from '../api/types.js';
import { TAKEN_AT_HEADER } from '../../../electron/contract/screen-view.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { clockTime } from '../logic/format-time.js';

const REFRESH_MS = 5_000;
const THUMB_WIDTH = 320;

type Picture = { url: string; takenAt: number | null } | { error: string };

function Thumbnail({ id, timeZone }: { id: string; timeZone: string | null }) {
  const [picture, setPicture] = useState<Picture | null>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let alive = true;
    const take = async (): Promise<void> => {
      if (typeof document !== 'undefined' && document.hidden) return;
      let next: Picture;
      try {
        const response = await fetch(`${API_ROOT}displays/${encodeURIComponent(id)}/screenshot?width=${THUMB_WIDTH}`, { credentials: 'same-origin', cache: 'no-store' });
        if (response.ok) {
          const taken = Number(response.headers.get(TAKEN_AT_HEADER));
          next = { url: URL.createObjectURL(await response.blob()), takenAt: Number.isFinite(taken) && taken > 0 ? taken : null };
        } else {
          const answer = readAnswer(response.status, response.headers.get('Retry-After'), await response.text());
          if (answer.ok) return;
          if (answer.status === 401) reportUnauthorized(answer.error);
          // Asked too often (several consoles open): keep the last picture rather than flash a refusal.
          if (answer.status === 429 || answer.body.reason === 'busy') return;
          next = { error: answer.error };
        }
      } catch (error) {
        next = { error: error instanceof Error ? error.message : String(error) };
      }
      if (!alive) {
        if ('url' in next) URL.revokeObjectURL(next.url);
        return;
      }
      if (shown.current) URL.revokeObjectURL(shown.current);
      shown.current = 'url' in next ? next.url : null;
      setPicture(next);
    };
    void take();
    const timer = setInterval(() => void take(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
      if (shown.current) URL.revokeObjectURL(shown.current);
      shown.current = null;
    };
  }, [id]);
  if (!picture) return html`<p class="hint">${t('common.loading')}</p>`;
  if ('error' in picture) return html`<p class="hint bad" data-testid="screen-no-picture">${t('status.screens.none', { why: picture.error })}</p>`;
  return html`<img src=${picture.url} alt=${t('status.screens.alt', { id })} data-testid="screen-thumb" />
    <p class="hint">${picture.takenAt ? t('status.screens.takenAt', { time: clockTime(picture.takenAt, timeZone) }) : null}</p>`;
}

export function ScreenPictures({ screens, displays, timeZone }: { screens: ScreensView | null; displays: DisplayInfo[]; timeZone: string | null }) {
  const captured = new Set((screens?.displays ?? []).map((d) => d.id));
  // Connected displays no shell of this player owns: a browser that opened the page itself. A shell
  // registers its capture under the id it opened the page with, which an unassigned display only asked for.
  const unowned = displays.filter((d) => !captured.has(d.id) && !(d.requested !== null && captured.has(d.requested)));
  if (screens && screens.displays.length === 0 && unowned.length === 0) return html`<p class="hint">${t('status.noDisplays')}</p>`;
  return html`<ul class="screen-thumbs" data-testid="status-screens">
    ${(screens?.displays ?? []).map(
      (d) => html`<li data-display=${d.id}>
        <strong class="mono">${d.id}</strong>
        ${d.leftAt === null
          ? html`<${Thumbnail} id=${d.id} timeZone=${timeZone} />`
          : html`<p class="hint bad" data-testid="screen-no-picture">${t('status.screens.none', { why: t('status.screens.left', { time: clockTime(d.leftAt, timeZone) }) })}</p>`}
      </li>`,
    )}
    ${unowned.map(
      (d) => html`<li data-display=${d.id}>
        <strong class="mono">${d.id}</strong>
        <p class="hint" data-testid="screen-no-picture">${t('status.screens.none', { why: t('status.screens.unowned') })}</p>
      </li>`,
    )}
  </ul>`;
}
