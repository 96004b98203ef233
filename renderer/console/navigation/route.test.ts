import { describe, expect, it } from 'vitest';
import { backTarget, parseRoute, signInHref } from './route.js';

describe('parseRoute', () => {
  it('reads pages and their parameters', () => {
    expect(parseRoute('#/programmes').page).toBe('programmes');
    expect(parseRoute('#/programmes/morning')).toMatchObject({ page: 'programme', param: 'morning' });
    expect(parseRoute('#/history/h-12')).toMatchObject({ page: 'history', param: 'h-12' });
    expect(parseRoute('#/schedule?date=2026-12-01').query.get('date')).toBe('2026-12-01');
  });
  it('falls back to the status page', () => {
    expect(parseRoute('').page).toBe('status');
    expect(parseRoute('#/nowhere').page).toBe('status');
    expect(parseRoute('#/%E0%A4%A').page).toBe('status');
  });
});

describe('sign-in round trip', () => {
  it('comes back to the page the user was on', () => {
    const target = signInHref('#/programmes/morning', true);
    const route = parseRoute(target);
    expect(route.page).toBe('sign-in');
    expect(route.query.get('expired')).toBe('1');
    expect(backTarget(route.query)).toBe('#/programmes/morning');
  });
  it('never goes back to another address or to sign-in itself', () => {
    expect(backTarget(new URLSearchParams('back=https://evil.example/'))).toBe('#/status');
    expect(backTarget(new URLSearchParams('back=#/sign-in'))).toBe('#/status');
    expect(signInHref('#/sign-in?back=x', false)).toBe('#/sign-in');
  });
});
