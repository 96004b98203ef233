/**
 * The address a shell opens for its display: the player's page with `?display=ID`, so the display
 * says which screen of the hall it is (display-id.ts). Whatever query the address had is kept; a
 * `display` already in it is replaced.
 */

/** The display of a shell that was given none: `hallcast kiosk` alone is `/api/displays/kiosk/screenshot`. */
export const DEFAULT_SHELL_DISPLAY = 'kiosk';

export function displayPageUrl(url: string, displayId: string): string {
  const page = new URL(url);
  page.searchParams.set('display', displayId);
  return page.href;
}
