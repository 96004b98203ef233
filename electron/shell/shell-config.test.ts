import { describe, expect, it } from 'vitest';
import { shellConfig } from './shell-config.js';

const paths = { root: '/opt/hallcast', hallFiles: '/opt/hallcast', userData: '/home/hall/.config/hallcast' };

describe('shellConfig', () => {
  it("defaults to the package's hall, Electron's user-data folder and the loopback API on 8080", () => {
    expect(shellConfig({}, paths)).toStrictEqual({
      playlistsDir: '/opt/hallcast/playlists',
      assetsDir: '/opt/hallcast/assets',
      stateDir: '/home/hall/.config/hallcast',
      rendererDir: '/opt/hallcast/dist/renderer',
      preloadPath: '/opt/hallcast/dist/electron/preload.cjs',
      api: { bindAddress: '127.0.0.1', port: 8080, token: null },
      display: 'kiosk',
      update: { url: null, openingHours: { opens: 8 * 3600, closes: 21 * 3600 } },
    });
  });

  it('takes the update feed and the opening hours from HALLCAST_UPDATE_URL and HALLCAST_OPENING_HOURS, refusing malformed ones', () => {
    expect(shellConfig({ HALLCAST_UPDATE_URL: 'http://fleet.hall.lan/hallcast/', HALLCAST_OPENING_HOURS: '09:00-18:30' }, paths).update).toStrictEqual({
      url: 'http://fleet.hall.lan/hallcast/',
      openingHours: { opens: 9 * 3600, closes: 18.5 * 3600 },
    });
    expect(() => shellConfig({ HALLCAST_UPDATE_URL: 'fleet.hall.lan' }, paths)).toThrow("HALLCAST_UPDATE_URL=fleet.hall.lan: give the fleet server's update folder");
    expect(() => shellConfig({ HALLCAST_OPENING_HOURS: '9-18' }, paths)).toThrow('HALLCAST_OPENING_HOURS=9-18: give the hall');
  });

  it("a packed app: the hall's files from the resources folder, the display and preload from inside app.asar", () => {
    const packed = { root: '/opt/hallcast/resources/app.asar', hallFiles: '/opt/hallcast/resources', userData: paths.userData };
    expect(shellConfig({}, packed)).toMatchObject({
      playlistsDir: '/opt/hallcast/resources/playlists',
      assetsDir: '/opt/hallcast/resources/assets',
      rendererDir: '/opt/hallcast/resources/app.asar/dist/renderer',
      preloadPath: '/opt/hallcast/resources/app.asar/dist/electron/preload.cjs',
    });
  });

  it('names its display by HALLCAST_DISPLAY, refusing one that is not a display id', () => {
    expect(shellConfig({ HALLCAST_DISPLAY: 'counter-5' }, paths).display).toBe('counter-5');
    expect(() => shellConfig({ HALLCAST_DISPLAY: 'Counter 5' }, paths)).toThrow('HALLCAST_DISPLAY: "Counter 5" is not a display id');
  });

  it('takes folders and the API from HALLCAST_* variables; assets sit beside the playlists unless given', () => {
    const config = shellConfig({ HALLCAST_PLAYLISTS: '/srv/hall/playlists', HALLCAST_PORT: '0', HALLCAST_HOST: '::1', HALLCAST_TOKEN: 't' }, paths);
    expect(config.assetsDir).toBe('/srv/hall/assets');
    expect(config.api).toStrictEqual({ bindAddress: '::1', port: 0, token: 't' });
    expect(shellConfig({ HALLCAST_ASSETS: '/mnt/media', HALLCAST_STATE: '/var/lib/hallcast' }, paths)).toMatchObject({
      assetsDir: '/mnt/media',
      stateDir: '/var/lib/hallcast',
    });
  });

  it('treats empty variables as unset', () => {
    expect(shellConfig({ HALLCAST_PORT: '', HALLCAST_TOKEN: '', HALLCAST_STATE: '' }, paths)).toMatchObject({
      stateDir: paths.userData,
      api: { port: 8080, token: null },
    });
  });

  it.each(['80a', '-1', '65536', '1.5'])('refuses HALLCAST_PORT=%s', (port) => {
    expect(() => shellConfig({ HALLCAST_PORT: port }, paths)).toThrow(/HALLCAST_PORT=.*0-65535/);
  });
});
