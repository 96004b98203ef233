import type { SkipReason } from './slot.js';

/**
 * Media elements report a 404 and a corrupt file alike (MEDIA_ERR_SRC_NOT_SUPPORTED, or a bare
 * `error` on <img>), but proof-of-play must tell "file not there" from "file broken": ask the
 * server once.
 */
export async function classifyFailure(url: string): Promise<SkipReason> {
  try {
    const res = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return res.status === 404 || res.status === 410 ? 'missing' : 'decode-error';
  } catch {
    return 'missing';
  }
}
