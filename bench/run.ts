/** npm run bench: every benchmark in one run, printed as Markdown tables for BENCHMARKS.md. */
import { benchAnnounce } from './announce.js';
import { benchColdStart } from './cold-start.js';
import { benchGapless } from './gapless.js';
import { benchQueue } from './queue.js';
import { benchSchedule } from './schedule.js';

const only = process.argv.slice(2);
const wanted = (name: string): boolean => only.length === 0 || only.includes(name);

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
if (wanted('announce')) {
  console.log('\n## announcements\n');
  for (const row of await benchAnnounce()) console.log(row);
}
