import { describe, expect, it } from 'vitest';
import { coverScreenFlags, displayProblem, parseXdpyinfo } from './kiosk-display.js';

// xdpyinfo's output, cut to what matters, from an X server with two screens.
const XDPYINFO = `name of display:    :0
version number:    11.0
number of screens:    2

screen #0:
  dimensions:    1920x1080 pixels (508x285 millimeters)
  resolution:    96x96 dots per inch

screen #1:
  dimensions:    1080x1920 pixels (285x508 millimeters)
  resolution:    96x96 dots per inch
`;

describe('the kiosk display', () => {
  it('says in one line that no display is named, and nothing when one is', () => {
    expect(displayProblem({})).toBe("no X display: DISPLAY is not set — run inside the hall PC's graphical session, or use `hallcast serve`");
    expect(displayProblem({ DISPLAY: '' })).not.toBeNull();
    expect(displayProblem({ DISPLAY: ':0' })).toBeNull();
    // Chromium opens a Wayland session's display itself.
    expect(displayProblem({ WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
  });

  it("reads the size of the display's screen from xdpyinfo", () => {
    expect(parseXdpyinfo(XDPYINFO, ':0')).toStrictEqual({ width: 1920, height: 1080 });
    expect(parseXdpyinfo(XDPYINFO, ':0.1')).toStrictEqual({ width: 1080, height: 1920 });
    expect(parseXdpyinfo(XDPYINFO, 'localhost:10.0')).toStrictEqual({ width: 1920, height: 1080 });
    expect(parseXdpyinfo(XDPYINFO, ':0.2')).toBeNull();
    expect(parseXdpyinfo('xdpyinfo:  unable to open display ":5".', ':5')).toBeNull();
  });

  it('asks for a window one pixel larger than the screen, at its corner', () => {
    expect(coverScreenFlags({ width: 1920, height: 1080 })).toStrictEqual(['--window-position=0,0', '--window-size=1921,1081']);
  });
});
