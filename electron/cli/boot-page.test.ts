import { describe, expect, it } from 'vitest';
import { bootPageHtml } from './boot-page.js';

describe('kiosk boot page', () => {
  it('polls the player’s health route and then replaces itself with the player', () => {
    const html = bootPageHtml('http://127.0.0.1:8080/');
    expect(html).toContain(`fetch("http://127.0.0.1:8080/api/health", { mode: 'no-cors', cache: 'no-store' })`);
    expect(html).toContain('location.replace("http://127.0.0.1:8080/")');
    expect(html).toContain('background:#0b1f3a');
  });

  it('keeps a URL from breaking out of the script', () => {
    const html = bootPageHtml('http://127.0.0.1:8080/"</script><script>alert(1)//');
    expect(html).not.toContain('</script><script>alert(1)');
  });
});
