import { describe, expect, it } from 'vitest';
import type { DiversionSlide } from '../../../electron/contract/messages.js';
import { diversionAt } from './diversion-slide.js';

const slide: DiversionSlide = {
  rule: 'bills-busy',
  title: { 'zh-CN': '缴费请到自助终端', en: 'Pay bills at the self-service kiosks' },
  body: null,
  image: null,
  background: '#0a4fa0',
  color: '#ffffff',
  until: 1_700_000_030_000,
};

describe('diversionAt', () => {
  it('shows the slide until its time on the host clock, and not from that instant on', () => {
    expect(diversionAt(slide, 1_700_000_029_999)).toBe(slide);
    expect(diversionAt(slide, 1_700_000_030_000)).toBeNull();
  });

  it('shows nothing when the host sends none', () => {
    expect(diversionAt(null, 0)).toBeNull();
  });
});
