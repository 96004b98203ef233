/**
 * Where the Electron player finds its hall and how it exposes the local API, from the
 * environment. The defaults are `hallcast serve`'s, except the state folder, which is Electron's
 * per-user data folder.
 */
import path from 'node:path';
import { displayIdProblem, isDisplayId } from '../contract/display-id.js';
import { DEFAULT_SHELL_DISPLAY } from '../contract/display-page.js';
import { DEFAULT_OPENING_HOURS, parseOpeningHours, type OpeningHours } from './update-window.js';

export interface ShellConfig {
  playlistsDir: string;
  assetsDir: string;
  stateDir: string;
  rendererDir: string;
  preloadPath: string;
  api: { bindAddress: string; port: number; token: string | null };
  /** Which display of the hall the window is (HALLCAST_DISPLAY): its page is loaded with ?display=ID. */
  display: string;
  /** Auto-update of a packed player (auto-update.ts): the fleet server's folder (HALLCAST_UPDATE_URL,
   * none: no updates) and the hall's opening hours, outside which an update installs (HALLCAST_OPENING_HOURS). */
  update: { url: string | null; openingHours: OpeningHours };
}

export interface ShellPaths {
  /** The hallcast package folder (its dist/ holds the display and the preload; inside app.asar when packed). */
  root: string;
  /** Where the sample hall (playlists/) and its assets/ lie: the package folder, or in a packed app
   * the resources folder beside app.asar (electron-builder.yml's extraResources). */
  hallFiles: string;
  /** Electron's app.getPath('userData'). */
  userData: string;
}

export type ShellEnv = Record<string, string | undefined>;

export function shellConfig(env: ShellEnv, paths: ShellPaths): ShellConfig {
  const playlistsDir = path.resolve(env.HALLCAST_PLAYLISTS || path.join(paths.hallFiles, 'playlists'));
  const port = Number(env.HALLCAST_PORT || '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`HALLCAST_PORT=${env.HALLCAST_PORT}: give a port number 0-65535`);
  const display = env.HALLCAST_DISPLAY || DEFAULT_SHELL_DISPLAY;
  if (!isDisplayId(display)) throw new Error(displayIdProblem(display, 'HALLCAST_DISPLAY'));
  const updateUrl = env.HALLCAST_UPDATE_URL || null;
  if (updateUrl !== null && !/^https?:\/\/[^/\s]+/.test(updateUrl)) throw new Error(`HALLCAST_UPDATE_URL=${updateUrl}: give the fleet server's update folder, http://HOST/PATH/`);
  const hours = env.HALLCAST_OPENING_HOURS || DEFAULT_OPENING_HOURS;
  const openingHours = parseOpeningHours(hours);
  if (!openingHours) throw new Error(`HALLCAST_OPENING_HOURS=${hours}: give the hall's opening hours as HH:MM-HH:MM, e.g. 08:30-21:00`);
  return {
    playlistsDir,
    assetsDir: path.resolve(env.HALLCAST_ASSETS || path.join(playlistsDir, '..', 'assets')),
    stateDir: path.resolve(env.HALLCAST_STATE || paths.userData),
    rendererDir: path.join(paths.root, 'dist', 'renderer'),
    preloadPath: path.join(paths.root, 'dist', 'electron', 'preload.cjs'),
    api: { bindAddress: env.HALLCAST_HOST || '127.0.0.1', port, token: env.HALLCAST_TOKEN || null },
    display,
    update: { url: updateUrl, openingHours },
  };
}
