/**
 * How tall each zone kind draws its text, from the zone's size on the screen. The display draws
 * with these sizes and the validator checks the same sizes against each display's viewing distance
 * (domain/hall-config/legibility.ts), so what the wall shows and what the check computes cannot
 * drift apart. Sizes are font sizes in CSS pixels (the em), from the zone's width and height in
 * CSS pixels.
 */
import type { ScreenSize, ZoneKind } from './hall-config.js';

/**
 * Height of the Latin capitals per em in the display's font, Noto Sans CJK SC (its OS/2
 * sCapHeight: 733 of 1000 units, read from NotoSansCJK-Regular.ttc). Hanzi are drawn taller
 * (about 0.88 em), so text whose capitals are legible has legible hanzi too.
 */
export const CAP_HEIGHT_PER_EM = 0.733;

/** The screen the glyph-height check assumes for a display that gives none: a 55-inch 1080p panel. */
export const DEFAULT_SCREEN: { diagonalInches: number; landscape: ScreenSize; portrait: ScreenSize } = {
  diagonalInches: 55,
  landscape: { diagonalInches: 55, width: 1920, height: 1080 },
  portrait: { diagonalInches: 55, width: 1080, height: 1920 },
};

/** The queue board: one unit from which every size and gap of the board follows. */
export function queueBoardText(w: number, h: number) {
  const u = Math.min(h / 17, w / 11);
  return {
    unit: u,
    /** The ticket being called. */
    ticket: u * 2,
    /** "5 号窗口" beside it. */
    callCounter: u * 0.9,
    /** Section captions ("正在呼叫 Now calling") and the English line under the call. */
    caption: u * 0.5,
    /** Tickets each counter serves. */
    serving: u * 0.95,
    /** A service's name and its wait (board rows). */
    row: u * 0.7,
    /** The same in a narrow zone, where the wait goes under the name. */
    rowNarrow: u * 0.6,
    /** English under a row, the counter under a served ticket. */
    english: u * 0.5,
    /** A recent call's ticket, and when it was called. */
    recentTicket: u * 0.55,
    recentWhen: u * 0.5,
    /** "No calls yet". */
    none: u * 0.7,
  };
}

/** The clock: a wide strip puts the date beside the time, a box puts it under. */
export function clockTextSizes(w: number, h: number): { wide: boolean; time: number; date: number; english: number } {
  const wide = w > h * 2.2;
  return wide ? { wide, time: h * 0.62, date: h * 0.24, english: h * 0.2 } : { wide, time: h * 0.45, date: h * 0.18, english: h * 0.13 };
}

/** The ticker: a notice's Chinese and, smaller, its English. */
export function tickerTextSizes(h: number): { zh: number; en: number } {
  return { zh: h * 0.46, en: h * 0.3 };
}

/**
 * The counter screen: its name on one line ("5号窗口  Counter 5", ~9 em wide), the ticket big
 * under it, or "暂停服务" while the counter is closed.
 */
export function counterText(w: number, h: number): { pad: number; label: number; ticket: number; closed: number } {
  return {
    pad: Math.min(w, h) * 0.05,
    label: Math.min(h * 0.21, w / 10.5),
    ticket: Math.min(h * 0.5, w / 3.4),
    closed: Math.min(h * 0.3, w / 5.6),
  };
}

/** One kind of text a zone draws, and its font size in CSS pixels. */
export interface ZoneTextLine {
  /** In the hall's words, for the validator's message: "the board's rows". */
  what: string;
  fontPx: number;
}

/**
 * The texts a zone of this kind draws in a w × h rectangle (CSS pixels), smallest last. The
 * programme plays the hall's own media and slides, and the announcement banner fits its words to
 * its zone, so neither has sizes of its own to check: [].
 */
export function zoneTextLines(kind: ZoneKind, w: number, h: number): ZoneTextLine[] {
  switch (kind) {
    case 'queue': {
      const s = queueBoardText(w, h);
      // The same rule as the board's layout: a zone narrower than 12.5 units stacks each row.
      const narrow = w < s.unit * 12.5;
      return [
        { what: 'the called ticket', fontPx: s.ticket },
        { what: 'the rows (services and waits)', fontPx: narrow ? s.rowNarrow : s.row },
        { what: 'the captions', fontPx: s.caption },
        { what: 'the recent calls', fontPx: s.recentWhen },
        { what: 'the English lines', fontPx: s.english },
      ];
    }
    case 'clock': {
      const s = clockTextSizes(w, h);
      return [
        { what: 'the time', fontPx: s.time },
        { what: 'the date', fontPx: s.date },
        { what: 'the English date', fontPx: s.english },
      ];
    }
    case 'ticker': {
      const s = tickerTextSizes(h);
      return [
        { what: 'the notices', fontPx: s.zh },
        { what: 'the English notices', fontPx: s.en },
      ];
    }
    case 'counter': {
      const s = counterText(w, h);
      return [
        { what: 'the ticket', fontPx: s.ticket },
        { what: '"暂停服务"', fontPx: s.closed },
        { what: 'the name', fontPx: s.label },
      ];
    }
    case 'programme':
    case 'announcement':
      return [];
  }
}
