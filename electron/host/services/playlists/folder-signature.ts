import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Names, sizes and change times of the JSON files in a folder tree: changes when any file does.
 * The status change time (ctime) is in it besides the modification time: a copy that keeps the
 * modification time (`cp -p`, `rsync -a`) of a file of the same size still counts as a change.
 */
export function folderSignature(dir: string): string {
  const parts: string[] = [];
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) {
        const stat = statSync(full, { throwIfNoEntry: false });
        if (stat) parts.push(`${path.relative(dir, full)}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`);
      }
    }
  };
  walk(dir);
  return parts.join('|');
}
