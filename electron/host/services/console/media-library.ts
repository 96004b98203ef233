/**
 * The hall's media as the console sees it: every media file under the assets folder (the voice
 * packs excepted), with its size, sha256, play time and picture size, and who uses it. Uploads go
 * to assets/library/<first 16 hex of sha256>.<ext> — the same file uploaded twice is one file —
 * with the name it was uploaded under kept in assets/library/index.json. Hashes and probes are
 * remembered by path, size and change time, so a listing reads each file once.
 */
import { refused, type Refusal } from '../../../contract/refusal.js';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { resolveMedia } from '../playlists/media-path.js';
import { diskIo, syncFolder, writeFileAtomic, type WriteIo } from './atomic-file.js';
import type { MediaFacts, Probe } from './media-probe.js';
import { mediaTypeOfName, type MediaKind } from '../../../contract/media-types.js';
import { unplayableVideo } from './video-codec.js';
import type { MediaUsage } from './media-usage.js';
import { oneAtATime, type OneAtATime } from './one-at-a-time.js';

export const LIBRARY_FOLDER = 'library';
const INDEX_FILE = 'index.json';
/** Voice packs are the PA's, managed by their own scripts, not the console. */
const NOT_MEDIA_FOLDERS = new Set(['voice']);

export interface MediaItem extends MediaFacts {
  /** Relative to the assets folder, as playlists name it. */
  path: string;
  kind: MediaKind;
  bytes: number;
  sha256: string;
  /** The name it was uploaded under, or its file name. */
  name: string;
  usedBy: string[];
}

interface IndexEntry extends MediaFacts {
  name: string;
  sha256: string;
  bytes: number;
  uploadedAt: number;
}

type LibraryIndex = Record<string, IndexEntry>;

export type MediaRemoval = { ok: true; deleted: string } | Refusal<'not-found'> | (Refusal<'in-use'> & { usedBy: string[] });

/** Kept (or found already there), or refused with the reason and the fix (a video the screens cannot decode). */
export type MediaAdded = { item: MediaItem; duplicate: boolean; refused?: undefined } | { refused: string };

export interface MediaLibrary {
  list(usage: MediaUsage): Promise<{ media: MediaItem[]; unused: string[] }>;
  /** Takes a received upload's temporary file into the library. */
  add(upload: { temp: string; sha256: string; bytes: number; extension: string; name: string }, usage: MediaUsage): Promise<MediaAdded>;
  remove(relative: string, usage: MediaUsage): Promise<MediaRemoval>;
  /** Where uploads are written first. */
  readonly folder: string;
}

export interface MediaLibraryOptions {
  assetsDir: string;
  probe: Probe;
  now: () => number;
  io?: WriteIo;
  /** Shared with the playlist writer: a delete waits for a save in progress, which may name the file. */
  inTurn?: OneAtATime;
}

export function createMediaLibrary(options: MediaLibraryOptions): MediaLibrary {
  const { assetsDir } = options;
  const folder = path.join(assetsDir, LIBRARY_FOLDER);
  const indexFile = path.join(folder, INDEX_FILE);
  const known = new Map<string, { stamp: string; sha256: string; facts: MediaFacts }>();
  const inTurn = options.inTurn ?? oneAtATime();

  const readIndex = (): LibraryIndex => {
    try {
      const value = JSON.parse(readFileSync(indexFile, 'utf8')) as { files?: LibraryIndex };
      return value.files && typeof value.files === 'object' ? value.files : {};
    } catch {
      return {};
    }
  };
  const writeIndex = (files: LibraryIndex): Promise<void> =>
    writeFileAtomic(indexFile, Buffer.from(`${JSON.stringify({ files }, null, 2)}\n`), options.io ?? diskIo);

  const describe = async (relative: string, usage: MediaUsage, index: LibraryIndex): Promise<MediaItem | null> => {
    const type = mediaTypeOfName(relative);
    const file = path.join(assetsDir, relative);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!type || !info?.isFile()) return null;
    const stamp = `${info.size}:${info.mtimeMs}`;
    let facts = known.get(relative);
    if (facts?.stamp !== stamp) {
      const listed = index[relative];
      const sha256 = listed?.bytes === info.size ? listed.sha256 : await hashFile(file);
      facts = { stamp, sha256, facts: listed?.bytes === info.size ? factsOf(listed) : await options.probe(file, type.kind) };
      known.set(relative, facts);
    }
    return {
      path: relative,
      kind: type.kind,
      bytes: info.size,
      sha256: facts.sha256,
      name: index[relative]?.name ?? path.posix.basename(relative),
      ...facts.facts,
      usedBy: usage.get(relative) ?? [],
    };
  };

  return {
    folder,
    async list(usage) {
      const index = readIndex();
      const media: MediaItem[] = [];
      for (const relative of mediaFiles(assetsDir)) {
        const item = await describe(relative, usage, index);
        if (item) media.push(item);
      }
      return { media, unused: media.filter((m) => m.usedBy.length === 0).map((m) => m.path) };
    },
    add(upload, usage) {
      return inTurn(async () => {
        const relative = `${LIBRARY_FOLDER}/${upload.sha256.slice(0, 16)}${upload.extension}`;
        const target = path.join(assetsDir, relative);
        const type = mediaTypeOfName(relative)!;
        // Probed under its own extension (the fallback reads the container by it), still hidden.
        const probing = `${upload.temp}${upload.extension}`;
        await rename(upload.temp, probing);
        const facts = await options.probe(probing, type.kind);
        const refused = type.kind === 'video' ? unplayableVideo(upload.name, facts.videoCodec) : null;
        if (refused) {
          await unlink(probing);
          return { refused };
        }
        const duplicate = statSync(target, { throwIfNoEntry: false })?.size === upload.bytes;
        if (duplicate) await unlink(probing);
        else {
          await rename(probing, target);
          await syncFolder(folder);
        }
        const index = readIndex();
        if (!index[relative] || !duplicate) {
          index[relative] = { name: upload.name, sha256: upload.sha256, bytes: upload.bytes, uploadedAt: options.now(), ...facts };
          await writeIndex(index);
        }
        return { item: (await describe(relative, usage, index))!, duplicate };
      });
    },
    remove(relative, usage) {
      return inTurn(async () => {
        const normal = path.posix.normalize(relative);
        const checked = resolveMedia(assetsDir, normal);
        const hidden = normal.split('/').some((part) => part.startsWith('.'));
        if (!checked.ok || hidden || NOT_MEDIA_FOLDERS.has(normal.split('/')[0]!) || !mediaTypeOfName(normal)) {
          return refused('not-found', `no media file "${relative}" in the assets folder`);
        }
        const usedBy = usage.get(normal) ?? [];
        if (usedBy.length > 0) {
          return { ...refused('in-use', `"${normal}" is used by ${usedBy.map(describeUser).join(', ')}: take it out of them first`), usedBy };
        }
        // The link itself, if it is one: never the file it points to.
        await unlink(path.join(assetsDir, normal));
        await syncFolder(path.dirname(path.join(assetsDir, normal)));
        known.delete(normal);
        const index = readIndex();
        if (index[normal]) await writeIndex(Object.fromEntries(Object.entries(index).filter(([key]) => key !== normal)));
        return { ok: true, deleted: normal };
      });
    },
  };
}

function describeUser(user: string): string {
  if (user === 'idle-slide') return 'the idle slide';
  if (user.startsWith('care-rule:')) return `care rule ${user.slice('care-rule:'.length)} (announcements.json)`;
  return `programme ${user}`;
}

function factsOf(entry: IndexEntry): MediaFacts {
  return { durationSeconds: entry.durationSeconds ?? null, width: entry.width ?? null, height: entry.height ?? null, videoCodec: entry.videoCodec ?? null };
}

/** Media files under `assetsDir`, relative, sorted; hidden files, voice packs and links leading out are skipped. */
export function mediaFiles(assetsDir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(assetsDir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(relative === '' && NOT_MEDIA_FOLDERS.has(entry.name))) walk(child);
      } else if (mediaTypeOfName(entry.name) && resolveMedia(assetsDir, child).ok) found.push(child);
    }
  };
  if (existsSync(assetsDir)) walk('');
  return found.sort();
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
