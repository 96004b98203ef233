import { describe, expect, it } from 'vitest';
import { announceBody, announcementFields, freshAnnouncementId } from './announcement-fields.js';
import { placeDiagnostics } from './diagnostic-places.js';

const file = {
  timed: [{ id: 'belongings', cron: '0,30 9-19 * * *', text: { 'zh-CN': '请保管好您的随身物品' } }],
  careRules: [{ id: 'general-busy', service: 'A', waitingAtLeast: 25, slide: { title: { 'zh-CN': '排队较长' } } }],
};

describe('announcement fields', () => {
  it('places findings at timed notices and care rules', () => {
    const placed = placeDiagnostics(
      [
        { file: 'announcements.json', line: 1, col: 1, severity: 'error', message: 'cron', pointer: '/timed/0/cron' },
        { file: 'announcements.json', line: 1, col: 1, severity: 'error', message: 'needs en', pointer: '/careRules/0/slide/title' },
        { file: 'announcements.json', line: 1, col: 1, severity: 'error', message: 'tts', pointer: '/tts/engine' },
      ],
      'announcements.json',
      announcementFields(file),
    );
    expect(placed.at.get('/timed/0/cron')).toHaveLength(1);
    expect(placed.at.get('/careRules/0/slide/title')).toHaveLength(1);
    // A setting the console has no form for goes to the file as a whole.
    expect(placed.at.get('')).toHaveLength(1);
  });
  it('makes ids unique across both lists', () => {
    expect(freshAnnouncementId({ timed: [{ id: 'notice-1', cron: '', text: { 'zh-CN': '' } }], careRules: [{ id: 'notice-2', service: 'A' }] }, 'notice')).toBe('notice-3');
  });
});

describe('announceBody', () => {
  it('sends the text of the chosen languages', () => {
    expect(announceBody({ zh: ' 请注意 ', en: '', languages: ['zh-CN'], priority: 'pa', repeat: 1 })).toEqual({ text: { 'zh-CN': '请注意' }, languages: ['zh-CN'], priority: 'pa', repeat: 1 });
  });
  it('refuses a chosen language without text, or no language', () => {
    expect(announceBody({ zh: '请注意', en: '', languages: ['zh-CN', 'en'], priority: 'pa', repeat: 1 })).toBeNull();
    expect(announceBody({ zh: '请注意', en: 'Attention', languages: [], priority: 'pa', repeat: 1 })).toBeNull();
  });
});
