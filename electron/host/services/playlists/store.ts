/**
 * The hall's configuration in force, and hot reload: a valid change to the playlist folder applies
 * at once; an invalid one is refused, the last good configuration stays, and the findings are kept
 * for the status API and the log (never for the public screen). The last good configuration is also
 * saved, so a player rebooted after a bad edit still plays the hall's programmes.
 *
 * The store follows the folder itself (folder-watch.ts) and loads it only when its files differ from
 * those of the configuration in force: a change applied by an explicit reload (the console's save)
 * is not loaded and compiled again when the watcher or the 30-s recheck sees it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, openSync, fsyncSync, closeSync, rmSync } from 'node:fs';
import path from 'node:path';
import { compileSchedule, type CompiledSchedule } from '../../domain/schedule/compile.js';
import type { Log, Timers } from '../../ports.js';
import type { Health } from '../../domain/health/health.js';
import { diskStore } from '../../domain/health/disk-store.js';
import { formatDiagnostic, type Diagnostic } from '../../../contract/diagnostic.js';
import { loadPlaylists, type LoadResult } from './load.js';
import { folderSignature } from './folder-signature.js';
import { watchFolder } from './folder-watch.js';
import type { HallConfig } from '../../../contract/hall-config.js';
import type { PlaylistStatus } from '../../../contract/status-view.js';

export type { PlaylistStatus };

export interface Applied {
  config: HallConfig;
  schedule: CompiledSchedule;
  /** Epoch ms. */
  loadedAt: number;
  from: 'folder' | 'saved copy';
}

export interface PlaylistStoreOptions {
  dir: string;
  assetsDir: string;
  /** Where the last good configuration is saved; null = not saved. */
  stateDir: string | null;
  log: Log;
  now: () => number;
  /** For the 30-s recheck of the folder once started. */
  timers: Timers;
  /** Follow the folder with fs.watch as well as the 30-s recheck (default true). */
  watch?: boolean;
  onApply(applied: Applied): void;
  debounceMs?: number;
  /** Where a saved copy the disk refuses is reported (`disk`, key 'last-good-config'). */
  health?: Health;
  /** The saved copy's file operations (tests make the disk full with them). */
  io?: SaveIo;
}

/** The steps of saving the copy; each may meet a full disk. */
export interface SaveIo {
  mkdir(dir: string): void;
  write(file: string, text: string): void;
  sync(file: string): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
}

const diskSaveIo: SaveIo = {
  mkdir: (dir) => void mkdirSync(dir, { recursive: true }),
  write: (file, text) => writeFileSync(file, text),
  sync(file) {
    const fd = openSync(file, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: (from, to) => renameSync(from, to),
  remove: (file) => rmSync(file, { force: true }),
};

export interface PlaylistStore {
  /** Loads the folder now, changed or not; returns true when it was applied. */
  reload(): boolean;
  /**
   * Loads the folder now, then follows it: reloads when its files change (fs.watch, debounced, and
   * a comparison every 30 s), and saves the configuration in force again while the disk refuses it.
   */
  start(): void;
  /** Stops following the folder. */
  stop(): void;
  current(): Applied | null;
  status(): PlaylistStatus;
}

const SAVED_FILE = 'last-good-config.json';

export function createPlaylistStore(options: PlaylistStoreOptions): PlaylistStore {
  const { log } = options;
  let applied: Applied | null = null;
  let errors: Diagnostic[] = [];
  let warnings: Diagnostic[] = [];
  let refused = 0;
  // The folder's files as they were when the configuration in force was applied ('' : none yet).
  let appliedSignature = '';
  let stopWatching: (() => void) | null = null;
  const io = options.io ?? diskSaveIo;
  const disk = diskStore(options.health, 'last-good-config', 'saves');
  // The configuration in force while its saved copy is behind it (the disk refused the save).
  let unsaved: HallConfig | null = null;

  const apply = (config: HallConfig, schedule: CompiledSchedule, from: Applied['from'], signature: string): void => {
    applied = { config, schedule, loadedAt: options.now(), from };
    appliedSignature = signature;
    options.onApply(applied);
  };

  /** False when the saved copy cannot be compiled (saved by an older, laxer version). */
  const applySaved = (config: HallConfig, signature: string): boolean => {
    let schedule: CompiledSchedule;
    try {
      schedule = compileSchedule(config.schedule, config.calendars);
    } catch (error) {
      log.warn('the saved configuration cannot be used', { error: error instanceof Error ? error.message : String(error) });
      return false;
    }
    apply(config, schedule, 'saved copy', signature);
    return true;
  };

  const load = (): LoadResult => {
    try {
      return loadPlaylists(options.dir, { assetsDir: options.assetsDir, now: options.now() });
    } catch (error) {
      // The loader answers with findings; should it ever throw, the player keeps playing all the same.
      const message = `the folder could not be read (${error instanceof Error ? error.message : String(error)})`;
      return { config: null, schedule: null, diagnostics: [{ file: options.dir, line: 1, col: 1, severity: 'error', message }], files: [] };
    }
  };

  const reload = (): boolean => {
    // Taken before reading: a file changed while it is read differs from it, and is loaded next time.
    const signature = folderSignature(options.dir);
    const result = load();
    const found = result.diagnostics;
    if (!result.config) {
      refused++;
      errors = found.filter((d) => d.severity === 'error');
      for (const d of errors) log.warn(`playlist refused: ${formatDiagnostic(d)}`);
      if (!applied) {
        const saved = readSaved();
        if (saved && applySaved(saved, signature)) log.warn('playing the last good configuration saved before; fix the playlist folder');
      } else log.warn('keeping the configuration in force', { loadedAt: applied.loadedAt });
      return false;
    }
    errors = [];
    warnings = found.filter((d) => d.severity === 'warning');
    for (const d of warnings) log.warn(`playlist warning: ${formatDiagnostic(d)}`);
    // The loader compiled the schedule already: it is applied as it came, not compiled again.
    apply(result.config, result.schedule, 'folder', signature);
    save(result.config);
    log.info('playlists applied', { files: result.files.length, warnings: warnings.length });
    return true;
  };

  const readSaved = (): HallConfig | null => {
    if (!options.stateDir) return null;
    const file = path.join(options.stateDir, SAVED_FILE);
    if (!existsSync(file)) return null;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as HallConfig;
      // A copy saved by an older version lacks the files added since: none of them, not undefined.
      return { ...saved, queue: saved.queue ?? null, announcements: saved.announcements ?? null };
    } catch (error) {
      log.warn('the saved configuration is unreadable', { file, error: String(error) });
      return null;
    }
  };

  const save = (config: HallConfig): boolean => {
    if (!options.stateDir) return true;
    const file = path.join(options.stateDir, SAVED_FILE);
    const temp = `${file}.tmp`;
    try {
      io.mkdir(options.stateDir);
      io.write(temp, JSON.stringify(config));
      io.sync(temp);
      // Rename is atomic: a crash leaves the old copy or the new one, never half of one.
      io.rename(temp, file);
    } catch (error) {
      // Once per streak: a disk that stays full is retried every 30 s and is in health meanwhile.
      if (!unsaved) log.warn('could not save the configuration', { error: String(error) });
      // What a full disk took of the copy is given back; the old copy stays as it was.
      try {
        io.remove(temp);
      } catch {
        // Nothing more to give back.
      }
      unsaved = config;
      disk.failed(error);
      return false;
    }
    unsaved = null;
    disk.wrote();
    return true;
  };

  /** Loads the folder when its files are no longer those of the configuration in force; true if it did. */
  const reloadIfChanged = (): boolean => {
    if (folderSignature(options.dir) === appliedSignature) return false;
    reload();
    return true;
  };

  return {
    reload,
    start() {
      if (stopWatching) return;
      reload();
      stopWatching = watchFolder({
        dir: options.dir,
        timers: options.timers,
        log,
        watch: options.watch ?? true,
        debounceMs: options.debounceMs ?? 250,
        onEvent: () => void reloadIfChanged(),
        onRecheck() {
          // A saved copy the disk refused is saved again once there is room (disk faults, issue 11).
          if (!reloadIfChanged() && unsaved) save(unsaved);
        },
      });
    },
    stop() {
      stopWatching?.();
      stopWatching = null;
    },
    current: () => applied,
    status: () => ({
      loadedAt: applied?.loadedAt ?? null,
      from: applied?.from ?? null,
      errors: errors.map(formatDiagnostic),
      warnings: warnings.map(formatDiagnostic),
      refused,
    }),
  };
}
