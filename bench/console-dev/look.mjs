// DEV ONLY: signs in to a running console (fake-server.mjs or a real player) and screenshots every
// page at a desktop and a phone size, printing the page's errors (a CSP violation shows up here).
//   node bench/console-dev/look.mjs [url] [outdir]
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8322/admin/';
const out = process.argv[3] ?? '/tmp/console-shots';
const password = process.env.CONSOLE_PASSWORD ?? 'hall';
mkdirSync(out, { recursive: true });

const pages = ['status', 'programmes', 'programmes/morning', 'media', 'schedule', 'announcements', 'history'];
const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of sizes) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', hasTouch: size.name === 'phone' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`[${size.name}] console: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${size.name}] page error: ${e.message}`));
  await page.goto(base);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('status-page').waitFor();
  for (const route of pages) {
    await page.goto(`${base}#/${route}`);
    await page.waitForTimeout(1500);
    const file = `${out}/${route.replace('/', '-')}-${size.name}.png`;
    await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
    console.log(file);
  }
  await context.close();
}
await browser.close();
