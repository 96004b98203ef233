/**
 * A display page's audio output as the e2e specs hear it: the test hook on Howler's master gain
 * (renderer/display/README.md "Test hooks"), and the loudest each announcement was there, sampled
 * every 20 ms in the page itself so the numbers do not depend on the test's own timing.
 */
import type { Page } from '@playwright/test';
import type { AnnouncementReport } from '../electron/contract/messages.js';

export interface AudioOut {
  state: string;
  masterRms: number;
  speaking: string | null;
  reports: AnnouncementReport[];
}

export const audioOut = (page: Page): Promise<AudioOut> => page.evaluate(() => (globalThis as unknown as { __hallcast: { audio(): AudioOut } }).__hallcast.audio());

/** From now on, the page keeps the loudest level of each announcement it sounded. */
export async function traceLoudest(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { __loudest: Record<string, number>; __hallcast: { audio(): AudioOut } };
    g.__loudest = {};
    setInterval(() => {
      const a = g.__hallcast.audio();
      if (a.speaking) g.__loudest[a.speaking] = Math.max(g.__loudest[a.speaking] ?? 0, a.masterRms);
    }, 20);
  });
}

/** The loudest announcement `id` was at the page's output since traceLoudest (0: never heard there). */
export async function loudest(page: Page, id: string): Promise<number> {
  return (await page.evaluate(() => (globalThis as unknown as { __loudest: Record<string, number> }).__loudest))[id] ?? 0;
}
