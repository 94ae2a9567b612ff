import { describe, expect, it } from 'vitest';
import { tillConnection } from '../connections/testing/till-connection';
import { SettingsMigrationError, migrateSettings } from './migrations';
import { SETTINGS_SCHEMA_VERSION, defaultSettings } from './settings';

describe('settings migrations', () => {
  it('creates defaults from nothing', () => {
    expect(migrateSettings(undefined)).toEqual(defaultSettings());
  });

  it('migrates a first-release document (locale, darkMode) to the current schema', () => {
    const migrated = migrateSettings({ locale: 'nl-BE', darkMode: true, retentionDays: 14 });
    expect(migrated).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      language: 'nl',
      theme: 'dark',
      retentionDays: 14,
    });
    expect(migrated).not.toHaveProperty('locale');
    expect(migrated).not.toHaveProperty('darkMode');
  });

  it('refuses a later document whose version line was removed by hand, rather than empty its connections', () => {
    const current = {
      ...defaultSettings(),
      language: 'nl',
      connections: [tillConnection],
    };
    const { schemaVersion: _removed, ...withoutVersion } = current;
    let problem: unknown;
    try {
      migrateSettings(withoutVersion);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(SettingsMigrationError);
    expect((problem as SettingsMigrationError).problem).toEqual({
      kind: 'noVersion',
      field: 'language',
      current: SETTINGS_SCHEMA_VERSION,
    });
    expect((problem as Error).message).toBe(
      `Settings have no schemaVersion, yet hold language, which Koppel writes with one: put back "schemaVersion": ${SETTINGS_SCHEMA_VERSION}.`,
    );
    // With its version back, every connection is still there.
    expect(migrateSettings(current).connections.map((connection) => connection.id)).toEqual(['till']);
  });

  it('keeps a current document as it is', () => {
    const current = { ...defaultSettings(), theme: 'light' as const };
    expect(migrateSettings(current)).toEqual(current);
  });

  it('refuses a document from a newer Koppel', () => {
    expect(() => migrateSettings({ schemaVersion: SETTINGS_SCHEMA_VERSION + 1 })).toThrow(/newer Koppel/);
  });

  it('names the invalid field', () => {
    expect(() => migrateSettings({ schemaVersion: SETTINGS_SCHEMA_VERSION, retentionDays: -3 })).toThrow(
      /retentionDays/,
    );
  });

  it('says what a hand-edited data folder id must be and how to mend it, in both languages', () => {
    const problem = (() => {
      try {
        migrateSettings({ schemaVersion: SETTINGS_SCHEMA_VERSION, folderId: 'my folder' });
      } catch (error) {
        return error instanceof SettingsMigrationError ? error.problem : undefined;
      }
      return undefined;
    })();
    expect(problem).toMatchObject({
      kind: 'invalid',
      path: 'folderId',
      issue: expect.stringMatching(
        /^The data folder's id is 8 to 64 letters, digits, "_" or "-"\. Koppel made it/,
      ),
      issueNl: expect.stringMatching(/^Het id van de gegevensmap bestaat uit 8 tot 64 letters/),
    });
  });
});
