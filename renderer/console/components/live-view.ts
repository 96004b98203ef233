/**
 * The screen, live: the player's own page in preview mode (`/?preview`: muted, never speaks, no
 * proof of play) at 1920×1080, scaled down to the box's width so the layout looks as in the hall.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';

const WIDTH = 1920;
const HEIGHT = 1080;

export function LiveView() {
  const [on, setOn] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || !on) return;
    const fit = (): void => {
      // CSSOM, not a style attribute: the page's CSP allows no inline styles.
      if (frame.current) frame.current.style.transform = `scale(${element.clientWidth / WIDTH})`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [on]);
  return html`<div class="live">
    <div class="live-box" ref=${box}>
      ${on
        ? html`<iframe ref=${frame} src="/?preview" title=${t('status.liveFrame')} width=${WIDTH} height=${HEIGHT}
            sandbox="allow-scripts allow-same-origin" allow="autoplay" tabindex="-1" data-testid="status-preview"></iframe>`
        : null}
    </div>
    <button type="button" class="secondary small" aria-pressed=${on ? 'true' : 'false'} onClick=${() => setOn(!on)} data-testid="status-preview-toggle">
      ${on ? t('status.liveHide') : t('status.liveShow')}
    </button>
  </div>`;
}
