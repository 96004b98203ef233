import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crashReport, sourceMapBeside, type SourceLookup } from './crash-report.js';
import { main } from './main.js';

// A bug anywhere, now or while the player runs: the report in the sources' terms, then exit 1
// as node would (a service manager restarts the player on it).
const maps = new Map<string, SourceLookup | null>();
const lookupFor = (file: string): SourceLookup | null => {
  if (!maps.has(file)) maps.set(file, sourceMapBeside(file));
  return maps.get(file)!;
};
process.on('uncaughtException', (error) => {
  process.stderr.write(`${crashReport(error, lookupFor, path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'))}\n`);
  process.exit(1);
});

// `hallcast timeline | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
