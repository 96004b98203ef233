/**
 * The hall's time zone (schedule.json), read once per page load: instants from the player are shown
 * on the hall's clock, whatever the zone of the phone or PC the console is opened on.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { Schedule } from '../api/playlist-types.js';
import type { FileAnswer } from '../api/types.js';

let known: Promise<string | null> | null = null;

export function useHallZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    known ??= api<FileAnswer<Schedule>>('GET', 'files/schedule.json').then((a) => {
      if (a.ok) return a.data.content.timezone ?? null;
      known = null;
      return null;
    });
    void known.then(setZone);
  }, []);
  return zone;
}
