/**
 * The active emergency kept on the state disk (`<state>/emergency.json`), so that a player
 * restarted in the middle of one — by systemd after a crash, by the picture watchdog, by an update
 * — takes the hall over again at once instead of going back to the programme while the building is
 * being evacuated. Written whole (a temporary file, fsync, rename) when one is raised or replaced,
 * removed when it is cleared. A file that cannot be read back (truncated, edited by hand) restores
 * nothing and says so in one line; a disk that refuses the write is a `disk` condition in
 * /api/status → health (`emergency`), and the emergency goes on in memory.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EMERGENCY_LEVELS, type EmergencyActor, type EmergencyLevel } from '../../../contract/emergency.js';
import type { Lang } from '../../../contract/hall-config.js';
import { diskStore } from '../../domain/health/disk-store.js';
import type { Health } from '../../domain/health/health.js';
import type { Log } from '../../ports.js';

export const KEPT_EMERGENCY_FILE = 'emergency.json';

/** What is kept of an active emergency: enough to take the hall over again, not its acknowledgements or plays (the new displays give those anew). */
export interface KeptEmergency {
  id: string;
  level: EmergencyLevel;
  lines: { lang: Lang; text: string }[];
  template: string | null;
  raisedAt: number;
  raisedBy: EmergencyActor;
}

export interface KeptEmergencyIo {
  read(file: string): string | null;
  /** Writes `text` whole: a temporary file beside it, fsync, rename. */
  writeWhole(file: string, text: string): void;
  remove(file: string): void;
}

const diskIo: KeptEmergencyIo = {
  read(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  writeWhole(file, text) {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, text);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  },
  remove: (file) => rmSync(file, { force: true }),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kept emergency in `text`, or why it is not one. Pure. */
export function parseKeptEmergency(text: string): KeptEmergency | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not JSON (cut off?)' };
  }
  if (!isObject(value)) return { problem: 'not an object' };
  const { id, level, lines, template, raisedAt, raisedBy } = value;
  if (typeof id !== 'string' || id === '') return { problem: '"id" missing' };
  if (!EMERGENCY_LEVELS.includes(level as EmergencyLevel)) return { problem: `"level" is not one of ${EMERGENCY_LEVELS.join(', ')}` };
  if (!Array.isArray(lines) || lines.length === 0 || !lines.every((l) => isObject(l) && (l.lang === 'zh-CN' || l.lang === 'en') && typeof l.text === 'string' && l.text !== '')) {
    return { problem: '"lines" must be a list of { "lang", "text" }' };
  }
  if (template !== null && typeof template !== 'string') return { problem: '"template" must be a name or null' };
  if (typeof raisedAt !== 'number' || !Number.isFinite(raisedAt)) return { problem: '"raisedAt" must be a time' };
  if (!isObject(raisedBy) || !['http', 'cli', 'console'].includes(raisedBy.via as string) || typeof raisedBy.who !== 'string') return { problem: '"raisedBy" must be { "via", "who" }' };
  return { id, level: level as EmergencyLevel, lines: lines as KeptEmergency['lines'], template: template as string | null, raisedAt, raisedBy: raisedBy as unknown as EmergencyActor };
}

export interface KeptEmergencyStore {
  /** The emergency active when the player last stopped, or null (none, or an unreadable file: logged). */
  load(): KeptEmergency | null;
  /** Keeps `emergency` (null: the hall has none: the file goes). Never throws for the disk. */
  save(emergency: KeptEmergency | null): void;
}

export function openKeptEmergency(stateDir: string, deps: { log: Log; health?: Health | undefined; io?: KeptEmergencyIo }): KeptEmergencyStore {
  const file = path.join(stateDir, KEPT_EMERGENCY_FILE);
  const io = deps.io ?? diskIo;
  const disk = diskStore(deps.health, 'emergency', 'saves');
  return {
    load() {
      let text: string | null;
      try {
        text = io.read(file);
      } catch (error) {
        deps.log.warn(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): no emergency restored`);
        return null;
      }
      if (text === null) return null;
      const kept = parseKeptEmergency(text);
      if ('problem' in kept) {
        deps.log.warn(`${file}: ${kept.problem}: no emergency restored; raise it again if it is still on (POST /api/emergency)`);
        return null;
      }
      return kept;
    },
    save(emergency) {
      try {
        if (emergency) io.writeWhole(file, `${JSON.stringify(emergency, null, 1)}\n`);
        else io.remove(file);
        disk.wrote();
      } catch (error) {
        disk.failed(error);
      }
    },
  };
}
