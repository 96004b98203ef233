/**
 * The floor-manager console's verbs: the playlist files and their history, the media library, and
 * the hall's status as the console shows it. Who may call them (sign-in, sessions, CSRF) is the
 * channel's business; what they do and why they refuse is decided here, once, for every channel.
 */
import type { Readable } from 'node:stream';
import type { Host } from '../host.js';
import type { AnnouncementsView } from '../../contract/announcements-view.js';
import { refused, type Refusal } from '../../contract/refusal.js';
import type { HostStatus } from '../../contract/status-view.js';
import type { WriteIo } from '../services/console/atomic-file.js';
import { createCredentials, type Credentials } from '../services/console/credentials.js';
import type { ScryptCost } from '../services/console/admin-password.js';
import { createHistory, entryOf, historyDiff, type HistoryEntry } from '../services/console/history.js';
import { createMediaLibrary, type MediaItem, type MediaRemoval } from '../services/console/media-library.js';
import { createProbe, findOnPath } from '../services/console/media-probe.js';
import { DEFAULT_MAX_UPLOAD_BYTES, megabytes, receiveMedia, uploadName } from '../services/console/media-upload.js';
import { mediaUsage } from '../services/console/media-usage.js';
import { oneAtATime } from '../services/console/one-at-a-time.js';
import { createPlaylistWriter, type ChangeOutcome, type FileRead } from '../services/console/playlist-writer.js';
import type { PlaylistFile } from '../services/console/playlist-files.js';
import { MAX_FILE_BYTES } from '../services/playlists/load.js';

export interface ConsoleOptions {
  playlistsDir: string;
  assetsDir: string;
  /** admin.json and history/ live here. */
  stateDir: string;
  now: () => number;
  /** HALLCAST_ADMIN_PASSWORD; null: the password of STATE/admin.json. */
  password: string | null;
  /** Largest media upload; default 512 MB. */
  maxUploadBytes?: number;
  /** Tests: a cheaper scrypt, a disk that fills up, ffprobe or not (default: found on PATH). */
  scryptCost?: ScryptCost;
  io?: WriteIo;
  ffprobe?: string | null;
}

export interface ConsoleCommands {
  /** The hall's status with the whole announcement queue (the console's status page). */
  status(): Omit<HostStatus, 'announcements'> & { announcements: AnnouncementsView };
  readonly files: {
    /** The largest playlist file the loader accepts. */
    readonly maxBytes: number;
    list(): (PlaylistFile & { version: string })[];
    read(name: string): { ok: true; file: FileRead } | Refusal<'not-found'>;
    save(name: string, content: unknown, baseVersion: string | null): Promise<ChangeOutcome>;
    remove(name: string, baseVersion: string): Promise<ChangeOutcome>;
  };
  readonly history: {
    list(): HistoryEntry[];
    get(id: string): { ok: true; entry: HistoryEntry & { diff: string } } | Refusal<'not-found'>;
    /** Puts the file back as it was before entry `id`; `baseVersion`, when given, is the version the manager sees now. */
    rollback(id: string, baseVersion: string | null | undefined): Promise<ChangeOutcome>;
  };
  readonly media: {
    readonly maxUploadBytes: number;
    list(): Promise<{ media: MediaItem[]; unused: string[] }>;
    remove(name: string): Promise<MediaRemoval>;
    /** `name` as the client sent it (only its last part is kept). */
    upload(upload: { body: Readable; name: string; declaredBytes: number | null }): Promise<UploadOutcome>;
  };
  /** The console's password: what sign-in checks. */
  readonly credentials: Credentials;
}

export type UploadOutcome =
  | { ok: true; item: MediaItem; duplicate: boolean }
  | Refusal<'invalid-request' | 'unsupported-media'>
  /** Refused while the body was coming in: the rest of it was not read (`bodyUnread`). */
  | (Refusal<'unsupported-media' | 'disk-full' | 'interrupted'> & { bodyUnread: true })
  | (Refusal<'too-large'> & { bodyUnread: true; limit: string });

export async function consoleCommands(host: Host, options: ConsoleOptions): Promise<ConsoleCommands> {
  const { now } = options;
  const io = options.io ? { io: options.io } : {};
  const credentials = await createCredentials({ stateDir: options.stateDir, envPassword: options.password, ...(options.scryptCost ? { cost: options.scryptCost } : {}) });
  const history = createHistory({ stateDir: options.stateDir, now, health: host.health, ...io });
  // Saves and media deletes take turns: a file a save names cannot be deleted under it.
  const inTurn = oneAtATime();
  const writer = createPlaylistWriter({ playlistsDir: options.playlistsDir, assetsDir: options.assetsDir, history, reload: () => host.reload(), now, inTurn, ...io });
  const ffprobe = options.ffprobe === undefined ? findOnPath('ffprobe') : options.ffprobe;
  const library = createMediaLibrary({ assetsDir: options.assetsDir, probe: createProbe(ffprobe), now, inTurn, ...io });
  const usage = () => mediaUsage(host.applied()?.config ?? null, options.playlistsDir);
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;

  return {
    status: () => ({ ...host.status(), announcements: host.pa.desk.view() }),
    files: {
      maxBytes: MAX_FILE_BYTES,
      list: () => writer.list(),
      read(name) {
        const file = writer.read(name);
        return file ? { ok: true, file } : refused('not-found', `no playlist file "${name}"`);
      },
      save: (name, content, baseVersion) => writer.save(name, content, baseVersion),
      remove: (name, baseVersion) => writer.remove(name, baseVersion),
    },
    history: {
      list: () => history.list(),
      get(id) {
        const record = history.get(id);
        return record ? { ok: true, entry: { ...entryOf(record), diff: historyDiff(record) } } : refused('not-found', `no history entry ${id}`);
      },
      rollback: (id, baseVersion) => writer.rollback(id, baseVersion),
    },
    media: {
      maxUploadBytes,
      list: () => library.list(usage()),
      remove: (name) => library.remove(name, usage()),
      async upload(upload) {
        const name = uploadName(upload.name);
        if (!name) return refused('invalid-request', "give the file's name: POST /admin/api/media?name=clip.mp4 with the file as the body");
        const received = await receiveMedia({ body: upload.body, name, declaredBytes: upload.declaredBytes, folder: library.folder, maxBytes: maxUploadBytes, ...io });
        if (!received.ok) {
          const { reason, error } = received;
          return reason === 'too-large' ? { ...refused(reason, error), bodyUnread: true, limit: megabytes(maxUploadBytes) } : { ...refused(reason, error), bodyUnread: true };
        }
        const added = await library.add({ temp: received.temp, sha256: received.sha256, bytes: received.bytes, extension: extensionOf(name), name }, usage());
        if (added.refused !== undefined) return refused('unsupported-media', added.refused);
        return { ok: true, item: added.item, duplicate: added.duplicate };
      },
    },
    credentials,
  };
}

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.')).toLowerCase();
}
