/**
 * The Content-Security-Policy headers. The display's is sent by both shells (renderer/display/index.html
 * repeats it in a meta tag); only `connect-src` differs: the Chromium kiosk talks to its host over
 * a WebSocket, the Electron display over IPC. It may be framed by the player's own pages only: the
 * console's status page shows the screen live in a frame (`/?preview`).
 */
export function contentSecurityPolicy(connect: "'self'" | "'self' ws: wss:"): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src ${connect}; object-src 'none'; base-uri 'none'; frame-ancestors 'self'`;
}

/** The floor-manager console (/admin/): its API, media previews and a frame of the display; never framed itself. */
export function consoleSecurityPolicy(): string {
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
