import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  const home = '/home/ann';

  it('uses ~/.config/Koppel on Linux, like Electron userData', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home })).toBe('/home/ann/.config/Koppel');
  });

  it('honours XDG_CONFIG_HOME on Linux', () => {
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home })).toBe('/xdg/Koppel');
  });

  it('uses ~/Library/Application Support/Koppel on macOS', () => {
    expect(resolveDataDir({ env: {}, platform: 'darwin', home })).toBe(
      '/home/ann/Library/Application Support/Koppel',
    );
  });

  it('uses %APPDATA%\\Koppel on Windows', () => {
    const dir = resolveDataDir({
      env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
      platform: 'win32',
      home,
    });
    expect(dir.endsWith('Koppel')).toBe(true);
    expect(dir).toContain('Roaming');
  });

  it('prefers --data-dir over KOPPEL_DATA_DIR over the OS folder', () => {
    expect(
      resolveDataDir({ flag: '/tmp/a', env: { KOPPEL_DATA_DIR: '/tmp/b' }, platform: 'linux', home }),
    ).toBe(path.resolve('/tmp/a'));
    expect(resolveDataDir({ env: { KOPPEL_DATA_DIR: '/tmp/b' }, platform: 'linux', home })).toBe(
      path.resolve('/tmp/b'),
    );
  });
});
