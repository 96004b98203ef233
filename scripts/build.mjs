// Bundles the CLI/core (Node), and later the Electron main, preload and renderer, with esbuild.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await build({
  ...common,
  entryPoints: { cli: 'electron/cli/bin.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['electron'],
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __hallcastRequire } from 'node:module'; const require = __hallcastRequire(import.meta.url);" },
});
if (watch) console.log('watch mode is not supported; rerun npm run build');
