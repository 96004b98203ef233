// The display's bundle (renderer/display/main.ts and its lazily loaded chunks), shared by
// scripts/build.mjs and scripts/display-bundle.test.ts, which checks what the production build
// leaves out. `testHooks`: the test build, with `window.__hallcast` (renderer/display/test-hooks.ts)
// for the e2e specs and benches; the production build drops that code (esbuild writes the
// constant in, and minifying removes the branch it guards).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Left in dist/ by a test build, so `npm start` can tell and build production first. */
export const TEST_BUILD_MARKER = 'dist/test-build';

export function displayBundle({ outdir, testHooks }) {
  return {
    bundle: true,
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // Minified: parsing 1.8 MB of pixi.js unminified cost ~200 ms of the cold start.
    minify: true,
    splitting: true,
    absWorkingDir: root,
    entryPoints: { app: 'renderer/display/main.ts' },
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    define: { HALLCAST_TEST_HOOKS: testHooks ? 'true' : 'false' },
  };
}
