// Bundles the CLI/core (Node), and later the Electron main, preload and renderer, with esbuild.
import { build } from 'esbuild';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await build({
  ...common,
  entryPoints: { cli: 'electron/cli/bin.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The HTTP stack loads plugins at run time; it stays in node_modules (it is a dependency).
  external: ['electron', 'fastify', '@fastify/static', '@fastify/websocket'],
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __hallcastRequire } from 'node:module'; const require = __hallcastRequire(import.meta.url);" },
});
