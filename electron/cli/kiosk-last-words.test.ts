import { describe, expect, it } from 'vitest';
import { lastWords } from './kiosk-last-words.js';

describe("a dead browser's last words", () => {
  it("quotes Chromium's last lines without their [pid:tid:time: prefix, leaving out its zygotes' broken pipes", () => {
    const lines = [
      '/usr/bin/chromium: 9: [: 25276157952: unexpected operator',
      '[1611:1656:1207/111235.156115:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Failed to connect to socket /run/dbus/system_bus_socket: No such file or directory',
      '[1611:1611:1207/111235.549986:ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY',
      '[1611:1611:1207/111235.552807:ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting.',
      '[1641:1641:0100/000000.443105:ERROR:content/zygote/zygote_linux.cc:662] write: Broken pipe (32)',
      '',
      '[1644:1644:0100/000000.587894:ERROR:content/zygote/zygote_linux.cc:662] write: Broken pipe (32)',
    ];
    expect(lastWords(lines, 2)).toBe('"ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY" "ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting."');
  });

  it('leaves out D-Bus complaints, which arrive in any order and pushed the cause out in CI', () => {
    const lines = [
      '[1:1:1207/133000.1:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Could not parse server address',
      '[1:1:1207/133000.2:ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY',
      '[1:1:1207/133000.3:ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting.',
      '[1:9:1207/133000.4:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Failed to connect to socket /run/dbus/system_bus_socket',
      '[1:9:1207/133000.5:ERROR:dbus/object_proxy.cc:572] Failed to call method: org.freedesktop.DBus.NameHasOwner',
    ];
    expect(lastWords(lines)).toBe('"ERROR:ui/ozone/platform/x11/ozone_platform_x11.cc:257] Missing X server or $DISPLAY" "ERROR:ui/aura/env.cc:253] The platform failed to initialize.  Exiting."');
  });

  it('cuts a long line and says nothing when there was nothing', () => {
    expect(lastWords(['y'.repeat(1_000)])).toBe(`"${'y'.repeat(300)}…"`);
    expect(lastWords([])).toBe('');
  });
});
