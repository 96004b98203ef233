/** A programme's id is its file name: programmes/ID.json, ID in lowercase letters, digits and '-'. */
export const PROGRAMME_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type IdProblem = 'empty' | 'pattern' | 'taken';

export function programmeIdProblem(id: string, existing: readonly string[]): IdProblem | null {
  if (id === '') return 'empty';
  if (!PROGRAMME_ID.test(id)) return 'pattern';
  if (existing.includes(id)) return 'taken';
  return null;
}

/** A suggestion from a title: "Spring Offers 2027" → "spring-offers-2027" (Chinese titles give ""). */
export function suggestId(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function programmePath(id: string): string {
  return `programmes/${id}.json`;
}

export function programmeIdOf(path: string): string | null {
  const match = /^programmes\/([^/]+)\.json$/.exec(path);
  return match ? match[1]! : null;
}
