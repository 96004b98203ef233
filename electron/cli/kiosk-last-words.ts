/**
 * What a dead kiosk browser last said, fit to quote in one log line. Chromium's lines start with
 * `[pid:tid:MMDD/HHMMSS.micros:` — noise to a reader — and a browser that dies takes its zygotes
 * with it, which then report "write: Broken pipe" on their way out: the consequence, never the
 * cause, and often the very last lines. D-Bus complaints (no session or system bus, as on a kiosk
 * PC or in CI) come from other threads in any order, and pushed the real cause ("Missing X server or
 * $DISPLAY") out of the last three lines in CI. All three are left out.
 */
const PREFIX = /^\[\d+:\d+:\d+\/[\d.]+:/;
const AFTERMATH = /zygote_linux\.cc:\d+\] write: Broken pipe|\bdbus\/[\w.]+:\d+\]/;
const MAX_CHARS = 300;

export function lastWords(lines: readonly string[], max = 3): string {
  const telling = lines
    .map((l) => l.trim().replace(PREFIX, ''))
    .filter((l) => l && !AFTERMATH.test(l))
    .slice(-max)
    .map((l) => (l.length > MAX_CHARS ? `${l.slice(0, MAX_CHARS)}…` : l));
  return telling.map((l) => `"${l}"`).join(' ');
}
