/**
 * The hallcast command line. Each command is one module; this file only parses arguments.
 */
import { parseArgs } from 'node:util';
import { consoleOutput, type Output } from './output.js';
import { runTimeline } from './timeline.js';
import { runValidate } from './validate.js';

const USAGE = `usage: hallcast COMMAND [options]

commands:
  validate [DIR] [--assets DIR]          check a playlist folder (default: playlists)
  timeline [--date YYYY-MM-DD] [--days N] [--playlists DIR] [--assets DIR]
                                         print the schedule's switches for a day or more`;

export async function main(argv: string[], out: Output = consoleOutput, now: () => number = Date.now): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { assets: { type: 'string' } } });
        if (positionals.length > 1) throw new UsageError('validate takes one folder');
        return runValidate(positionals[0] ?? 'playlists', values.assets, out, now());
      }
      case 'timeline': {
        const { values } = parseArgs({
          args: rest,
          options: {
            date: { type: 'string' },
            days: { type: 'string', default: '1' },
            playlists: { type: 'string', default: 'playlists' },
            assets: { type: 'string' },
          },
        });
        return runTimeline(
          { playlists: values.playlists, assets: values.assets, date: values.date, days: Number(values.days), now: now() },
          out,
        );
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`hallcast: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

class UsageError extends Error {}
