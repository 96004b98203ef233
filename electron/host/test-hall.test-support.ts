/**
 * A host over a temporary copy of the fixture hall, on a fake clock, for host and API tests.
 * `cleanup()` stops the host and deletes the copy.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeTime } from './fake-time.test-support.js';
import { createHost } from './host.js';

const FIXTURE = path.join(import.meta.dirname, './services/playlists/fixtures/hall');

export function testHall(startIso: string, prepare?: (root: string) => void) {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-hall-'));
  cpSync(FIXTURE, root, { recursive: true });
  prepare?.(root);
  const time = new FakeTime(startIso);
  const warnings: string[] = [];
  const infos: string[] = [];
  const host = createHost({
    playlistsDir: path.join(root, 'playlists'),
    assetsDir: path.join(root, 'assets'),
    stateDir: path.join(root, 'state'),
    clock: time,
    timers: time.timers,
    log: { info: (m) => infos.push(m), warn: (m) => warnings.push(m) },
    watch: false,
  });
  return {
    root,
    time,
    host,
    warnings,
    infos,
    cleanup(): void {
      host.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
