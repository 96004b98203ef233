// DEV ONLY: walks the console through the end-to-end story against fake-server.mjs (sign in, upload,
// create a programme, schedule it for the next minute by cron, watch the status page switch, roll
// back) and the failure messages, with screenshots. A rehearsal for the e2e test, not a test itself.
//   node bench/console-dev/walk.mjs [url] [playlist-folder-of-the-fake] [outdir]
/* global window, document -- inside page.evaluate / waitForFunction, which run in the page */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8322/admin/';
const folder = process.argv[3];
const out = process.argv[4] ?? '/tmp/console-walk';
mkdirSync(out, { recursive: true });
const password = process.env.CONSOLE_PASSWORD ?? 'hall';
const step = (text) => console.log(`• ${text}`);
const expectText = async (locator, pattern, what, ms = 15_000) => {
  await locator.waitFor();
  let text = '';
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) {
    text = await locator.innerText();
    if (pattern.test(text)) return step(`${what}: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
  throw new Error(`${what}: "${text}" does not match ${pattern}`);
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && !m.text().includes('/ws') && console.log(`console: ${m.text()}`));
const shot = (name) => page.screenshot({ path: `${out}/${name}.png` });

await page.goto(base);
await page.getByTestId('signin-password').fill('nope');
await page.getByTestId('signin-submit').click();
await expectText(page.getByTestId('signin-error'), /密码错误/, 'wrong password');
await page.getByTestId('signin-password').fill(password);
await page.getByTestId('signin-submit').click();
await page.getByTestId('status-page').waitFor();
const before = await page.getByTestId('status-programme').getAttribute('data-programme');
step(`status shows programme ${before}`);

// Upload: one good picture, one file that is not what its name says.
await page.getByTestId('nav-media').click();
writeFileSync(join(out, 'bad.mp4'), 'MZ this is not a video');
await page.getByTestId('media-upload-input').setInputFiles(['assets/images/slide-weekend.jpg', join(out, 'bad.mp4')]);
await expectText(page.getByTestId('upload-done').first(), /library\//, 'upload');
await expectText(page.getByTestId('upload-error').first(), /无法播放|415|not/, 'bad upload');
const uploaded = (await page.getByTestId('upload-done').first().innerText()).match(/library\/\S+/)[0];
await page.getByTestId(`media-item-${uploaded}`).waitFor();
await shot('media');

// A programme made from it, first with a bad duration (422 at its field), then a good one.
await page.getByTestId('nav-programmes').click();
await page.getByTestId('programme-new-id').fill('Spring');
await page.getByTestId('programme-new-create').click();
await expectText(page.getByTestId('programme-new-error'), /小写/, 'id rule');
await page.getByTestId('programme-new-id').fill('spring-promo');
await page.getByTestId('programme-new-title-zh').fill('春季优惠');
await page.getByTestId('programme-new-title-en').fill('Spring offers');
await page.getByTestId('programme-new-create').click();
await page.getByTestId('programme-editor').waitFor();
await page.getByTestId('editor-add-media').click();
await page.getByTestId(`media-pick-${uploaded}`).click();
await page.getByTestId('media-pick-video/hall-welcome.mp4').click();
await page.getByTestId('media-picker-close').click();
await page.getByTestId('editor-add-text').click();
await page.getByTestId('item-2').getByTestId('item-title-zh').fill('春季套餐限时优惠');
await page.getByTestId('item-0').getByTestId('item-duration').fill('0');
// Keyboard reorder: the text slide up one place with Alt+↑.
await page.getByTestId('item-2-handle').focus();
await page.keyboard.press('Alt+ArrowUp');
await expectText(page.getByTestId('item-1'), /文字页/, 'Alt+↑ moved the text slide');
await page.getByTestId('save-button').click();
await expectText(page.getByTestId('save-summary'), /问题|problem/, '422 summary');
await expectText(page.getByTestId('field-error-/items/0/duration'), /.+/, '422 at its field');
await shot('programme-422');
await page.getByTestId('item-0').getByTestId('item-duration').fill('6');
await page.getByTestId('save-button').click();
await expectText(page.getByTestId('save-status'), /已保存/, 'saved');
await page.waitForTimeout(1500);
await shot('programme');

// Drag the video to the top by its handle (a tall window: the mouse only reaches what is on screen).
await page.setViewportSize({ width: 1280, height: 1800 });
await page.evaluate(() => window.scrollTo(0, 0));
const handle = page.getByTestId('item-2-handle');
const target = await page.getByTestId('item-0').boundingBox();
const box = await handle.boundingBox();
await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
await page.mouse.down();
await page.mouse.move(box.x + 10, target.y + 5, { steps: 8 });
await page.mouse.up();
await expectText(page.getByTestId('item-0'), /视频/, 'drag moved the video to the top');
await page.setViewportSize({ width: 1280, height: 800 });

// Schedule it for the next minute with a cron entry.
await page.getByTestId('nav-schedule').click();
await page.getByTestId('entry-new').click();
const form = page.getByTestId('entry-form');
await form.getByTestId('entry-id').fill('spring-now');
await form.getByTestId('entry-programme').selectOption('spring-promo');
await form.getByTestId('entry-priority').fill('900');
await form.getByTestId('entry-mode-cron').check();
const next = new Date(Date.now() + 60_000);
const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
const [h, m] = hhmm.split(':').map(Number);
await form.getByTestId('entry-cron').fill(`${m} ${h} * * *`);
await expectText(form.getByTestId('entry-cron-reading'), /\d{2}:\d{2}/, 'cron reading');
await form.getByTestId('entry-end-duration').check();
await form.getByTestId('entry-duration-hours').fill('2');
await page.getByTestId('file-schedule.json').getByTestId('save-button').click();
await expectText(page.getByTestId('file-schedule.json').getByTestId('save-status'), /已保存/, 'schedule saved');
await shot('schedule');

// The status page switches when the minute comes.
await page.getByTestId('nav-status').click();
await page.waitForFunction(() => document.querySelector('[data-testid="status-programme"]')?.getAttribute('data-programme') === 'spring-promo', null, { timeout: 90_000 });
step('status switched to spring-promo');
await page.waitForTimeout(1500);
await shot('status');

// A conflict: the file changes on disk while the editor is open.
if (folder) {
  await page.goto(`${base}#/programmes/spring-promo`);
  await page.getByTestId('programme-editor').waitFor();
  appendFileSync(join(folder, 'programmes/spring-promo.json'), '\n');
  await page.getByTestId('editor-title-en').fill('Spring offers!');
  await page.getByTestId('save-button').click();
  await expectText(page.getByTestId('save-conflict'), /其他人/, '409 conflict');
  const kept = await page.getByTestId('editor-title-en').inputValue();
  if (kept !== 'Spring offers!') throw new Error('the edit was lost on a conflict');
  await expectText(page.getByTestId('disk-changed'), /磁盘/, 'changed on disk (background check)');
  await shot('conflict');
}

// History: roll back the schedule change.
await page.getByTestId('nav-history').click();
const row = page.locator('[data-testid^="history-row-"][data-path="schedule.json"]').first();
await row.click();
await page.getByTestId('history-diff').waitFor();
await shot('history');
await page.getByTestId('history-rollback').click();
await page.getByTestId('confirm-ok').click();
await expectText(page.getByTestId('history-result'), /已恢复/, 'rollback');

// Deleting a programme the schedule uses / media a programme uses: the server's refusal is shown.
await page.getByTestId('nav-programmes').click();
await page.getByTestId('programme-delete-morning').click();
await page.getByTestId('confirm-ok').click();
await expectText(page.getByTestId('programme-message'), /无法删除/, 'delete refused');
await page.getByTestId('nav-media').click();
await page.getByTestId(`media-delete-${uploaded}`).click();
await page.getByTestId('confirm-ok').click();
await expectText(page.getByTestId('media-message'), /仍被节目使用/, 'media in use');

// Announce now and a test call.
await page.getByTestId('nav-announcements').click();
await page.getByTestId('say-zh').fill('请注意，本厅即将进行消防演练。');
await page.getByTestId('say-en').fill('Attention: a fire drill will start soon.');
await page.getByTestId('say-submit').click();
await expectText(page.getByTestId('say-result'), /已加入/, 'announce');
await page.getByTestId('call-ticket').fill('A-0/23');
await page.getByTestId('call-submit').click();
await expectText(page.getByTestId('call-result'), /拒绝/, 'bad ticket refused');
await page.getByTestId('lang-switch').click();
await expectText(page.getByTestId('nav-status'), /Status/, 'English');
await page.waitForTimeout(2500);
await shot('announcements-en');
await page.getByTestId('lang-switch').click();
await browser.close();
step('done');
