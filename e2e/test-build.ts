/**
 * Playwright's global setup, and the benchmarks' first step: builds the player with the display's
 * test hooks (`window.__hallcast`, renderer/display/test-hooks.ts), which the specs and benches
 * read. `npm run build` (and npm install's prepare) make the production build, without them.
 */
import { execFileSync } from 'node:child_process';
import { ROOT } from './serve-process.js';

export default function buildWithTestHooks(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--test-hooks'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
}
