import { describe, expect, it } from 'vitest';
import { hasDesktopSession, openInBrowser } from './system-browser';

describe('hasDesktopSession', () => {
  it('is there on Windows and macOS, and on Linux with an X or Wayland display, never over SSH', () => {
    expect(hasDesktopSession({}, 'win32')).toBe(true);
    expect(hasDesktopSession({}, 'darwin')).toBe(true);
    expect(hasDesktopSession({}, 'linux')).toBe(false);
    expect(hasDesktopSession({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDesktopSession({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toBe(true);
    expect(
      hasDesktopSession({ DISPLAY: 'localhost:10.0', SSH_CONNECTION: '10.0.0.2 51234 10.0.0.1 22' }, 'linux'),
    ).toBe(false);
    expect(hasDesktopSession({ SSH_TTY: '/dev/pts/1' }, 'darwin')).toBe(false);
  });

  it('opens nothing without one: the address is only printed', async () => {
    expect(
      await openInBrowser('https://focus.teamleader.eu/oauth2/authorize', { SSH_TTY: '/dev/pts/1' }),
    ).toBe(false);
  });
});
