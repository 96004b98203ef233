/**
 * What an announcement says, as the display plays it: the clips in reading order and the lines
 * shown in the banner. Pure: the clips come from voice packs and the speech cache, looked up by
 * the caller, so a call's composition is testable without files.
 */
import type { Lang } from '../../../contract/hall-config.js';
import { planCall } from '../../domain/speech-plans/call-plan.js';
import type { Clip, Spoken } from '../../../contract/announcements-view.js';

/** A voice pack as the composer needs it: segment id → clip. */
export type VoicePackClips = ReadonlyMap<string, Clip>;
export type VoicePacks = ReadonlyMap<Lang, VoicePackClips>;

export const CHIME_SEGMENT = 'chime';

/** The words of a call as the banner shows them; the clips say the same. */
export function callLine(ticket: string, counter: number, lang: Lang): string {
  const t = ticket.toUpperCase();
  return lang === 'zh-CN' ? `请 ${t} 号到 ${counter} 号窗口` : `Ticket ${t}, please go to counter ${counter}`;
}

function clipOf(packs: VoicePacks, lang: Lang, segment: string): Clip {
  const clip = packs.get(lang)?.get(segment);
  if (!clip) throw new RangeError(`the ${lang} voice pack has no clip "${segment}": run hallcast validate to see what the pack is missing`);
  return clip;
}

/**
 * A call read in each language in turn, one chime at the very start (each language's template
 * begins with it; hearing it twice would sound like two calls). Throws on a bad ticket or counter.
 */
export function composeCall(ticket: string, counter: number, languages: readonly Lang[], chime: boolean, packs: VoicePacks): Spoken {
  if (languages.length === 0) throw new RangeError('a call needs at least one language');
  const clips: Clip[] = [];
  for (const lang of languages) {
    for (const segment of planCall(ticket, counter, lang)) {
      if (segment === CHIME_SEGMENT) continue;
      clips.push(clipOf(packs, lang, segment));
    }
  }
  return withChime(clips, languages, chime, packs, languages.map((lang) => ({ lang, text: callLine(ticket, counter, lang) })));
}

/** Free text already rendered to speech, one rendering per language, in reading order. */
export function composeText(
  renderings: readonly { lang: Lang; text: string; clip: Clip }[],
  chime: boolean,
  packs: VoicePacks,
): Spoken {
  if (renderings.length === 0) throw new RangeError('an announcement needs at least one language');
  return withChime(
    renderings.map((r) => r.clip),
    renderings.map((r) => r.lang),
    chime,
    packs,
    renderings.map((r) => ({ lang: r.lang, text: r.text })),
  );
}

function withChime(clips: Clip[], languages: readonly Lang[], chime: boolean, packs: VoicePacks, lines: Spoken['lines']): Spoken {
  if (!chime) return { clips, leadIn: 0, lines };
  return { clips: [clipOf(packs, languages[0]!, CHIME_SEGMENT), ...clips], leadIn: 1, lines };
}

/** One reading's length, for the queue's hung-player watchdog. */
export function spokenDurationMs(spoken: Spoken): number {
  return spoken.clips.reduce((ms, c) => ms + c.durationMs, 0);
}
