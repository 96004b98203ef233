/**
 * Reads a playlist folder, checks every file and, when nothing is wrong, returns the hall's
 * configuration with defaults filled in and its schedule compiled — once, for whoever applies it.
 * `hallcast validate`, the player and the console's trial of a save (the folder with the change
 * overlaid in memory, playlist-source.ts) share this function.
 *
 * Folder layout: schedule.json, layouts.json, and the optional ticker.json, calendars.json, queue.json and announcements.json,
 * programmes/ID.json — plus schema/, which the player ignores (it bundles its own copies).
 */
import path from 'node:path';
import { compileSchedule, type CompiledSchedule } from '../../domain/schedule/compile.js';
import { checkReferences, type CheckInput } from '../../domain/hall-config/checks.js';
import { hasErrors, type Diagnostic } from '../../../contract/diagnostic.js';
import { schemaCheck, type FileKind } from '../../domain/hall-config/schema-check.js';
import { JsonSource } from '../../domain/hall-config/source.js';
import { resolveMedia } from './media-path.js';
import { folderSource, type PlaylistSource } from './playlist-source.js';
import type { AnnouncementsFile, CalendarsFile, DisplaysFile, HallConfig, LayoutsFile, Programme, QueueFile, ScheduleFile, TickerFile } from '../../../contract/hall-config.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const PROGRAMME_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** The files the player reads at the top of the folder; programmes/ID.json besides. */
export const TOP_FILES: Record<string, { kind: FileKind; required: boolean }> = {
  'schedule.json': { kind: 'schedule', required: true },
  'layouts.json': { kind: 'layouts', required: true },
  'ticker.json': { kind: 'ticker', required: false },
  'calendars.json': { kind: 'calendars', required: false },
  'queue.json': { kind: 'queue', required: false },
  'announcements.json': { kind: 'announcements', required: false },
  'displays.json': { kind: 'displays', required: false },
};

export interface LoadOptions {
  /** The hall's media folder; default: assets/ beside the playlist folder. */
  assetsDir?: string;
  /** How the folder is named in messages; default: `dir` as given. */
  displayDir?: string;
  /** How the media folder is named in messages; default: its path from the working directory. */
  displayAssets?: string;
  /** Epoch ms, for checks that depend on the date; default: now. */
  now?: number;
}

export type LoadResult = {
  diagnostics: Diagnostic[];
  /** Files checked, as named in diagnostics. */
  files: string[];
} & (
  | { config: HallConfig; schedule: CompiledSchedule }
  /** The folder has errors (in `diagnostics`): nothing to apply. */
  | { config: null; schedule: null }
);

interface Parsed {
  source: JsonSource;
  clean: boolean;
}

/** `from`: the playlist folder, or a source that reads it (with a change overlaid). */
export function loadPlaylists(from: string | PlaylistSource, options: LoadOptions = {}): LoadResult {
  const source = typeof from === 'string' ? folderSource(from) : from;
  const dir = source.dir;
  const display = (options.displayDir ?? dir).replace(/\\/g, '/').replace(/\/$/, '');
  const assetsDir = options.assetsDir ?? path.join(dir, '..', 'assets');
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const name = (rel: string): string => (display === '' || display === '.' ? rel : `${display}/${rel}`);
  const fail = (file: string, message: string): LoadResult => ({
    config: null,
    schedule: null,
    diagnostics: [...diagnostics, { file, line: 1, col: 1, severity: 'error', message }],
    files,
  });

  if (!source.isFolder()) return fail(display, 'playlist folder not found: give the folder that holds schedule.json');

  const read = (rel: string, kind: FileKind): Parsed | null => {
    const shown = name(rel);
    files.push(shown);
    const size = source.size(rel);
    if (size > MAX_FILE_BYTES) {
      diagnostics.push({
        file: shown,
        line: 1,
        col: 1,
        severity: 'error',
        message: `file is ${(size / 1048576).toFixed(1)} MB; playlist files are limited to ${MAX_FILE_BYTES / 1048576} MB: split it or remove embedded data (media belong in assets/)`,
      });
      return null;
    }
    const before = diagnostics.length;
    const json = JsonSource.parse(shown, source.text(rel), diagnostics);
    if (!json) return null;
    schemaCheck(kind, json, diagnostics);
    if (json.value && typeof json.value === 'object' && !('$schema' in json.value)) {
      const schemaPath = `${kind === 'programme' ? '../' : './'}schema/${kind}.schema.json`;
      diagnostics.push(json.at([], 'warning', `no "$schema": add "$schema": "${schemaPath}" so editors check this file as you type`));
    }
    return { source: json, clean: !hasErrors(diagnostics.slice(before)) };
  };

  const top = new Map<FileKind, Parsed | null>();
  for (const entry of source.files('')) {
    if (!entry.endsWith('.json')) continue;
    const known = TOP_FILES[entry];
    if (!known) {
      files.push(name(entry));
      diagnostics.push({
        file: name(entry),
        line: 1,
        col: 1,
        severity: 'warning',
        message: `unknown file, ignored: the player reads ${Object.keys(TOP_FILES).join(', ')} and programmes/*.json`,
      });
      continue;
    }
    top.set(known.kind, read(entry, known.kind));
  }
  for (const [file, { kind, required }] of Object.entries(TOP_FILES)) {
    if (required && !top.has(kind)) diagnostics.push({ file: name(file), line: 1, col: 1, severity: 'error', message: `${file} is missing: every hall needs one (see playlists/README.md)` });
  }

  const programmeFiles = source.files('programmes').filter((f) => f.endsWith('.json'));
  if (programmeFiles.length === 0) {
    diagnostics.push({ file: name('programmes'), line: 1, col: 1, severity: 'error', message: 'no programmes: add at least one programmes/ID.json' });
  }
  const programmes: CheckInput['programmes'] = [];
  const programmeIds: string[] = [];
  for (const file of programmeFiles) {
    const id = file.slice(0, -'.json'.length);
    programmeIds.push(id);
    const parsed = read(`programmes/${file}`, 'programme');
    if (!PROGRAMME_ID.test(id)) {
      diagnostics.push({ file: name(`programmes/${file}`), line: 1, col: 1, severity: 'error', message: `"${id}" cannot be a programme id: rename the file to lowercase letters, digits and '-'` });
      continue;
    }
    if (parsed?.clean) programmes.push({ source: parsed.source, value: parsed.source.value as Omit<Programme, 'id'>, id });
  }

  const clean = <T>(kind: FileKind): { source: JsonSource; value: T } | null => {
    const parsed = top.get(kind);
    return parsed?.clean ? { source: parsed.source, value: parsed.source.value as T } : null;
  };
  const input: CheckInput = {
    schedule: clean<ScheduleFile>('schedule'),
    layouts: clean<LayoutsFile>('layouts'),
    ticker: clean<TickerFile>('ticker'),
    calendars: clean<CalendarsFile>('calendars'),
    queue: clean<QueueFile>('queue'),
    queueFileExists: top.has('queue'),
    announcements: clean<AnnouncementsFile>('announcements'),
    displays: clean<DisplaysFile>('displays'),
    programmes,
    programmeIds,
    assets: {
      name: options.displayAssets ?? (path.relative(process.cwd(), assetsDir).replace(/\\/g, '/') || 'assets'),
      find: (relative) => resolveMedia(assetsDir, relative),
    },
    today: Math.floor((options.now ?? Date.now()) / 86_400_000),
  };
  try {
    checkReferences(input, diagnostics);
  } catch (error) {
    // A check that trips over a value is our bug, but the answer must still be a finding, never a
    // crash of validate, timeline, the console's save or a running player's reload.
    return fail(input.schedule?.source.name ?? name('schedule.json'), `the folder could not be checked (${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')}): please report this with the folder`);
  }
  if (hasErrors(diagnostics) || !input.schedule || !input.layouts) return { config: null, schedule: null, diagnostics, files };

  const config: HallConfig = {
    schedule: {
      ...input.schedule.value,
      entries: input.schedule.value.entries.map((entry) => ({ ...entry, priority: entry.priority ?? 0 })),
    },
    layouts: input.layouts.value,
    ticker: { speed: input.ticker?.value.speed ?? 120, notices: input.ticker?.value.notices ?? [] },
    calendars: input.calendars?.value ?? { calendars: {} },
    queue: input.queue?.value ?? null,
    announcements: input.announcements?.value ?? null,
    displays: input.displays?.value ?? null,
    programmes: Object.fromEntries(
      programmes.map(({ id, value }) => [id, { ...value, id, order: value.order ?? 'loop', volume: value.volume ?? 1 }]),
    ),
  };
  let schedule: CompiledSchedule;
  try {
    schedule = compileSchedule(config.schedule, config.calendars);
  } catch (error) {
    // The checks above should have caught this; never hand the player a schedule it cannot run.
    return fail(input.schedule.source.name, `schedule cannot be used: ${(error as Error).message}`);
  }
  return { config, schedule, diagnostics, files };
}
