/**
 * `hallcast emergency "…" [--level L]`, `--template ID`, `--clear`: the emergency takeover through a
 * running player's POST / DELETE /api/emergency, the same doors the hall's PA system and the
 * console use, so the checks and refusals are the player's own. It says it is the CLI
 * (X-Hallcast-Client), so the log tells it from a PA system.
 */
import { request, type ApiTarget } from './queue-client.js';
import type { Output } from './output.js';

export interface EmergencyArgs {
  text: string | undefined;
  level: string | undefined;
  template: string | undefined;
  clear: boolean;
}

const CLI = { 'x-hallcast-client': 'cli' };

/** Exit 2 for a wrong combination of arguments, 1 when the player refused, 0 when done. */
export async function runEmergency(target: ApiTarget, args: EmergencyArgs, out: Output): Promise<number> {
  const given = [args.text !== undefined, args.template !== undefined, args.clear].filter(Boolean).length;
  if (given !== 1) {
    out.stderr('hallcast emergency: give the words ("…"), --template ID, or --clear: exactly one (hallcast emergency --help)');
    return 2;
  }
  if (args.clear) {
    if (args.level !== undefined) {
      out.stderr('hallcast emergency: --clear takes no --level (hallcast emergency --help)');
      return 2;
    }
    const { status, body } = await request(target, 'api/emergency', { method: 'DELETE', headers: CLI });
    const a = body as { id?: string; lastedMs?: number; acknowledged?: string[]; error?: string };
    if (status !== 200) return refused(out, 'clear', status, a.error);
    out.stdout(`cleared emergency ${a.id} after ${Math.round((a.lastedMs ?? 0) / 1000)} s; shown on ${a.acknowledged?.length ?? 0} display(s)`);
    return 0;
  }
  const payload = { ...(args.level !== undefined ? { level: args.level } : {}), ...(args.template !== undefined ? { template: args.template } : { text: args.text }) };
  const { status, body } = await request(target, 'api/emergency', { method: 'POST', body: JSON.stringify(payload), headers: CLI });
  const a = body as { id?: string; replaced?: string | null; emergency?: { level: string }; reach?: { canSpeak: boolean; reason: string | null }; error?: string };
  if (status !== 201 || !a.id) return refused(out, 'raise', status, a.error);
  out.stdout(`emergency ${a.id} (${a.emergency?.level}) on every display${a.replaced ? `, replacing ${a.replaced}` : ''}; clear it with: hallcast emergency --clear`);
  // On screen, but not heard: said plainly, so another way to reach the hall is used now.
  if (a.reach && !a.reach.canSpeak) out.stderr(`hallcast: the hall cannot hear it yet (${a.reach.reason ?? 'no speaker'}): it is read out as soon as a display with working audio connects`);
  return 0;
}

function refused(out: Output, what: string, status: number, error: string | undefined): number {
  out.stderr(`hallcast: emergency ${what} refused (${status}): ${error ?? 'no reason given'}`);
  return 1;
}
