/**
 * The hall's local API (status, timeline, reload) and the floor-manager console next to the
 * Electron window. The window loads the display from hallcast://app/, so the server carries no
 * renderer (and the console's live preview frame, which is the renderer's page, stays empty).
 */
import path from 'node:path';
import { createServer } from '../host/channels/http/server.js';
import { createCommands } from '../host/commands/commands.js';
import type { Host } from '../host/host.js';
import type { ShellConfig } from './shell-config.js';
import type { ScreenCaptures } from '../host/services/screens/screen-captures.js';
import type { FastifyBaseLogger } from 'fastify';

export interface LocalApi {
  url: string;
  close(): Promise<void>;
}

/**
 * `screens`: where the window's picture is registered (the shell's), for GET /api/displays/ID/screenshot;
 * `logger`: the shell's pino logger, for the access log (absent: none).
 */
export async function startLocalApi(host: Host, config: ShellConfig, version: string, screens?: ScreenCaptures, logger?: FastifyBaseLogger): Promise<LocalApi> {
  const { bindAddress, port, token } = config.api;
  const commands = await createCommands(host, {
    version,
    assetsDir: config.assetsDir,
    ...(screens ? { screens } : {}),
    // The floor-manager console, built beside the renderer.
    console: { playlistsDir: config.playlistsDir, stateDir: config.stateDir, password: process.env.HALLCAST_ADMIN_PASSWORD || null },
  });
  const app = await createServer({
    commands,
    rendererDir: null,
    assetsDir: config.assetsDir,
    adminDir: path.join(path.dirname(config.rendererDir), 'admin'),
    bindAddress,
    port,
    token,
    ...(logger ? { logger } : {}),
  });
  try {
    await app.listen({ host: bindAddress, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
  return { url: `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${actualPort}/`, close: () => app.close() };
}
