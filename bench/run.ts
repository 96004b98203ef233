/** npm run bench: every benchmark in one run, printed as Markdown tables for BENCHMARKS.md. */
import buildWithTestHooks from '../e2e/test-build.js';
import { benchAnnounce } from './announce.js';
import { benchCallMoment } from './call-moment.js';
import { benchColdStart } from './cold-start.js';
import { benchGapless } from './gapless.js';
import { benchQueue } from './queue.js';
import { benchSchedule } from './schedule.js';
import { benchSoak, parseSoakArgs } from './soak.js';
import { benchTextCacheRelease } from './text-cache-release.js';

// Names of benches, then any flags (`--minutes 10`) for the soak.
const args = process.argv.slice(2);
const only = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const wanted = (name: string): boolean => only.length === 0 || only.includes(name);
/** The soak takes half an hour: only when asked for by name. */
const named = (name: string): boolean => only.includes(name);

// The benches read the display's test hooks (window.__hallcast): only the test build has them.
// Its progress goes to stderr, so stdout stays the tables.
buildWithTestHooks();
console.log(`# hallcast benchmarks — ${new Date().toISOString()} — node ${process.version}, ${process.platform}/${process.arch}`);
if (wanted('schedule')) {
  console.log('\n## schedule\n');
  for (const row of benchSchedule().rows) console.log(row);
}
if (wanted('cold-start')) {
  console.log('\n## cold start\n');
  for (const row of await benchColdStart()) console.log(row);
}
if (wanted('gapless')) {
  console.log('\n## gapless seams\n');
  for (const row of await benchGapless()) console.log(row);
}
if (wanted('queue')) {
  console.log('\n## queue board\n');
  for (const row of await benchQueue()) console.log(row);
}
if (wanted('call-moment')) {
  console.log('\n## call moment\n');
  for (const row of await benchCallMoment()) console.log(row);
}
if (wanted('announce')) {
  console.log('\n## announcements\n');
  for (const row of await benchAnnounce()) console.log(row);
}
if (wanted('text-cache')) {
  console.log('\n## what empties a canvas text cache\n');
  for (const row of await benchTextCacheRelease()) console.log(row);
}
if (named('soak')) {
  console.log('\n## soak\n');
  const result = await benchSoak(parseSoakArgs(args), (line) => console.error(line));
  for (const row of result.rows) console.log(row);
}
