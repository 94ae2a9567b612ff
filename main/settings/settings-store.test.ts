import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { koppelErrorOf } from '../../shared/api/testing/koppel-error-of';
import { SETTINGS_SCHEMA_VERSION } from '../../shared/settings/settings';
import { createConfBackend } from './conf-backend';
import { SettingsStore } from './settings-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder whose settings.json holds `document`. */
function dataDirWith(document: unknown): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-settings-'));
  dirs.push(dir);
  const file = path.join(dir, 'settings.json');
  fs.writeFileSync(file, JSON.stringify(document));
  return { dir, file };
}

/** What opening the settings in `dir` throws. */
const refusal = (dir: string) => koppelErrorOf(() => new SettingsStore(createConfBackend(dir)));

describe('settings store', () => {
  it('migrates an older document and writes it back', () => {
    const { dir, file } = dataDirWith({ locale: 'nl-BE', darkMode: true });
    const settings = new SettingsStore(createConfBackend(dir)).get();
    expect(settings).toMatchObject({ language: 'nl', theme: 'dark', schemaVersion: SETTINGS_SCHEMA_VERSION });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
    });
  });

  it('refuses a document from a newer Koppel, naming the file, and leaves it as it was', () => {
    const newer = SETTINGS_SCHEMA_VERSION + 1;
    const { dir, file } = dataDirWith({ schemaVersion: newer, language: 'nl' });
    const error = refusal(dir);
    const problem = `Settings were written by a newer Koppel (schema ${newer}; this version reads up to ${SETTINGS_SCHEMA_VERSION}).`;
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: `${problem} (file: ${file})`,
      text: { code: 'settingsUnreadable', params: { problem, file } },
    });
    // The migration's own words have no code yet: they stay English inside the Dutch sentence.
    expect(apiMessageIn(error, 'nl')).toBe(
      `De instellingen zijn niet te lezen: ${problem} (bestand: ${file})`,
    );
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ schemaVersion: newer, language: 'nl' });
  });
});
