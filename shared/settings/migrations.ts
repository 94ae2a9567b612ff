import { SETTINGS_SCHEMA_VERSION, Settings } from './settings';

type Raw = Record<string, unknown>;

/**
 * Steps from version N to N+1, applied in order to whatever an older Koppel wrote.
 * A document without `schemaVersion` is version 1 (the first release did not write one).
 */
const steps: Record<number, (doc: Raw) => Raw> = {
  // v1 kept the language as `locale` ("en-GB", "nl-BE", …) and a boolean `darkMode`.
  1: (doc) => {
    const { locale, darkMode, ...rest } = doc;
    const language = typeof locale === 'string' && locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
    const theme = darkMode === true ? 'dark' : darkMode === false ? 'light' : 'system';
    return { ...rest, language, theme, schemaVersion: 2 };
  },
  // v3 added the connection registry's metadata list.
  2: (doc) => ({ ...doc, connections: [], schemaVersion: 3 }),
};

export class SettingsMigrationError extends Error {}

/** Brings a stored settings document up to the current version and validates it. */
export function migrateSettings(stored: unknown): Settings {
  let doc: Raw = isRecord(stored) ? { ...stored } : {};
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  if (version > SETTINGS_SCHEMA_VERSION) {
    throw new SettingsMigrationError(
      `Settings were written by a newer Koppel (schema ${version}; this version reads up to ${SETTINGS_SCHEMA_VERSION}).`,
    );
  }
  while (version < SETTINGS_SCHEMA_VERSION) {
    const step = steps[version];
    if (!step) throw new SettingsMigrationError(`No settings migration from schema ${version}.`);
    doc = step(doc);
    version += 1;
  }
  const parsed = Settings.safeParse({ ...doc, schemaVersion: SETTINGS_SCHEMA_VERSION });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SettingsMigrationError(
      `Settings are invalid at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'unknown error'}`,
    );
  }
  return parsed.data;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
