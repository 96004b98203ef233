// Rewrites the README's command section from the command table (electron/cli/commands.ts):
// `npm run readme:commands`. electron/cli/readme.test.ts fails while the two differ.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withReadmeCommands } from '../electron/cli/help.js';

const file = path.join(import.meta.dirname, '..', 'README.md');
const updated = withReadmeCommands(readFileSync(file, 'utf8'));
if (updated === null) {
  console.error('README.md has no command section: put the two marker lines from electron/cli/help.ts where it goes');
  process.exit(1);
}
writeFileSync(file, updated);
