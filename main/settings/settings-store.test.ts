import fs from 'node:fs';
import { tillConnection } from '../../shared/connections/testing/till-connection';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { koppelErrorOf } from '../../shared/api/testing/koppel-error-of';
import { SETTINGS_SCHEMA_VERSION, SettingsPatch } from '../../shared/settings/settings';
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
  it('makes the data folder id once: two processes on one folder agree, and later changes keep it', () => {
    const { dir, file } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION });
    // Both opened before either made the id.
    const [first, second] = [
      new SettingsStore(createConfBackend(dir)),
      new SettingsStore(createConfBackend(dir)),
    ];
    const id = first.folderId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(second.folderId()).toBe(id);
    second.update({ theme: 'dark' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ folderId: id, theme: 'dark' });
    expect(first.folderId()).toBe(id);
  });

  it('migrates an older document and writes it back', () => {
    const { dir, file } = dataDirWith({ locale: 'nl-BE', darkMode: true });
    const settings = new SettingsStore(createConfBackend(dir)).get();
    expect(settings).toMatchObject({ language: 'nl', theme: 'dark', schemaVersion: SETTINGS_SCHEMA_VERSION });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
    });
  });

  it("starts a data folder without settings in the system's language, and keeps a stored one", () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-settings-'));
    dirs.push(fresh);
    expect(new SettingsStore(createConfBackend(fresh), { systemLanguage: 'nl' }).get()).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      language: 'nl',
      theme: 'system',
    });
    expect(JSON.parse(fs.readFileSync(path.join(fresh, 'settings.json'), 'utf8'))).toMatchObject({
      language: 'nl',
    });
    // Opened again on an English system, the folder keeps Dutch.
    expect(new SettingsStore(createConfBackend(fresh), { systemLanguage: 'en' }).get().language).toBe('nl');
    // A stored English document stays English on a Dutch system.
    const { dir } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION, language: 'en' });
    expect(new SettingsStore(createConfBackend(dir), { systemLanguage: 'nl' }).get().language).toBe('en');
    // An emptied file is a new start; without a system language, English.
    const emptied = dataDirWith({});
    expect(new SettingsStore(createConfBackend(emptied.dir), { systemLanguage: 'nl' }).get().language).toBe(
      'nl',
    );
    const none = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-settings-'));
    dirs.push(none);
    expect(new SettingsStore(createConfBackend(none)).get().language).toBe('en');
  });

  it('gives a document from before the desktop options the desktop defaults, and keeps a change', () => {
    const { dir, file } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION, language: 'nl' });
    const store = new SettingsStore(createConfBackend(dir));
    // Closing the window leaves Koppel running in the tray; it does not start at login unasked.
    expect(store.get().desktop).toEqual({ keepRunning: true, openAtLogin: false });
    store.update({ desktop: { keepRunning: false, openAtLogin: true } });
    expect(new SettingsStore(createConfBackend(dir)).get()).toMatchObject({
      language: 'nl',
      desktop: { keepRunning: false, openAtLogin: true },
    });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).desktop).toEqual({
      keepRunning: false,
      openAtLogin: true,
    });
  });

  it('applies a change of one field of a group to the file as it is: a change of another made meanwhile stays', () => {
    const { dir } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION });
    // Two windows (or the app and the command line), each with the settings as they were.
    const first = new SettingsStore(createConfBackend(dir));
    const second = new SettingsStore(createConfBackend(dir));
    first.update({ sandbox: { size: 'medium' } });
    second.update({ sandbox: { seed: 7 } });
    second.update({ desktop: { openAtLogin: true } });
    first.update({ desktop: { keepRunning: false } });
    expect(new SettingsStore(createConfBackend(dir)).get()).toMatchObject({
      sandbox: { enabled: true, size: 'medium', seed: 7 },
      desktop: { keepRunning: false, openAtLogin: true },
    });
    // A field given as undefined (a patch built in code) keeps its value rather than its default.
    expect(first.update({ sandbox: { seed: undefined, enabled: false } }).sandbox).toEqual({
      enabled: false,
      size: 'medium',
      seed: 7,
    });
  });

  it('refuses a patch with a field the group does not have, naming it', () => {
    const parsed = SettingsPatch.safeParse({ sandbox: { seeds: 3 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['seeds'],
      path: ['sandbox'],
    });
  });

  it('refuses a document from a newer Koppel, naming the file, and leaves it as it was', () => {
    const newer = SETTINGS_SCHEMA_VERSION + 1;
    const { dir, file } = dataDirWith({ schemaVersion: newer, language: 'nl' });
    const error = refusal(dir);
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: `Settings were written by a newer Koppel (schema ${newer}; this version reads up to ${SETTINGS_SCHEMA_VERSION}). (file: ${file})`,
      text: {
        code: 'settingsFromNewerKoppel',
        params: { version: newer, supported: SETTINGS_SCHEMA_VERSION, file },
      },
    });
    expect(apiMessageIn(error, 'nl')).toBe(
      `De instellingen zijn geschreven door een nieuwere Koppel (schema ${newer}; deze versie leest tot en met ${SETTINGS_SCHEMA_VERSION}). (bestand: ${file})`,
    );
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ schemaVersion: newer, language: 'nl' });
  });

  it('names a settings.json that is not JSON and offers the version of the last start', () => {
    const { dir, file } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION, language: 'nl' });
    // Opened once: the file as it was is kept beside it before it is written back.
    new SettingsStore(createConfBackend(dir));
    expect(JSON.parse(fs.readFileSync(`${file}.bak`, 'utf8'))).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      language: 'nl',
    });
    fs.writeFileSync(file, '{"schemaVersion": ');
    const error = refusal(dir);
    expect(error).toMatchObject({ code: 'invalid_input', text: { code: 'documentNotJson' } });
    expect(error.message).toBe(
      `Koppel cannot read ${file}: it is not valid JSON (Unexpected end of JSON input (line 1 column 19)). Fix the file, or put back ${file}.bak: the file as it was before Koppel last saved it.`,
    );
    expect(apiMessageIn(error, 'nl')).toBe(
      `Koppel kan ${file} niet lezen: het is geen geldige JSON (Unexpected end of JSON input (line 1 column 19)). Herstel het bestand, of zet ${file}.bak terug: het bestand zoals het was voordat Koppel het laatst opsloeg.`,
    );
    // Refused, not replaced: the broken file stays for the user to mend.
    expect(fs.readFileSync(file, 'utf8')).toBe('{"schemaVersion": ');
  });

  it("names the field of an invalid document, in zod's words in Dutch too", () => {
    const { dir, file } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION, retentionDays: 'soon' });
    const error = refusal(dir);
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: `Settings are invalid at retentionDays: Invalid input: expected number, received string (file: ${file})`,
    });
    expect(apiMessageIn(error, 'nl')).toBe(
      `De instellingen zijn ongeldig bij retentionDays: Ongeldige invoer: verwacht getal, ontving string (bestand: ${file})`,
    );
  });

  it('refuses a change with the same words when another process left the file invalid meanwhile', () => {
    const { dir, file } = dataDirWith({});
    const store = new SettingsStore(createConfBackend(dir));
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION, retentionDays: 'soon' }));
    const error = koppelErrorOf(() => store.update({ language: 'nl' }));
    expect(error).toMatchObject({ code: 'invalid_input', text: { code: 'settingsInvalid' } });
    expect(apiMessageIn(error, 'nl')).toBe(
      `De instellingen zijn ongeldig bij retentionDays: Ongeldige invoer: verwacht getal, ontving string (bestand: ${file})`,
    );
    // Nothing was written over the file, and the settings in use are the last good ones.
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ retentionDays: 'soon' });
    expect(store.get().language).toBe('en');
  });

  it('writes what it holds when the file was deleted or emptied meanwhile, not defaults over the connections', () => {
    const { dir, file } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION, language: 'nl' });
    const store = new SettingsStore(createConfBackend(dir));
    store.updateConnections(() => [tillConnection]);
    fs.rmSync(file);
    store.update({ theme: 'dark' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      language: 'nl',
      theme: 'dark',
      connections: [{ id: 'till' }],
    });
    fs.writeFileSync(file, '{}');
    store.update({ retentionDays: 7 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      language: 'nl',
      theme: 'dark',
      retentionDays: 7,
      connections: [{ id: 'till' }],
    });
  });

  it('watching, hears what another process changes, once, and keeps the last good settings through a broken file, telling why', async () => {
    const { dir, file } = dataDirWith({ schemaVersion: SETTINGS_SCHEMA_VERSION });
    const app = new SettingsStore(createConfBackend(dir));
    const heard: string[] = [];
    app.onChange((settings) => heard.push(`${settings.language}/${settings.connections.length}`));
    const problems: unknown[] = [];
    const stop = app.watch({ pollMs: 20, onProblem: (problem) => problems.push(problem) });
    try {
      // Its own change: told once, not again when the watch sees the file written.
      app.update({ theme: 'dark' });
      expect(heard).toEqual(['en/0']);

      // `koppel connections add` and a language set elsewhere: the app's settings follow.
      const cli = new SettingsStore(createConfBackend(dir));
      cli.updateConnections((list) => [...list, tillConnection]);
      await vi.waitFor(() => expect(app.get().connections.map((c) => c.id)).toEqual(['till']), {
        timeout: 3000,
      });
      cli.update({ language: 'nl' });
      await vi.waitFor(() => expect(app.get().language).toBe('nl'), { timeout: 3000 });
      expect(app.get().theme).toBe('dark');
      expect(heard).toEqual(['en/0', 'en/1', 'nl/1']);

      expect(problems).toEqual([]);

      // Broken by hand: the last good settings stay in use, no change is told, and why it does not read is.
      fs.writeFileSync(file, '{ "language": ');
      await vi.waitFor(() => expect(problems).toHaveLength(1), { timeout: 3000 });
      expect(problems[0]).toMatchObject({ code: 'invalid_input', text: { code: 'documentNotJson' } });
      expect(app.get().language).toBe('nl');
      expect(heard).toHaveLength(3);

      // Another wrong edit: JSON now, but a setting Koppel cannot take. Told again, with its words.
      fs.writeFileSync(
        file,
        JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION, retentionDays: 'soon' }),
      );
      await vi.waitFor(() => expect(problems).toHaveLength(2), { timeout: 3000 });
      expect(problems[1]).toMatchObject({ code: 'invalid_input', text: { code: 'settingsInvalid' } });

      // Mended (English again): taken, and told once that the file reads.
      fs.writeFileSync(
        file,
        JSON.stringify({ ...JSON.parse(fs.readFileSync(`${file}.bak`, 'utf8')), language: 'en' }),
      );
      await vi.waitFor(() => expect(app.get().language).toBe('en'), { timeout: 3000 });
      expect(problems).toHaveLength(3);
      expect(problems[2]).toBeUndefined();
      expect(heard).toEqual(['en/0', 'en/1', 'nl/1', 'en/1']);

      // Deleted while the app runs: written again from what it holds, its connection kept.
      fs.rmSync(file);
      await vi.waitFor(() => expect(fs.existsSync(file)).toBe(true), { timeout: 3000 });
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
        language: 'en',
        theme: 'dark',
        connections: [{ id: 'till' }],
      });
      expect(heard).toHaveLength(4);
      expect(problems).toHaveLength(3);
    } finally {
      stop();
    }
  });
});
