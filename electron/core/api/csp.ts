/**
 * The display's Content-Security-Policy, sent as a header by both shells (renderer/index.html
 * repeats it in a meta tag). Only `connect-src` differs: the Chromium kiosk talks to its host over
 * a WebSocket, the Electron display over IPC.
 */
export function contentSecurityPolicy(connect: "'self'" | "'self' ws: wss:"): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src ${connect}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
}
