import { apiMessage, englishApiMessage } from '../api/api-messages';
import { issueWords } from '../flow/issue-words';
import { languageOfLocale, type CodedText } from '../flow/wording';
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

/** Fields version 1 never had: a document without a version that holds one was written by a later Koppel. */
const LATER_FIELDS = [
  'language',
  'theme',
  'connections',
  'emailAlerts',
  'desktop',
  'inspectorWidth',
  'folderId',
];

/** Why a stored settings document cannot be read, for the error's words in each language. */
export type SettingsProblem =
  | { kind: 'newer'; version: number; supported: number }
  | { kind: 'noMigration'; version: number }
  | { kind: 'noVersion'; field: string; current: number }
  | { kind: 'invalid'; path: string; issue: string; issueNl: string };

/** What is wrong with a settings document as a coded text, naming its file when given. */
export function settingsProblemText(problem: SettingsProblem, file?: string): CodedText {
  const where = file === undefined ? {} : { file };
  switch (problem.kind) {
    case 'newer':
      return apiMessage('settingsFromNewerKoppel', {
        version: problem.version,
        supported: problem.supported,
        ...where,
      });
    case 'noMigration':
      return apiMessage('settingsNoMigration', { version: problem.version, ...where });
    case 'noVersion':
      return apiMessage('settingsNoVersion', { field: problem.field, current: problem.current, ...where });
    case 'invalid':
      return apiMessage('settingsInvalid', {
        path: problem.path,
        issue: problem.issue,
        issueNl: problem.issueNl,
        ...where,
      });
  }
}

export class SettingsMigrationError extends Error {
  constructor(readonly problem: SettingsProblem) {
    super(englishApiMessage(settingsProblemText(problem)));
    this.name = 'SettingsMigrationError';
  }
}

/** Brings a stored settings document up to the current version and validates it. */
export function migrateSettings(stored: unknown): Settings {
  let doc: Raw = isRecord(stored) ? { ...stored } : {};
  if (typeof doc.schemaVersion !== 'number') {
    // Read as version 1, its steps would set the language from a `locale` it has not and empty the
    // connection list: lost on the next save. Its version line went missing (edited by hand).
    const later = LATER_FIELDS.find((field) => field in doc);
    if (later !== undefined)
      throw new SettingsMigrationError({ kind: 'noVersion', field: later, current: SETTINGS_SCHEMA_VERSION });
  }
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
