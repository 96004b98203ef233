/**
 * Which languages an announcement of announcements.json is read in. One rule for the checks and
 * the player: the item's own "languages", else the file's, else Chinese then English.
 */
import type { AnnouncementsFile, Lang } from '../../../contract/hall-config.js';

export const DEFAULT_ANNOUNCEMENT_LANGUAGES: readonly Lang[] = ['zh-CN', 'en'];

/** A fresh array each time, so a caller may change it. */
export function announcementLanguages(file: Pick<AnnouncementsFile, 'languages'> | null, own?: readonly Lang[]): Lang[] {
  return [...(own ?? file?.languages ?? DEFAULT_ANNOUNCEMENT_LANGUAGES)];
}
