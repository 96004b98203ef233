/**
 * Decoded clips by URL, most recently used kept. A voice pack is ~120 short clips, but free text
 * comes from the host's speech cache as a new URL per sentence, so an unbounded map would grow for
 * as long as the display runs (a decoded second is ~190 KB).
 */
export const MAX_CLIPS = 256;

export class ClipCache<T = AudioBuffer> {
  private readonly clips = new Map<string, Promise<T>>();

  constructor(
    private readonly load: (url: string) => Promise<T>,
    private readonly max = MAX_CLIPS,
  ) {}

  get(url: string): Promise<T> {
    let clip = this.clips.get(url);
    if (clip) {
      // Most recently used goes last: Map keeps insertion order, so the first key is the oldest.
      this.clips.delete(url);
      this.clips.set(url, clip);
      return clip;
    }
    clip = this.load(url);
    // Forget a failure so the next play retries (the file may be deployed by then).
    clip.catch(() => {
      if (this.clips.get(url) === clip) this.clips.delete(url);
    });
    this.clips.set(url, clip);
    while (this.clips.size > this.max) this.clips.delete(this.clips.keys().next().value!);
    return clip;
  }

  get size(): number {
    return this.clips.size;
  }

  has(url: string): boolean {
    return this.clips.has(url);
  }
}
