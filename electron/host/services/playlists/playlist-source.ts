/**
 * Where the loader reads the hall's playlist files from: the folder on disk, or the folder as a
 * change would leave it — an in-memory overlay of files written or deleted — so the console's
 * save is checked by the player's own loader without copying the folder anywhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The folders the loader reads: the top of the playlist folder and `programmes/`. */
export type PlaylistSubfolder = '' | 'programmes';

/** Files by their path in the folder (`schedule.json`, `programmes/morning.json`); null: deleted. */
export type Overlay = ReadonlyMap<string, Uint8Array | null>;

export interface PlaylistSource {
  /** The playlist folder on disk (its ../assets is the default media folder). */
  readonly dir: string;
  /** False when there is no playlist folder to read. */
  isFolder(): boolean;
  /** Names of the files in `sub`, sorted; none when it is not a folder. */
  files(sub: PlaylistSubfolder): string[];
  /** Size in bytes of a file named by its path in the folder. */
  size(file: string): number;
  /** The file's text (UTF-8). */
  text(file: string): string;
}

export function folderSource(dir: string): PlaylistSource {
  return {
    dir,
    isFolder: () => statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false,
    files(sub) {
      const folder = path.join(dir, sub);
      if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
      // Files and links to them, as an editor or a deployment leaves them; a folder is no playlist.
      return readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile() || entry.isSymbolicLink())
        .map((entry) => entry.name)
        .sort();
    },
    size: (file) => statSync(path.join(dir, file)).size,
    text: (file) => readFileSync(path.join(dir, file), 'utf8'),
  };
}

/** `base` with `overlay`'s files written over it or deleted from it. */
export function overlaidSource(base: PlaylistSource, overlay: Overlay): PlaylistSource {
  const subfolderOf = (file: string): PlaylistSubfolder | null => {
    const slash = file.lastIndexOf('/');
    const sub = slash < 0 ? '' : file.slice(0, slash);
    return sub === '' || sub === 'programmes' ? sub : null;
  };
  const own = (file: string): Uint8Array | null | undefined => overlay.get(file);
  return {
    dir: base.dir,
    isFolder: () => base.isFolder(),
    files(sub) {
      const names = new Set(base.files(sub));
      for (const [file, content] of overlay) {
        if (subfolderOf(file) !== sub) continue;
        const name = file.slice(file.lastIndexOf('/') + 1);
        if (content === null) names.delete(name);
        else names.add(name);
      }
      return [...names].sort();
    },
    size(file) {
      const content = own(file);
      return content ? content.byteLength : base.size(file);
    },
    text(file) {
      const content = own(file);
      return content ? Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8') : base.text(file);
    },
  };
}
