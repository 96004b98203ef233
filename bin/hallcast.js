#!/usr/bin/env node
// Runs the built CLI; `npm install` builds it (the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('hallcast: dist/cli.js is missing: run `npm run build` (npm install does it) first');
  process.exit(1);
}
await import(cli);
