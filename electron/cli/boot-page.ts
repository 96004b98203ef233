/**
 * The page the kiosk browser opens first: the hall's colour, and a script that moves on to the
 * player as soon as its local API answers. The browser starts while the player is still loading
 * (the two used to run one after the other), and a player restarting behind a running browser
 * never leaves Chromium's "connection refused" page on the hall's screen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSystemError } from '../host/domain/health/disk-store.js';
import { HALL_BACKGROUND } from '../contract/hall-defaults.js';

const RETRY_MS = 50;

export function bootPageHtml(playerUrl: string, background = HALL_BACKGROUND): string {
  const target = scriptString(new URL(playerUrl).href);
  const health = scriptString(new URL('api/health', playerUrl).href);
  // A no-cors request resolves (with an opaque answer) once anything listens, and fails while the
  // port is closed: enough to know the player is up, with no CORS rule needed on the player.
  return `<!doctype html>
<html lang="zh-CN" translate="no"><head><meta charset="utf-8"><meta name="google" content="notranslate"><title>hallcast</title></head>
<body style="margin:0;background:${background};cursor:none">
<script>
(function poll() {
  fetch(${health}, { mode: 'no-cors', cache: 'no-store' }).then(function () { location.replace(${target}); }, function () { setTimeout(poll, ${RETRY_MS}); });
})();
</script>
</body></html>
`;
}

/** A JS string literal that cannot end the <script> element it sits in. */
function scriptString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

/**
 * Writes the boot page into the state folder and returns its file: URL. On a state disk that is
 * full or failing the kiosk still starts: the same page goes to the browser as a data: URL.
 */
export function writeBootPage(stateDir: string, playerUrl: string): string {
  const html = bootPageHtml(playerUrl);
  const file = path.join(stateDir, 'kiosk-boot.html');
  try {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, html);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
  }
  return pathToFileURL(file).href;
}
