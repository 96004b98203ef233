/**
 * A display's name in displays.json, in its page's URL (`/?display=ID`), in `hallcast kiosk
 * --display ID` and in `/api/displays/ID/…`. It travels in URLs and log lines and names files, so
 * it is kept to what needs no escaping anywhere: lower-case letters, digits and '-', 1–40 long,
 * starting with a letter or digit ("entrance", "counter-5").
 */
export const DISPLAY_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,39}$';
const DISPLAY_ID = new RegExp(DISPLAY_ID_PATTERN);

export function isDisplayId(value: unknown): value is string {
  return typeof value === 'string' && DISPLAY_ID.test(value);
}

/** The one line for a display id that is not one, naming where it came from and the fix. */
export function displayIdProblem(value: string, where: string): string {
  const shown = value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)` : JSON.stringify(value);
  return `${where}: ${shown} is not a display id — use 1–40 of a–z, 0–9 and '-', starting with a letter or digit (e.g. "counter-5")`;
}
