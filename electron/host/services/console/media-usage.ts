/**
 * Which media files the hall uses, and where: programme items (by programme id), care-rule slides
 * (`care-rule:ID`) and the idle branding slide (`idle-slide`). Both the configuration in force and
 * the files in the folder count — the player may still play a configuration a broken hand edit
 * could not replace, and a saved file will be in force at the next load — so a file in either is
 * never deleted from under the screen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IDLE_IMAGE } from '../../../contract/hall-defaults.js';
import { PROGRAMME_ID } from '../playlists/load.js';
import type { HallConfig } from '../../../contract/hall-config.js';

export type MediaUsage = Map<string, string[]>;

interface Programmeish {
  items?: unknown;
}
interface Announcementsish {
  careRules?: { id?: unknown; slide?: { image?: unknown } }[];
}

export function mediaUsage(config: HallConfig | null, playlistsDir: string): MediaUsage {
  const usage: MediaUsage = new Map();
  const use = (src: unknown, by: string): void => {
    if (typeof src !== 'string') return;
    const key = path.posix.normalize(src);
    const users = usage.get(key) ?? [];
    if (!users.includes(by)) users.push(by);
    usage.set(key, users);
  };
  const programmes = (id: string, programme: Programmeish): void => {
    for (const item of Array.isArray(programme.items) ? (programme.items as { src?: unknown }[]) : []) use(item?.src, id);
  };
  const announcements = (file: Announcementsish): void => {
    for (const rule of Array.isArray(file.careRules) ? file.careRules : []) use(rule?.slide?.image, `care-rule:${String(rule?.id)}`);
  };

  use(IDLE_IMAGE, 'idle-slide');
  if (config) {
    for (const [id, programme] of Object.entries(config.programmes)) programmes(id, programme);
    if (config.announcements) announcements(config.announcements);
  }
  const dir = path.join(playlistsDir, 'programmes');
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const id = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || !PROGRAMME_ID.test(id)) continue;
    const value = readJson(path.join(dir, name));
    if (value && typeof value === 'object') programmes(id, value as Programmeish);
  }
  const file = readJson(path.join(playlistsDir, 'announcements.json'));
  if (file && typeof file === 'object') announcements(file as Announcementsish);
  for (const users of usage.values()) users.sort();
  return usage;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
