import { describe, expect, it } from 'vitest';
import { displayPageUrl } from './display-page.js';

describe('the display page of a shell', () => {
  it('adds ?display=ID, keeping any query and replacing a display already named', () => {
    expect(displayPageUrl('http://127.0.0.1:8080/', 'waiting')).toBe('http://127.0.0.1:8080/?display=waiting');
    expect(displayPageUrl('http://127.0.0.1:8080/?token=abc', 'counter-5')).toBe('http://127.0.0.1:8080/?token=abc&display=counter-5');
    expect(displayPageUrl('file:///state/kiosk-boot.html?x=1&display=old', 'kiosk')).toBe('file:///state/kiosk-boot.html?x=1&display=kiosk');
    expect(displayPageUrl('hallcast://app/', 'entrance')).toBe('hallcast://app/?display=entrance');
  });
});
