// DEV ONLY: a session that expires in the middle of an edit (fake-server.mjs --session-seconds 8):
// a 401 sends the user to sign in, back to the editor, with the edit restored; then a
// disk-full save (507); the no-password page (503) on a second fake started with --no-password;
// too many attempts (429, counting down) on a third, fresh fake.
//   node bench/console-dev/walk-session.mjs http://127.0.0.1:8323/admin/ [http://127.0.0.1:8324/admin/ [http://127.0.0.1:8325/admin/]]
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const [base, noPasswordBase, freshBase] = process.argv.slice(2);
const out = '/tmp/console-walk';
const password = process.env.CONSOLE_PASSWORD ?? 'hall';
const step = (text) => console.log(`• ${text}`);
const expectText = async (locator, pattern, what, ms = 15_000) => {
  await locator.waitFor({ timeout: ms });
  let text = '';
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) {
    text = await locator.innerText();
    if (pattern.test(text)) return step(`${what}: ${text.replace(/\s+/g, ' ').slice(0, 140)}`);
  }
  throw new Error(`${what}: "${text}" does not match ${pattern}`);
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

await page.goto(`${base}#/programmes/welcome`);
await page.getByTestId('signin-password').fill(password);
await page.getByTestId('signin-submit').click();
await page.getByTestId('programme-editor').waitFor();
step('signed in and came back to the editor');
await page.getByTestId('editor-title-en').fill('Welcome, edited before the session ran out');
// The background file check (every 10 s) meets the 401 first, or the save does: either way, sign in.
await sleep(9000);
await page.getByTestId('save-button').click({ timeout: 2000 }).catch(() => undefined);
await expectText(page.getByTestId('signin-error'), /登录已过期/, '401 → sign in', 20_000);
await page.screenshot({ path: `${out}/signin-expired.png` });
await page.getByTestId('signin-password').fill(password);
await page.getByTestId('signin-submit').click();
await page.getByTestId('programme-editor').waitFor();
const title = await page.getByTestId('editor-title-en').inputValue();
if (!title.startsWith('Welcome, edited')) throw new Error(`the edit was lost: "${title}"`);
await expectText(page.getByTestId('draft-restored'), /恢复/, 'edit restored after signing in');

await page.getByTestId('editor-title-en').fill('__diskfull__');
await page.getByTestId('save-button').click();
await expectText(page.getByTestId('save-error'), /磁盘已满/, '507');
await page.screenshot({ path: `${out}/save-507.png` });

if (noPasswordBase) {
  await page.goto(noPasswordBase);
  await expectText(page.getByTestId('signin-no-password'), /hallcast admin-password/, '503');
  await page.screenshot({ path: `${out}/signin-503.png` });
}
if (freshBase) {
  await page.goto(freshBase);
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('signin-password').fill(`wrong-${i}`);
    await page.getByTestId('signin-submit').click();
    await expectText(page.getByTestId('signin-error'), /密码错误/, `wrong password ${i + 1}`);
  }
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await expectText(page.getByTestId('signin-error'), /尝试次数过多，请在 \d+ 秒后重试/, '429 countdown');
  if (!(await page.getByTestId('signin-submit').isDisabled())) throw new Error('sign-in stays enabled while waiting');
  await page.screenshot({ path: `${out}/signin-429.png` });
}
await browser.close();
step('done');
