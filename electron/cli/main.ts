/**
 * The hallcast command line. Each command is one module; this file only parses arguments.
 */
import { parseArgs } from 'node:util';
import { openKiosk } from './kiosk.js';
import { consoleOutput, type Output } from './output.js';
import { SERVE_FLAGS, startServe, stateDirOf, type ServeOptions } from './serve.js';
import { runPlanCall } from './plan-call.js';
import { runAnnounce } from './announce-client.js';
import { runAdminPassword } from './admin-password.js';
import { readSecret } from './read-secret.js';
import { ApiError, DEFAULT_API_URL, runCall, runQueue, type ApiTarget } from './queue-client.js';
import { runTimeline } from './timeline.js';
import { runValidate } from './validate.js';

const USAGE = `usage: hallcast COMMAND [options]

commands:
  validate [DIR] [--assets DIR]          check a playlist folder (default: playlists)
  timeline [--date YYYY-MM-DD] [--days N] [--playlists DIR] [--assets DIR]
                                         print the schedule's switches for a day or more
  serve [--port 8080] [--host 127.0.0.1] [--playlists DIR] [--assets DIR] [--state DIR] [--token T] [--at TIME]
        [--admin-max-upload-mb 512]
                                         run the player; any Chromium shows the hall at http://HOST:PORT/
                                         and the floor-manager console at http://HOST:PORT/admin/
                                         (--at previews the schedule from another time, e.g. 2026-12-01T10:17+08:00)
  kiosk [serve options] [--browser /usr/bin/chromium] [--window-size WxH]
                                         run the player and keep a full-screen Chromium kiosk on it
                                         (--window-size covers the screen where no window manager runs)
  call TICKET COUNTER [--url URL] [--token T]
                                         call a ticket to a counter on a running player's board
  queue [--url URL] [--token T]          print a running player's queue board
  admin-password [--state DIR]          set the console's password, read from standard input (at least 8
                                         characters; HALLCAST_ADMIN_PASSWORD overrides it for one run)
  plan-call TICKET COUNTER [--lang zh|en]
                                         print the voice clips a call is read with, one per word
  announce TEXT [--lang zh|en] [--priority emergency|pa|call|care] [--repeat N] [--url URL] [--token T]
                                         read a message out through a running player's PA now
                                         (--url default: HALLCAST_URL or ${DEFAULT_API_URL}; --token default: HALLCAST_TOKEN)`;

const API_FLAGS = { url: { type: 'string' }, token: { type: 'string' } } as const;

function apiTarget(values: { url?: string; token?: string }): ApiTarget {
  return { url: values.url ?? process.env.HALLCAST_URL ?? DEFAULT_API_URL, token: values.token ?? process.env.HALLCAST_TOKEN };
}

export async function main(
  argv: string[],
  out: Output = consoleOutput,
  now: () => number = Date.now,
  secret: () => Promise<string> = () => readSecret((text) => process.stderr.write(text)),
): Promise<number> {
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
      case 'serve':
      case 'kiosk': {
        const { values } = parseArgs({ args: rest, options: { ...SERVE_FLAGS, browser: { type: 'string', default: '/usr/bin/chromium' }, 'window-size': { type: 'string' } } });
        const options: ServeOptions = {
          port: Number(values.port),
          host: values.host,
          playlists: values.playlists,
          assets: values.assets,
          state: values.state,
          token: values.token,
          at: values.at,
          adminMaxUploadMb: values['admin-max-upload-mb'],
        };
        // The browser starts before the player has loaded, on a boot page (see kiosk.ts).
        const kiosk = command === 'kiosk' ? openKiosk({ ...options, browser: values.browser, windowSize: values['window-size'] }, out) : null;
        // The kiosk cannot run here (no display) and said why.
        if (command === 'kiosk' && !kiosk) return 1;
        let running: Awaited<ReturnType<typeof startServe>>;
        try {
          running = await startServe(options, out);
        } catch (error) {
          kiosk?.stop();
          throw error;
        }
        kiosk?.playerAt(running.url, running.host);
        return await new Promise<number>((done) => {
          const stop = (code: number): void => {
            kiosk?.stop();
            void running.close().then(() => done(code));
          };
          process.once('SIGINT', () => stop(0));
          process.once('SIGTERM', () => stop(0));
          // The kiosk's browser cannot start (it said why): a kiosk without a picture is a failure.
          kiosk?.onGaveUp(() => stop(1));
        });
      }
      case 'call': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: API_FLAGS });
        if (positionals.length !== 2) throw new UsageError('call takes a ticket and a counter, e.g. hallcast call A023 5');
        return await runCall(apiTarget(values), positionals[0]!, positionals[1]!, out);
      }
      case 'queue': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: API_FLAGS });
        if (positionals.length) throw new UsageError('queue takes no arguments');
        return await runQueue(apiTarget(values), out);
      }
      case 'announce': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { ...API_FLAGS, lang: { type: 'string', default: 'zh' }, priority: { type: 'string', default: 'pa' }, repeat: { type: 'string', default: '1' } },
        });
        if (positionals.length !== 1) throw new UsageError('announce takes one text, in quotes, e.g. hallcast announce "请注意：本厅即将关闭"');
        return await runAnnounce(apiTarget(values), { text: positionals[0]!, lang: values.lang, priority: values.priority, repeat: values.repeat }, out);
      }
      case 'admin-password': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { state: { type: 'string' } } });
        if (positionals.length) throw new UsageError('admin-password reads the password from standard input, e.g. hallcast admin-password < password.txt');
        return await runAdminPassword(stateDirOf(values), secret, out);
      }
      case 'plan-call': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { lang: { type: 'string', default: 'zh' } } });
        if (positionals.length !== 2) throw new UsageError('plan-call takes a ticket and a counter, e.g. hallcast plan-call A023 5');
        return runPlanCall(positionals[0]!, positionals[1]!, values.lang, out);
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
    if (error instanceof ApiError) {
      out.stderr(`hallcast: ${error.message}`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`hallcast: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

class UsageError extends Error {}
