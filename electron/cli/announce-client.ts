/**
 * `hallcast announce "…"`: a live message through a running player's PA, by the same
 * POST /api/announce the hall's PA system uses, so the player's checks and answers are the same.
 */
import { request, type ApiTarget } from './queue-client.js';
import type { Output } from './output.js';

const LANGS: Record<string, string> = { zh: 'zh-CN', 'zh-CN': 'zh-CN', en: 'en' };

export interface AnnounceArgs {
  text: string;
  lang: string;
  priority: string;
  repeat: string;
}

export async function runAnnounce(target: ApiTarget, args: AnnounceArgs, out: Output): Promise<number> {
  const lang = LANGS[args.lang];
  if (!lang) {
    out.stderr(`hallcast: --lang ${args.lang}: use zh or en (the text is read in that language)`);
    return 2;
  }
  const repeat = /^\d+$/.test(args.repeat) ? Number(args.repeat) : args.repeat;
  const body = { text: args.text, languages: [lang], priority: args.priority, repeat };
  const { status, body: answer } = await request(target, 'api/announce', { method: 'POST', body: JSON.stringify(body) });
  const a = answer as { id?: string; state?: string; error?: string };
  if (status !== 202 || !a.id) {
    out.stderr(`hallcast: announcement refused (${status}): ${a.error ?? 'no reason given'}`);
    // 503: no display can speak it. Said plainly, because a PA message that was not heard must
    // not look like one that merely waits (exit 1 either way).
    if (status === 503) out.stderr('hallcast: nothing was queued and the hall heard nothing: connect a display whose audio works, or use another way to reach the hall');
    return 1;
  }
  out.stdout(`${a.state === 'merged' ? 'merged into' : 'queued'} announcement ${a.id}`);
  return 0;
}
