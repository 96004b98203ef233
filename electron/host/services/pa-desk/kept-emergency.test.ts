import { describe, expect, it } from 'vitest';
import { createHealth } from '../../domain/health/health.js';
import { openKeptEmergency, parseKeptEmergency, type KeptEmergency, type KeptEmergencyIo } from './kept-emergency.js';

const KEPT: KeptEmergency = {
  id: 'e1',
  level: 'evacuate',
  lines: [
    { lang: 'zh-CN', text: '请立即疏散' },
    { lang: 'en', text: 'Please leave now' },
  ],
  template: 'evacuation',
  raisedAt: 1_796_000_000_000,
  raisedBy: { via: 'console', who: 'floor manager' },
};

function memoryIo(files: Map<string, string>, full = false): KeptEmergencyIo {
  return {
    read: (file) => files.get(file) ?? null,
    writeWhole(file, text) {
      if (full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      files.set(file, text);
    },
    remove: (file) => void files.delete(file),
  };
}

describe('the emergency kept across restarts', () => {
  it('reads back what it wrote', () => {
    const files = new Map<string, string>();
    const kept = openKeptEmergency('/state', { log: { info: () => undefined, warn: () => undefined }, io: memoryIo(files) });
    kept.save(KEPT);
    expect(kept.load()).toStrictEqual(KEPT);
    kept.save(null);
    expect(files.size).toBe(0);
    expect(kept.load()).toBeNull();
  });

  it('restores nothing from a cut-off or wrong file, in one line naming the file', () => {
    const text = JSON.stringify(KEPT);
    for (const [broken, why] of [
      [text.slice(0, 40), 'not JSON'],
      [JSON.stringify({ ...KEPT, level: 'panic' }), '"level"'],
      [JSON.stringify({ ...KEPT, lines: [] }), '"lines"'],
      [JSON.stringify({ ...KEPT, raisedBy: null }), '"raisedBy"'],
    ] as const) {
      const warned: string[] = [];
      const kept = openKeptEmergency('/state', { log: { info: () => undefined, warn: (m) => void warned.push(m) }, io: memoryIo(new Map([['/state/emergency.json', broken]])) });
      expect(kept.load()).toBeNull();
      expect(warned).toHaveLength(1);
      expect(warned[0]).toContain('/state/emergency.json');
      expect(warned[0]).toContain(why);
      expect(warned[0]).toContain('POST /api/emergency');
    }
    expect(parseKeptEmergency(text)).toStrictEqual(KEPT);
  });

  it('a full disk is a disk condition in health, and the save never throws', () => {
    const health = createHealth({ now: () => 0, log: { info: () => undefined, warn: () => undefined } });
    const kept = openKeptEmergency('/state', { log: { info: () => undefined, warn: () => undefined }, health, io: memoryIo(new Map(), true) });
    expect(() => kept.save(KEPT)).not.toThrow();
    expect(health.isActive('disk', 'emergency')).toBe(true);
  });
});
