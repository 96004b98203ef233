/**
 * The week grid: Monday to Sunday across, hours down, one coloured block per programme run, from
 * the saved schedule's timeline. A block of an entry opens that entry's form.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Timeline } from '../api/types.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { addDays } from '../logic/civil-date.js';
import { colourSlot, MINUTES_PER_DAY, minutesClock, weekGrid, type WeekBlock } from '../logic/week-grid.js';
import { WEEKDAYS } from '../components/inputs.js';

const HOURS = [0, 3, 6, 9, 12, 15, 18, 21];

/** Placed through CSSOM: the page's CSP allows no style attributes. */
function Block({ block, programmes, onPick }: { block: WeekBlock; programmes: string[]; onPick(entry: string): void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.top = `${(block.start / MINUTES_PER_DAY) * 100}%`;
    el.style.height = `${((block.end - block.start) / MINUTES_PER_DAY) * 100}%`;
  }, [block.start, block.end]);
  const label = t('week.block', { from: minutesClock(block.start), to: minutesClock(block.end), title: block.title });
  const cause = block.entry ? t('week.byEntry', { entry: block.entry }) : t('week.byDefault');
  const classes = `block c${colourSlot(block.programme, programmes)}${block.end - block.start < 45 ? ' thin' : ''}`;
  const body = html`<span class="block-time">${minutesClock(block.start)}</span> <span class="block-title">${block.title.split(' / ')[0]}</span>`;
  return block.entry
    ? html`<button type="button" ref=${ref} class=${classes} title=${`${label} · ${cause}`} aria-label=${`${label} · ${cause}`}
        onClick=${() => onPick(block.entry!)} data-testid="week-block" data-entry=${block.entry} data-programme=${block.programme ?? ''}>${body}</button>`
    : html`<div ref=${ref} class=${classes} title=${`${label} · ${cause}`} role="note" aria-label=${`${label} · ${cause}`}
        data-testid="week-block" data-entry="" data-programme=${block.programme ?? ''}>${body}</div>`;
}

export function WeekView({ timeline, monday, today, programmes, onPick }: { timeline: Timeline; monday: string; today: string; programmes: string[]; onPick(entry: string): void }) {
  const columns = weekGrid(timeline.rows, monday, 7);
  return html`<div class="week-scroll">
    <div class="week" data-testid="week-grid" data-from=${monday}>
      <div class="week-hours" aria-hidden="true">
        <span class="week-corner"></span>
        <div class="week-hours-body">${HOURS.map((h) => html`<span class=${`hour h${h}`}>${String(h).padStart(2, '0')}:00</span>`)}</div>
      </div>
      ${columns.map(
        (column, i) => html`<section class=${`week-day${column.date === today ? ' today' : ''}`} aria-label=${`${t(`days.${WEEKDAYS[i]!}`)} ${column.date}`} data-date=${column.date}>
          <h3 class="week-day-head">${t(`days.${WEEKDAYS[i]!}`)} <span>${column.date.slice(5)}</span></h3>
          <div class="week-day-body">${column.blocks.map((block) => html`<${Block} block=${block} programmes=${programmes} onPick=${onPick} />`)}</div>
        </section>`,
      )}
    </div>
  </div>`;
}

export function weekLabel(monday: string): string {
  return t('week.of', { from: monday, to: addDays(monday, 6) });
}
