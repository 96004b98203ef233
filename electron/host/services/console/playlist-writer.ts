/**
 * The console's only way to change the playlist folder. A change names the version it was made
 * from (refused as `stale-version` when the file moved on since), is checked on the folder as it
 * would be (`invalid-playlists`, with every finding placed by JSON Pointer), is kept in the history,
 * is written atomically (`disk-full`, nothing changed), and is applied at once by reloading the
 * player. Changes are made one at a time, so of two managers saving the same version, the second
 * is refused as stale.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { refused, type Refusal } from '../../../contract/refusal.js';
import { formatDiagnostic, type Diagnostic } from '../../../contract/diagnostic.js';
import { DiskFullError, diskIo, moveIntoPlace, syncFolder, writeBeside, type WriteIo } from './atomic-file.js';
import { loadPlaylists } from '../playlists/load.js';
import { folderSource, overlaidSource } from '../playlists/playlist-source.js';
import type { History, HistoryEntry } from './history.js';
import { oneAtATime, type OneAtATime } from './one-at-a-time.js';
import { listPlaylistFiles, playlistFile, schemaReference, type PlaylistFile } from './playlist-files.js';

export interface ConsoleDiagnostic extends Diagnostic {
  pointer: string;
}

/** A change made (and whether the player applied it), or why not, with what the console shows. */
export type ChangeOutcome =
  | { ok: true; version: string | null; applied: boolean; warnings: ConsoleDiagnostic[]; history: string | null }
  | Refusal<'not-found' | 'disk-full'>
  | (Refusal<'stale-version'> & { version: string | null })
  | (Refusal<'invalid-playlists'> & { diagnostics: ConsoleDiagnostic[] });

export type FileRead =
  | { path: string; version: string; content: unknown }
  | { path: string; version: string; content: null; text: string; error: string };

export interface PlaylistWriter {
  list(): (PlaylistFile & { version: string })[];
  read(name: string): FileRead | null;
  save(name: string, content: unknown, baseVersion: string | null): Promise<ChangeOutcome>;
  remove(name: string, baseVersion: string | null): Promise<ChangeOutcome>;
  /** Puts the file back as it was before history entry `id`. */
  rollback(id: string, baseVersion: string | null | undefined): Promise<ChangeOutcome>;
}

export interface PlaylistWriterOptions {
  playlistsDir: string;
  assetsDir: string;
  history: History;
  /** Loads the folder into the player now; true when it was applied. */
  reload(): boolean;
  now: () => number;
  io?: WriteIo;
  /** Shared with the media library, so a media file cannot vanish between a save's check and its write. */
  inTurn?: OneAtATime;
}

export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** How the console writes JSON: two spaces, a newline at the end, `$schema` first when it was missing. */
export function playlistText(file: PlaylistFile, content: unknown): string {
  const value = content && typeof content === 'object' && !Array.isArray(content) && !('$schema' in content) ? { $schema: schemaReference(file.kind), ...content } : content;
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function createPlaylistWriter(options: PlaylistWriterOptions): PlaylistWriter {
  const { playlistsDir, history } = options;
  const io = options.io ?? diskIo;
  const inTurn = options.inTurn ?? oneAtATime();
  const fullPath = (file: PlaylistFile): string => path.join(playlistsDir, file.path);

  const bytesOf = (file: PlaylistFile): Buffer | null => {
    try {
      return readFileSync(fullPath(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  // A link in the folder must not carry a write elsewhere: the file's folder must really be inside.
  const insideFolder = (file: PlaylistFile): boolean => {
    const folder = path.dirname(fullPath(file));
    const info = statSync(folder, { throwIfNoEntry: false });
    if (!info) return true;
    const root = realpathSync(playlistsDir);
    const real = realpathSync(folder);
    return real === root || real.startsWith(`${root}${path.sep}`);
  };

  const change = (
    name: string,
    bytes: Buffer | null,
    baseVersion: string | null | undefined,
    action: HistoryEntry['action'],
    undoes?: string,
  ): Promise<ChangeOutcome> =>
    inTurn(async () => {
      const file = playlistFile(name);
      if (!file || !insideFolder(file)) return notFound(name);
      const current = bytesOf(file);
      const currentVersion = current ? versionOf(current) : null;
      if (baseVersion !== undefined && baseVersion !== currentVersion) {
        const what = currentVersion === null ? 'was deleted' : baseVersion === null ? 'exists already' : 'was changed';
        return {
          ...refused('stale-version', `${file.path} ${what} by someone else since you opened it: open it again and make your change on that version`),
          version: currentVersion,
        };
      }
      if (bytes === null && current === null) {
        // Rolling back the creation of a file someone deleted since: it is as it was already.
        return action === 'rollback' ? { ok: true, version: null, applied: options.reload(), warnings: [], history: null } : notFound(name);
      }
      // The player's own loader on the folder with the change laid over it in memory, with the real
      // media folder: a programme the schedule still names cannot be deleted, and a file that is
      // fine alone but breaks another is refused, exactly as the player would refuse them. File
      // names in the findings are relative to the folder, as the console names them.
      const trial = loadPlaylists(overlaidSource(folderSource(playlistsDir), new Map([[file.path, bytes]])), {
        assetsDir: options.assetsDir,
        displayDir: '',
        displayAssets: 'assets',
        now: options.now(),
      });
      const placed = trial.diagnostics.map(withPointer);
      if (!trial.config) {
        const errors = placed.filter((d) => d.severity === 'error');
        return {
          ...refused('invalid-playlists', `not saved: the folder would have ${errors.length} error${errors.length === 1 ? '' : 's'}${errors[0] ? `, first ${formatDiagnostic(errors[0])}` : ''}`),
          diagnostics: placed,
        };
      }
      const warnings = placed.filter((d) => d.severity === 'warning');
      if (bytes !== null && current !== null && bytes.equals(current)) return { ok: true, version: currentVersion, applied: options.reload(), warnings, history: null };

      const target = fullPath(file);
      let temp: string | null = null;
      let entry: { id: string } | null = null;
      try {
        if (bytes) {
          mkdirSync(path.dirname(target), { recursive: true });
          const mode = statSync(target, { throwIfNoEntry: false })?.mode;
          temp = await writeBeside(target, bytes, io, mode === undefined ? 0o644 : mode & 0o777);
        }
        entry = await history.record({
          path: file.path,
          action,
          before: currentVersion,
          after: bytes ? versionOf(bytes) : null,
          beforeText: current?.toString('utf8') ?? null,
          afterText: bytes?.toString('utf8') ?? null,
          ...(undoes ? { undoes } : {}),
        });
        if (temp) await moveIntoPlace(temp, target);
        else {
          await unlink(target);
          await syncFolder(path.dirname(target));
        }
      } catch (error) {
        if (temp) await unlink(temp).catch(() => undefined);
        if (entry) await history.forget(entry.id);
        if (error instanceof DiskFullError) {
          return refused('disk-full', `the disk is full: nothing was saved, ${file.path} is as it was (free some space on the player, then save again)`);
        }
        throw error;
      }
      return { ok: true, version: bytes ? versionOf(bytes) : null, applied: options.reload(), warnings, history: entry.id };
    });

  return {
    list: () =>
      listPlaylistFiles(playlistsDir).flatMap((file) => {
        const bytes = bytesOf(file);
        return bytes ? [{ ...file, version: versionOf(bytes) }] : [];
      }),
    read(name) {
      const file = playlistFile(name);
      const bytes = file && insideFolder(file) ? bytesOf(file) : null;
      if (!file || !bytes) return null;
      const version = versionOf(bytes);
      const text = bytes.toString('utf8');
      try {
        return { path: file.path, version, content: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
      } catch (error) {
        // A hand edit broke it: the console can still show the text and save a fixed one over it.
        return { path: file.path, version, content: null, text, error: `not valid JSON (${(error as Error).message}): fix it here or in an editor` };
      }
    },
    save(name, content, baseVersion) {
      const file = playlistFile(name);
      if (!file) return Promise.resolve(notFound(name));
      return change(name, Buffer.from(playlistText(file, content)), baseVersion, 'save');
    },
    remove(name, baseVersion) {
      return change(name, null, baseVersion, 'delete');
    },
    async rollback(id, baseVersion) {
      const record = history.get(id);
      if (!record) return refused('not-found', `no history entry ${id}`);
      return change(record.path, record.beforeText === null ? null : Buffer.from(record.beforeText), baseVersion, 'rollback', record.id);
    },
  };
}

function notFound(name: string): ChangeOutcome {
  return refused(
    'not-found',
    `no playlist file "${name}": the console edits schedule.json, layouts.json, ticker.json, calendars.json, queue.json, announcements.json and programmes/ID.json`,
  );
}

function withPointer(d: Diagnostic): ConsoleDiagnostic {
  return { ...d, pointer: d.pointer ?? '' };
}
