/**
 * `hallcast doctor`: every check, one line each, a fix under each failure; exit 0 when nothing
 * failed. The checks run one after another (the browser and speech checks start processes and
 * threads; on a hall PC's two cores in parallel they would only slow each other).
 */
import type { Output } from '../output.js';
import { checkAudio, checkBrowser, checkCjkFont, checkClock, checkDisplay, checkNode, checkPlaylists, checkPort, checkQueueFeed, checkSpeech, checkState, type Context, type DoctorOptions } from './checks.js';
import { exitCodeOf, reportLines, type Finding } from './finding.js';
import { machineProbe, type DoctorProbe } from './probe.js';

export interface DoctorDeps {
  probe?: DoctorProbe;
  now?: () => number;
  /** The speech check (a thread with espeak-ng); tests give their own. */
  speech?: () => Promise<Finding>;
}

export async function runDoctor(options: DoctorOptions, out: Output, deps: DoctorDeps = {}): Promise<number> {
  const probe = deps.probe ?? machineProbe;
  const now = deps.now ?? Date.now;
  const playlists = checkPlaylists(options, now());
  const context: Context = { options, probe, config: playlists.config };
  const findings: Finding[] = [];
  const add = (finding: Finding): void => {
    findings.push(finding);
  };
  add(checkNode(context));
  add(await checkBrowser(context));
  add(await checkCjkFont(context));
  add(checkAudio(context));
  add(await checkDisplay(context));
  add(checkState(context));
  add(playlists.finding);
  add(await checkClock(context, now()));
  add(await checkPort(context));
  add(await (deps.speech ?? checkSpeech)());
  add(await checkQueueFeed(context));
  for (const line of reportLines(findings)) out.stdout(line);
  return exitCodeOf(findings);
}
