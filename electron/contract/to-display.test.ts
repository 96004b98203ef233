import { describe, expect, it } from 'vitest';
import { parseToDisplay } from './to-display.js';

describe('parseToDisplay', () => {
  const play = {
    id: 'a1',
    kind: 'call',
    clips: ['/media/voice/zh-CN/chime.ogg', '/media/voice/zh-CN/qing.ogg'],
    leadIn: 1,
    repeat: 1,
    pauseSeconds: 0.8,
    duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 },
    lines: [{ lang: 'zh-CN', text: '请 A023 号到 5 号窗口' }],
    speak: true,
  };
  const frame = (announce: unknown) => ({ type: 'announce', announce });

  it('takes the emergency in force, or none, and drops one whose words or level it cannot show', () => {
    const emergency = { id: 'e1', level: 'evacuate', lines: [{ lang: 'zh-CN', text: '请立即疏散' }, { lang: 'en', text: 'Please leave now' }], template: null, raisedAt: 1 };
    expect(parseToDisplay({ type: 'emergency', emergency })).toEqual({ type: 'emergency', emergency });
    expect(parseToDisplay({ type: 'emergency', emergency: null })).toEqual({ type: 'emergency', emergency: null });
    for (const broken of [{ ...emergency, level: 'panic' }, { ...emergency, lines: '请立即疏散' }, { ...emergency, lines: [{ lang: 'fr', text: 'x' }] }, { ...emergency, raisedAt: null }, undefined]) {
      expect(parseToDisplay({ type: 'emergency', emergency: broken })).toBeNull();
    }
  });

  it('takes announce frames: a play and a stop', () => {
    expect(parseToDisplay(frame({ type: 'play', play }))).toEqual({ type: 'announce', announce: { type: 'play', play } });
    expect(parseToDisplay(frame({ type: 'stop', id: 'a1', reason: 'ended' }))).toEqual({ type: 'announce', announce: { type: 'stop', id: 'a1', reason: 'ended' } });
  });

  it('drops an announce frame with a missing or mistyped field rather than play it', () => {
    const broken: unknown[] = [
      { type: 'play' },
      { type: 'play', play: { ...play, clips: '/media/voice/zh-CN/qing.ogg' } },
      { type: 'play', play: { ...play, clips: [1] } },
      { type: 'play', play: { ...play, repeat: 0 } },
      { type: 'play', play: { ...play, leadIn: 0.5 } },
      { type: 'play', play: { ...play, pauseSeconds: -1 } },
      { type: 'play', play: { ...play, duck: { depthDb: '-15', attackSeconds: 0.5, releaseSeconds: 1.5 } } },
      { type: 'play', play: { ...play, lines: [{ lang: 'fr', text: 'x' }] } },
      { type: 'play', play: { ...play, kind: 'music' } },
      { type: 'play', play: { ...play, speak: 'yes' } },
      { type: 'stop', id: 'a1' },
      { type: 'pause', id: 'a1' },
      null,
    ];
    for (const b of broken) expect(parseToDisplay(frame(b))).toBeNull();
    expect(parseToDisplay({ type: 'announce' })).toBeNull();
  });

  it('takes a clock echo only with both times as numbers', () => {
    expect(parseToDisplay({ type: 'clock', clock: { sent: 1, host: 2 } })).toEqual({ type: 'clock', clock: { sent: 1, host: 2 } });
    expect(parseToDisplay({ type: 'clock', clock: { sent: 1, host: null } })).toBeNull();
    expect(parseToDisplay({ type: 'clock', clock: { sent: '1', host: 2 } })).toBeNull();
  });

  it('still takes states and boards', () => {
    expect(parseToDisplay({ type: 'queue', queue: null })).toEqual({ type: 'queue', queue: null });
    expect(parseToDisplay({ type: 'state', state: { layout: {} } })).toBeNull();
  });
});
