import { describe, expect, it } from 'vitest';
import { pathProblem } from './canonical-path.js';

describe('canonical path', () => {
  it('accepts the spellings browsers and the player write', () => {
    for (const target of ['/', '/index.html', '/api/status', '/api/timeline?date=2026-12-01&days=2', '/admin/', '/ws?token=a%2Fb', '/media/video/%E5%A4%A7%E5%8E%85.mp4', '/media/images/slide%20one.png', '/media/50%25.png', '/media/a(1)!.png']) {
      expect({ target, problem: pathProblem(target) }).toEqual({ target, problem: null });
    }
  });

  it('refuses every other spelling of a path, with the reason', () => {
    expect(pathProblem('/%61pi/status')).toBe('%61 stands for "a", which is written as itself');
    expect(pathProblem('/api/st%41tus')).toBe('%41 stands for "A", which is written as itself');
    expect(pathProblem('/api/%2e%2e/x')).toBe('%2e stands for ".", which is written as itself');
    expect(pathProblem('/%2561pi/status')).toBe('%2561 is encoded twice');
    expect(pathProblem('//api/status')).toBe('it has an empty segment (//)');
    expect(pathProblem('/api//status')).toBe('it has an empty segment (//)');
    expect(pathProblem('/api/./status')).toBe('it has a dot segment (. or ..)');
    expect(pathProblem('/api/x/../status')).toBe('it has a dot segment (. or ..)');
    expect(pathProblem('/api/status/.')).toBe('it has a dot segment (. or ..)');
    expect(pathProblem('/api/status/..')).toBe('it has a dot segment (. or ..)');
    expect(pathProblem('/api\\status')).toBe('it has a backslash');
    expect(pathProblem('/media/..%2Fetc%2Fpasswd')).toBe('%2F hides a path separator');
    expect(pathProblem('/media/x%5Cy')).toBe('%5C hides a path separator');
    expect(pathProblem('/media/x%00.png')).toBe('%00 hides a path separator');
    expect(pathProblem('/api/%zz')).toBe('it has a malformed percent-escape');
    expect(pathProblem('/api/%4')).toBe('it has a malformed percent-escape');
    expect(pathProblem('http://player/api/status')).toBe('it does not start with /');
    expect(pathProblem('*')).toBe('it does not start with /');
  });
});
