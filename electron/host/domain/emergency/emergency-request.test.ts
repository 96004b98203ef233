import { describe, expect, it } from 'vitest';
import type { EmergencyTemplate } from '../../../contract/emergency.js';
import { parseEmergencyRequest } from './emergency-request.js';

const templates: Record<string, EmergencyTemplate> = {
  evacuation: { level: 'evacuate', text: { 'zh-CN': '请立即疏散', en: 'Please leave now' } },
  'fire-drill': { level: 'alert', text: { 'zh-CN': '消防演习', en: 'Fire drill' } },
};

describe('the body of POST /api/emergency', () => {
  it('takes a template, zh-CN first, at its own level unless the request names one', () => {
    expect(parseEmergencyRequest({ template: 'evacuation' }, templates)).toStrictEqual({
      level: 'evacuate',
      lines: [
        { lang: 'zh-CN', text: '请立即疏散' },
        { lang: 'en', text: 'Please leave now' },
      ],
      template: 'evacuation',
    });
    expect(parseEmergencyRequest({ template: 'fire-drill', level: 'notice' }, templates)).toMatchObject({ level: 'notice', template: 'fire-drill' });
  });

  it('takes free text in both languages, Chinese first whatever the order given, an alert by default', () => {
    expect(parseEmergencyRequest({ text: { en: ' Leave now ', 'zh-CN': '请离开' } }, templates)).toStrictEqual({
      level: 'alert',
      lines: [
        { lang: 'zh-CN', text: '请离开' },
        { lang: 'en', text: 'Leave now' },
      ],
      template: null,
    });
  });

  it('reads one string in the language it is written in', () => {
    expect(parseEmergencyRequest({ text: '系统故障', level: 'notice' }, templates)).toMatchObject({ level: 'notice', lines: [{ lang: 'zh-CN', text: '系统故障' }] });
    expect(parseEmergencyRequest({ text: 'System failure' }, templates)).toMatchObject({ lines: [{ lang: 'en', text: 'System failure' }] });
  });

  it('refuses an emergency with neither template nor text, naming the templates there are', () => {
    expect(parseEmergencyRequest({ level: 'evacuate' }, templates)).toStrictEqual({
      reason: 'invalid-request',
      error: 'an emergency needs words: give "template" (evacuation, fire-drill) or "text" {"zh-CN": "…", "en": "…"}',
    });
  });

  it('refuses an unknown template as not found, listing the ones in announcements.json', () => {
    expect(parseEmergencyRequest({ template: 'flood' }, templates)).toStrictEqual({
      reason: 'not-found',
      error: 'unknown emergency template "flood"; announcements.json "emergencyTemplates" has: evacuation, fire-drill',
    });
    // Not an inherited property either.
    expect(parseEmergencyRequest({ template: 'constructor' }, templates)).toMatchObject({ reason: 'not-found' });
  });

  it.each([
    [null, 'send a JSON object'],
    [{ template: 'evacuation', text: '疏散' }, 'give either "template" or "text", not both'],
    [{ template: 'evacuation', level: 'panic' }, '"level" must be one of notice, alert, evacuate, got "panic"'],
    [{ text: {} }, '"text" is empty'],
    [{ text: ['疏散'] }, '"text" must be a string or {"zh-CN": "…", "en": "…"}'],
    [{ text: { fr: 'Évacuez' } }, '"text" has language "fr"'],
    [{ text: { 'zh-CN': '  ' } }, '"text"["zh-CN"] must be words'],
    [{ text: { en: 'x'.repeat(501) } }, 'is 501 characters; the limit is 500'],
    [{ text: '疏散', priority: 'emergency' }, 'unknown field "priority"'],
  ])('refuses %j as an invalid request', (body, message) => {
    const outcome = parseEmergencyRequest(body, templates);
    expect(outcome).toMatchObject({ reason: 'invalid-request' });
    expect((outcome as { error: string }).error).toContain(message);
  });
});
