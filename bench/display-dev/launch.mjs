// DEV ONLY: launches Debian Chromium the way the kiosk does (flags from shared/LAB-NOTES.md).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const FLAGS = [
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--disable-features=Translate',
];

/** A fresh profile each time; `autoplay: false` drops the autoplay flag to exercise the fallback. */
export async function launch({ width = 1920, height = 1080, autoplay = true } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'hallcast-dev-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    args: autoplay ? FLAGS : FLAGS.filter((f) => !f.startsWith('--autoplay-policy')),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const log = [];
  page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  return { context, page, log };
}
