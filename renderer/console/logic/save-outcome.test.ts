import { describe, expect, it } from 'vitest';
import { readAnswer, retrySeconds } from '../api/answer.js';
import type { SaveAnswer } from '../api/types.js';
import { changedOnDisk, saveOutcome } from './save-outcome.js';

const answer = (status: number, body: unknown, retry: string | null = null) => readAnswer<SaveAnswer>(status, retry, body === undefined ? '' : JSON.stringify(body));

describe('saveOutcome', () => {
  it('reads a save', () => {
    expect(saveOutcome(answer(200, { version: 'abc', applied: true }))).toEqual({ kind: 'saved', version: 'abc' });
  });
  it('reads findings with their pointers', () => {
    const outcome = saveOutcome(answer(422, { error: 'refused', diagnostics: [{ file: 'programmes/a.json', line: 4, col: 7, severity: 'error', message: 'duration must be > 0', pointer: '/items/0/duration' }, 'junk'] }));
    expect(outcome.kind).toBe('invalid');
    expect(outcome.kind === 'invalid' && outcome.diagnostics.map((d) => d.pointer)).toEqual(['/items/0/duration']);
  });
  it('reads a conflict with the current version, and a full disk', () => {
    expect(saveOutcome(answer(409, { error: 'changed by someone else', version: 'v2' }))).toEqual({ kind: 'conflict', error: 'changed by someone else', version: 'v2' });
    expect(saveOutcome(answer(507, { error: 'the disk is full: nothing was saved' }))).toMatchObject({ kind: 'disk-full' });
  });
  it('keeps any other failure with its status', () => {
    expect(saveOutcome(answer(403, { error: 'missing CSRF token' }))).toEqual({ kind: 'failed', status: 403, error: 'missing CSRF token' });
    expect(saveOutcome(readAnswer(502, null, '<html>bad gateway</html>'))).toMatchObject({ kind: 'failed', status: 502, error: '<html>bad gateway</html>' });
    expect(saveOutcome(answer(500, undefined))).toMatchObject({ error: 'HTTP 500' });
  });
});

describe('readAnswer', () => {
  it('reads Retry-After on a 429 only', () => {
    expect(readAnswer(429, '42', '{"error":"too many attempts"}')).toMatchObject({ ok: false, retryAfter: 42 });
    expect(readAnswer(401, '42', '{"error":"wrong password"}')).toMatchObject({ retryAfter: null, error: 'wrong password' });
  });
  it('reads Retry-After as seconds or a date', () => {
    expect(retrySeconds(null)).toBe(60);
    expect(retrySeconds('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30);
  });
});

describe('changedOnDisk', () => {
  it('notices a new version, a deletion, and a file made meanwhile', () => {
    expect(changedOnDisk('v1', 'v1', false)).toBe(false);
    expect(changedOnDisk('v1', 'v2', false)).toBe(true);
    expect(changedOnDisk('v1', undefined, false)).toBe(true);
    expect(changedOnDisk(null, undefined, true)).toBe(false);
    expect(changedOnDisk(null, 'v1', true)).toBe(true);
  });
});
