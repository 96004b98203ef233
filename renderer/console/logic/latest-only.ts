/**
 * Of overlapping requests for the same list, only the answer to the latest may be shown: one asked
 * earlier can answer later (the media library's first listing probes every file, a later one is
 * cached) and would put back a list that misses what was added meanwhile.
 */
export function latestOnly<T>(): (asking: Promise<T>) => Promise<T | null> {
  let asked = 0;
  return async (asking) => {
    const mine = ++asked;
    const answer = await asking;
    return mine === asked ? answer : null;
  };
}
