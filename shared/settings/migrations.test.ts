import { describe, expect, it } from 'vitest';
import { migrateSettings } from './migrations';
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
});
