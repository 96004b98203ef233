/**
 * Tests' way to put the HTTP channel in front of a host: the options a test thinks in (the host,
 * its folders, the console's password and tuning) become the commands and the server, as
 * `hallcast serve` wires them (electron/cli/serve.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Host } from '../../host.js';
import { createCommands, type ConsoleOptions } from '../../commands/commands.js';
import { createServer, type ServerOptions } from './server.js';
import type { ScreenCaptures } from '../../services/screens/screen-captures.js';

export interface HostServerOptions extends Omit<ServerOptions, 'commands' | 'adminTuning'> {
  host: Host;
  playlistsDir: string;
  stateDir: string;
  version?: string;
  adminPassword?: string | null;
  adminMaxUploadBytes?: number;
  adminTuning?: Pick<ConsoleOptions, 'scryptCost' | 'io' | 'ffprobe'> & { sessionIdleMs?: number };
  /** The displays a shell captures (the kiosk's, the Electron window's). */
  screens?: ScreenCaptures;
}

export async function createHostServer(options: HostServerOptions): Promise<FastifyInstance> {
  const { host, playlistsDir, stateDir, version, adminPassword, adminMaxUploadBytes, adminTuning, screens, ...server } = options;
  const { sessionIdleMs, ...consoleTuning } = adminTuning ?? {};
  const commands = await createCommands(host, {
    version: version ?? 't',
    assetsDir: options.assetsDir,
    ...(options.now ? { now: options.now } : {}),
    ...(screens ? { screens } : {}),
    console: { playlistsDir, stateDir, password: adminPassword || null, ...(adminMaxUploadBytes ? { maxUploadBytes: adminMaxUploadBytes } : {}), ...consoleTuning },
  });
  return createServer({ ...server, commands, ...(sessionIdleMs ? { adminTuning: { sessionIdleMs } } : {}) });
}
