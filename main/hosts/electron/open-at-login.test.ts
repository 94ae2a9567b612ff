import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartFile,
  BACKGROUND_FLAG,
  loginArgs,
  setLinuxAutostart,
} from './open-at-login';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('open at login', () => {
  it('starts in the background, on the data folder chosen with --data-dir, from source with the app folder', () => {
    expect(loginArgs({})).toEqual([BACKGROUND_FLAG]);
    expect(loginArgs({ dataDirFlag: '/srv/koppel' })).toEqual([BACKGROUND_FLAG, '--data-dir=/srv/koppel']);
    expect(loginArgs({ appPath: '/home/an/koppel' })).toEqual(['/home/an/koppel', BACKGROUND_FLAG]);
  });

  it('writes an XDG autostart entry whose Exec quotes what the specification reserves, and removes it', () => {
    const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-autostart-'));
    dirs.push(configHome);
    const command = '/opt/Koppel 2/koppel';
    setLinuxAutostart(configHome, true, command, loginArgs({ dataDirFlag: '/data/100% "mine"' }));
    const entry = fs.readFileSync(autostartFile(configHome), 'utf8');
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(entry).toContain('Type=Application\n');
    // Quoted for the space; %% for the field-code sign; \" inside quotes, each backslash doubled
    // again by the desktop-entry string escape.
    expect(entry).toContain(
      'Exec="/opt/Koppel 2/koppel" --background "--data-dir=/data/100%% \\\\"mine\\\\""\n',
    );
    // Writing it again replaces it; turning it off removes it (and twice is no error).
    setLinuxAutostart(configHome, true, '/usr/bin/koppel', loginArgs({}));
    expect(fs.readFileSync(autostartFile(configHome), 'utf8')).toContain(
      'Exec=/usr/bin/koppel --background\n',
    );
    setLinuxAutostart(configHome, false, '/usr/bin/koppel', []);
    setLinuxAutostart(configHome, false, '/usr/bin/koppel', []);
    expect(fs.existsSync(autostartFile(configHome))).toBe(false);
  });

  it('quotes an empty argument and leaves plain ones as they are', () => {
    expect(autostartEntry('koppel', ['', 'a-b_c/d.e=f'])).toContain('Exec=koppel "" a-b_c/d.e=f\n');
  });
});
