/**
 * The PA's verbs: announce now, see the announcement queue, and find a rendered speech clip (the
 * displays fetch them by name). Outcomes carry a reason, never an HTTP code.
 */
import { stat } from 'node:fs/promises';
import type { Host } from '../host.js';
import type { AnnouncementsView } from '../../contract/announcements-view.js';
import type { AnnounceOutcome } from '../services/pa-desk/announcement-desk.js';
import { speechFile } from '../services/pa-desk/speech-clips.js';

export interface PaCommands {
  /** The body of `POST /api/announce`: a template, free text or a call (playlists/README.md). */
  announce(body: unknown): Promise<AnnounceOutcome>;
  announcements(): AnnouncementsView;
  /** A rendered clip by its name, or null when there is none by that name. */
  speechClip(name: string): Promise<{ path: string; bytes: number } | null>;
}

export function paCommands(host: Host): PaCommands {
  return {
    announce: (body) => host.pa.request(body),
    announcements: () => host.pa.desk.view(),
    async speechClip(name) {
      const file = speechFile(host.pa.speechDir, name);
      const info = file ? await stat(file).catch(() => null) : null;
      return file && info?.isFile() ? { path: file, bytes: info.size } : null;
    },
  };
}
