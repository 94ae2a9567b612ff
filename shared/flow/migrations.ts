import { apiMessage, apiMessageText, englishApiMessage } from '../api/api-messages';
import { describeZodIssues } from '../api/errors';
import { FLOW_SCHEMA_VERSION, FlowDocument } from './flow-document';
import { issueWords } from './issue-words';
import type { CodedText } from './wording';

type Raw = Record<string, unknown>;

/** Why a flow document does not read: the English sentence, and its code (`text`) for the UI's language. */
export class FlowMigrationError extends Error {
  readonly text: CodedText;

  constructor(
    text: CodedText,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(englishApiMessage(text));
    this.name = 'FlowMigrationError';
    this.text = text;
  }

  /** The failure in English and Dutch, for a sentence that embeds it ("Stored flow x: …"). */
  words(): { problem: string; problemNl: string } {
    return { problem: this.message, problemNl: apiMessageText(this.text, 'nl') ?? this.message };
  }
}

/**
 * Steps from version N to N+1. Version 1 is the shape of the first Koppel prototypes:
 * `{version: 1, id, title, active, steps: [{id, type: "kind@v", x, y, name, params}],
 *   links: [{from: "node:port", to: "node:port"}], trigger: {every: "15m"} | {cron, tz} | null,
 *   retries: <extra attempts>, logPayloads: boolean}`.
 */
const steps: Record<number, (doc: Raw) => Raw> = {
  1: (doc) => {
    if (!Array.isArray(doc.steps) && Array.isArray(doc.nodes)) {
      throw new FlowMigrationError(apiMessage('flowVersionOneWithNodes', { supported: FLOW_SCHEMA_VERSION }));
    }
    const nodes = asArray(doc.steps).map((step, index) => {
      const s = asRecord(step);
      const [kind, version] = splitType(String(s.type ?? ''));
      return {
        id: String(s.id ?? `node-${index + 1}`),
        kind,
        version,
        position: { x: numberOr(s.x, index * 240), y: numberOr(s.y, 0) },
        ...(typeof s.name === 'string' ? { label: s.name } : {}),
        config: asRecord(s.params),
      };
    });
    const edges = asArray(doc.links).map((link, index) => {
      const l = asRecord(link);
      const [source, sourcePort] = splitEnd(String(l.from ?? ''), 'out');
      const [target, targetPort] = splitEnd(String(l.to ?? ''), 'in');
      return { id: `edge-${index + 1}`, source, sourcePort, target, targetPort };
    });
    const retries = typeof doc.retries === 'number' && doc.retries >= 0 ? Math.floor(doc.retries) : undefined;
    return {
      schemaVersion: 2,
      id: doc.id,
      name: doc.title ?? doc.name,
      enabled: doc.active === true,
      nodes,
      edges,
      schedule: migrateTrigger(doc.trigger),
      settings: {
        ...(retries === undefined ? {} : { retry: { attempts: Math.min(50, retries + 1) } }),
        payloadLogging:
          doc.logPayloads === true ? 'full' : doc.logPayloads === false ? 'metadata' : 'default',
      },
    };
  },
};

/** `15m`, `2h`, `1d` → minutes. */
function migrateTrigger(trigger: unknown): Raw {
  const t = asRecord(trigger);
  if (typeof t.cron === 'string') {
    return { kind: 'cron', cron: t.cron, ...(typeof t.tz === 'string' ? { timezone: t.tz } : {}) };
  }
  if (typeof t.every === 'string') {
    const match = /^(\d+)\s*([mhd])$/.exec(t.every.trim());
    if (!match) throw new FlowMigrationError(apiMessage('flowTriggerUnreadable', { every: t.every }));
    const factor = { m: 1, h: 60, d: 1440 }[match[2] as 'm' | 'h' | 'd'];
    return { kind: 'interval', everyMinutes: Number(match[1]) * factor };
  }
  return { kind: 'manual' };
}

/**
 * Which schema version a stored document has. Documents without a marker are version 1, unless
 * they list `nodes` and no `steps`: that is today's shape with its marker left out, read as the
 * current version so the missing `schemaVersion` is named (migrated as version 1 it lost every node).
 */
export function flowSchemaVersion(stored: unknown): number {
  const doc = asRecord(stored);
  if (typeof doc.schemaVersion === 'number') return doc.schemaVersion;
  if (typeof doc.version === 'number' && Array.isArray(doc.steps)) return doc.version;
  if (Array.isArray(doc.nodes) && !Array.isArray(doc.steps)) return FLOW_SCHEMA_VERSION;
  return 1;
}

/**
 * The id a flow file's text gives, before it is read as a flow (undefined when it is not a JSON
 * object with a text id: the import then says what is wrong). Tells whether an import is a flow
 * that is already here.
 */
export function flowIdInText(json: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(json);
    if (isRecord(parsed) && typeof parsed.id === 'string') return parsed.id;
  } catch {
    // Not JSON: the import refuses it with its reason.
  }
  return undefined;
}

/**
 * Brings a stored or imported flow document up to the current version and parses it.
 * Throws {@link FlowMigrationError} naming the field when the result is not a valid document.
 */
export function migrateFlow(stored: unknown): FlowDocument {
  if (!isRecord(stored)) throw new FlowMigrationError(apiMessage('flowNotAnObject'));
  let doc: Raw = { ...stored };
  let version = flowSchemaVersion(doc);
  if (version > FLOW_SCHEMA_VERSION) {
    throw new FlowMigrationError(
      apiMessage('flowFromNewerKoppel', { version, supported: FLOW_SCHEMA_VERSION }),
    );
  }
  while (version < FLOW_SCHEMA_VERSION) {
    const step = steps[version];
    if (!step) throw new FlowMigrationError(apiMessage('flowNoMigration', { version }));
    doc = step(doc);
    version += 1;
  }
  // `reportInput` so a wrong type's words name the type received (see issueWords).
  const parsed = FlowDocument.safeParse(doc, { reportInput: true });
  if (!parsed.success) {
    const issues = describeZodIssues(parsed.error);
    const first = parsed.error.issues[0];
    throw new FlowMigrationError(
      apiMessage('flowDocumentInvalid', {
        name: typeof doc.name === 'string' ? doc.name : undefined,
        path: issues[0]?.path ?? '(root)',
        ...(first ? issueWords(first) : { issue: 'not valid', issueNl: 'niet geldig' }),
      }),
      issues,
    );
  }
  return parsed.data;
}

function splitType(type: string): [string, number] {
  const at = type.lastIndexOf('@');
  if (at < 0) return [type, 1];
  const version = Number(type.slice(at + 1));
  return [type.slice(0, at), Number.isInteger(version) && version > 0 ? version : 1];
}

function splitEnd(end: string, defaultPort: string): [string, string] {
  const colon = end.indexOf(':');
  return colon < 0 ? [end, defaultPort] : [end.slice(0, colon), end.slice(colon + 1) || defaultPort];
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Raw {
  return isRecord(value) ? value : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
