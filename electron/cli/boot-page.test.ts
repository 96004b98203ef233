import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bootPageHtml, writeBootPage } from './boot-page.js';

describe('kiosk boot page', () => {
  it('polls the player’s health route and then replaces itself with the player', () => {
    const html = bootPageHtml('http://127.0.0.1:8080/');
    expect(html).toContain(`fetch("http://127.0.0.1:8080/api/health", { mode: 'no-cors', cache: 'no-store' })`);
    expect(html).toContain('location.replace("http://127.0.0.1:8080/")');
    expect(html).toContain('background:#0b1f3a');
  });

  it("moves on to the display's own page (?display=ID), asking health at the player's root", () => {
    const html = bootPageHtml('http://127.0.0.1:8080/?display=waiting');
    expect(html).toContain('fetch("http://127.0.0.1:8080/api/health"');
    expect(html).toContain('location.replace("http://127.0.0.1:8080/?display=waiting")');
  });

  it('keeps a URL from breaking out of the script', () => {
    const html = bootPageHtml('http://127.0.0.1:8080/"</script><script>alert(1)//');
    expect(html).not.toContain('</script><script>alert(1)');
  });

  it('hands the page over as a data: URL when the state disk refuses it, so the kiosk still starts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-boot-'));
    try {
      writeFileSync(path.join(dir, 'state'), 'a file where the state folder should be');
      const url = writeBootPage(path.join(dir, 'state'), 'http://127.0.0.1:8080/');
      expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
      expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(bootPageHtml('http://127.0.0.1:8080/'));
      expect(writeBootPage(dir, 'http://127.0.0.1:8080/')).toBe(`file://${dir}/kiosk-boot.html`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
