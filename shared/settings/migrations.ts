import { issueWords } from '../flow/issue-words';
import { languageOfLocale } from '../flow/wording';
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
    const language = languageOfLocale(typeof locale === 'string' ? locale : undefined);
    const theme = darkMode === true ? 'dark' : darkMode === false ? 'light' : 'system';
    return { ...rest, language, theme, schemaVersion: 2 };
  },
  // v3 added the connection registry's metadata list.
  2: (doc) => ({ ...doc, connections: [], schemaVersion: 3 }),
};

/** Why a stored settings document cannot be read, for the error's words in each language. */
export type SettingsProblem =
  | { kind: 'newer'; version: number; supported: number }
  | { kind: 'noMigration'; version: number }
  | { kind: 'invalid'; path: string; issue: string; issueNl: string };

export class SettingsMigrationError extends Error {
  constructor(readonly problem: SettingsProblem) {
    super(
      problem.kind === 'newer'
        ? `Settings were written by a newer Koppel (schema ${problem.version}; this version reads up to ${problem.supported}).`
        : problem.kind === 'noMigration'
          ? `No settings migration from schema ${problem.version}.`
          : `Settings are invalid at ${problem.path}: ${problem.issue}`,
    );
    this.name = 'SettingsMigrationError';
  }
}

/** Brings a stored settings document up to the current version and validates it. */
export function migrateSettings(stored: unknown): Settings {
  let doc: Raw = isRecord(stored) ? { ...stored } : {};
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  if (version > SETTINGS_SCHEMA_VERSION) {
    throw new SettingsMigrationError({ kind: 'newer', version, supported: SETTINGS_SCHEMA_VERSION });
  }
  while (version < SETTINGS_SCHEMA_VERSION) {
    const step = steps[version];
    if (!step) throw new SettingsMigrationError({ kind: 'noMigration', version });
    doc = step(doc);
    version += 1;
  }
  // `reportInput` so a wrong type's words name the type received (see issueWords).
  const parsed = Settings.safeParse(
    { ...doc, schemaVersion: SETTINGS_SCHEMA_VERSION },
    { reportInput: true },
  );
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SettingsMigrationError({
      kind: 'invalid',
      path: first?.path.join('.') || '(root)',
      ...(first ? issueWords(first) : { issue: 'unknown error', issueNl: 'onbekende fout' }),
    });
  }
  return parsed.data;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
