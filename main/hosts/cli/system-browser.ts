/**
 * Whether this process runs in a session with a screen, where a browser can open: Windows and
 * macOS unless reached over SSH, Linux and the BSDs with an X or Wayland display. A server over SSH
 * has none; there the address is only printed.
 */
export function hasDesktopSession(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (env.SSH_CONNECTION || env.SSH_TTY) return false;
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Opens `url` in the system's browser where there is a desktop session; true once the browser was
 * started (`open`: the usual way Node tools do it, with each system's own opener, WSL included).
 */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!hasDesktopSession(env)) return false;
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    // The opener reports a missing program later, as an event; it must not end the command.
    child.on('error', () => undefined);
    return true;
  } catch {
    return false;
  }
}
