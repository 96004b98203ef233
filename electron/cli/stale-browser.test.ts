import { describe, expect, it } from 'vitest';
import { profileHolder } from './stale-browser.js';

const PROFILE = '/var/lib/hallcast/kiosk-profile';

function holder(link: string | null, proc: Record<string, string>, hostname = 'hall-pc'): number | null {
  return profileHolder(
    PROFILE,
    ((file: string) => {
      if (link === null || file !== `${PROFILE}/SingletonLock`) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return link;
    }) as never,
    (file) => {
      if (!(file in proc)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return proc[file]!;
    },
    hostname,
  );
}

const browserOnProfile = {
  '/proc/4321/cmdline': `/usr/lib/chromium/chromium\0--kiosk\0--user-data-dir=${PROFILE}\0--app=http://127.0.0.1:8080/\0`,
  '/proc/4321/stat': '4321 (chromium) S 1 4321 4321 0 -1 4194560',
};

describe('the browser holding the kiosk profile', () => {
  it('is the live browser on this profile named by SingletonLock', () => {
    expect(holder('hall-pc-4321', browserOnProfile)).toBe(4321);
  });

  it('is nobody without a lock, on another machine, for a dead pid, a pid since reused, or a zombie', () => {
    expect(holder(null, browserOnProfile)).toBeNull();
    expect(holder('other-pc-4321', browserOnProfile)).toBeNull();
    expect(holder('hall-pc-4321', {})).toBeNull();
    expect(holder('hall-pc-4321', { '/proc/4321/cmdline': 'bash\0', '/proc/4321/stat': '4321 (bash) S 1 4321' })).toBeNull();
    expect(holder('hall-pc-4321', { '/proc/4321/cmdline': `chromium\0--user-data-dir=${PROFILE}-old\0`, '/proc/4321/stat': '4321 (chromium) S 1' })).toBeNull();
    expect(holder('hall-pc-4321', { ...browserOnProfile, '/proc/4321/stat': '4321 (chromium) Z 1 4321' })).toBeNull();
  });

  it('reads host names with dashes', () => {
    expect(holder('hall-pc-2-4321', browserOnProfile, 'hall-pc-2')).toBe(4321);
  });
});
