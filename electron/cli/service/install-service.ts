/**
 * `hallcast install-service` / `uninstall-service`: writes (or removes) hallcast.service and says
 * exactly what it did and what to run next. It does not start or enable anything itself: on a hall
 * PC the technician sees the unit before it takes the screen over.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Output } from '../output.js';
import { packageRoot } from '../package-root.js';
import { hallcastUnit, UNIT_NAME } from './units.js';

export const DEFAULT_UNIT_DIR = '/etc/systemd/system';

export interface InstallOptions {
  user: string | undefined;
  display: string | undefined;
  cage: boolean;
  playlists: string;
  state: string | undefined;
  port: number;
  unitDir: string;
}

export function installService(options: InstallOptions, out: Output): number {
  const user = options.user ?? process.env.SUDO_USER ?? os.userInfo().username;
  const home = user === os.userInfo().username ? os.homedir() : path.join('/home', user);
  const unit = hallcastUnit({
    user,
    home,
    display: options.display,
    node: process.execPath,
    bin: path.join(packageRoot(), 'bin', 'hallcast.js'),
    playlists: path.resolve(options.playlists),
    state: path.resolve(options.state ?? path.join(home, '.local', 'state', 'hallcast')),
    port: options.port,
    cage: options.cage,
  });
  const file = path.join(options.unitDir, UNIT_NAME);
  const replaced = existsSync(file) && readFileSync(file, 'utf8') !== unit;
  mkdirSync(options.unitDir, { recursive: true });
  writeFileSync(file, unit);
  out.stdout(`hallcast: ${replaced ? 'replaced' : 'wrote'} ${file}:`);
  out.stdout('');
  for (const line of unit.trimEnd().split('\n')) out.stdout(`  ${line}`);
  out.stdout('');
  out.stdout('start it now and at every boot:  systemctl daemon-reload && systemctl enable --now hallcast.service');
  out.stdout('see how it runs:                 systemctl status hallcast.service; journalctl -u hallcast.service');
  out.stdout(`undo:                            hallcast uninstall-service${options.unitDir === DEFAULT_UNIT_DIR ? '' : ` --unit-dir ${options.unitDir}`}`);
  return 0;
}

export function uninstallService(unitDir: string, out: Output): number {
  const file = path.join(unitDir, UNIT_NAME);
  if (!existsSync(file)) {
    out.stdout(`hallcast: no ${file}: nothing to remove`);
    return 0;
  }
  out.stdout(`first stop it: systemctl disable --now hallcast.service`);
  rmSync(file);
  out.stdout(`hallcast: removed ${file}; then: systemctl daemon-reload`);
  return 0;
}
