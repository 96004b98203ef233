/**
 * How the hall's Chromium runs, wherever it runs: the kiosk and the end-to-end tests use the same
 * flags, so the tests see what a hall screen sees (LAB-NOTES: measured on Debian Chromium).
 */
export const CHROMIUM_HALL_FLAGS = [
  // A screen has no one to click "play".
  '--autoplay-policy=no-user-gesture-required',
  // The hall's network is closed; these would only fail, repeatedly.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // zh-CN pages would get a Translate bubble.
  '--disable-features=Translate',
];
