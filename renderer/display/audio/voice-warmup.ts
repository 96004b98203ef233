/**
 * Decodes the hall's voice packs once the display has settled, so the first calls of the day do
 * not wait for their clips. Measured on the dev page: a call whose clips were not decoded yet took
 * 110–350 ms from message to chime, one with decoded clips ~55 ms (renderer/display/audio/README.md). The
 * URLs are the ones the host builds for the same packs (electron/host/services/pa-desk/voice-packs.ts),
 * so a warmed clip is a cache hit; a pack that is missing is skipped, and a play never depends on
 * this having run.
 */

/** The packs the host can read from (electron/host/domain/speech-plans/voice-lang.ts). */
const VOICE_LANGS = ['zh-CN', 'en'] as const;
/** Between two clips: the decoder shares two cores with the programme's video. */
const PAUSE_MS = 20;

interface Manifest {
  clips: Record<string, { file: string }>;
}

/** The clip URLs of one pack's manifest, as the host sends them. */
export function voicePackUrls(lang: string, manifest: unknown): string[] {
  const clips = (manifest as Partial<Manifest> | null)?.clips;
  if (!clips || typeof clips !== 'object') return [];
  return Object.values(clips)
    .filter((c) => c && typeof c.file === 'string')
    .map((c) => `/media/voice/${lang}/${encodeURIComponent(c.file)}`);
}

/** Fetches each pack's manifest and decodes its clips one by one; resolves with the number warmed. */
export async function warmVoicePacks(preload: (url: string) => Promise<void>): Promise<number> {
  let warmed = 0;
  for (const lang of VOICE_LANGS) {
    let urls: string[];
    try {
      const res = await fetch(`/media/voice/${lang}/manifest.json`);
      if (!res.ok) continue;
      urls = voicePackUrls(lang, await res.json());
    } catch {
      continue;
    }
    for (const url of urls) {
      try {
        await preload(url);
        warmed++;
      } catch {
        // A broken clip fails its play with the reason, where the host hears of it.
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
  return warmed;
}
