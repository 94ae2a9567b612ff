import { wording, type Wording } from '../../flow/wording';

/** A sentence without its full stop, for one that goes on after it ("Choose a field. Fix …", not "..") */
const unstopped = (sentence: string) => sentence.replace(/\.$/, '');

/** A flow document that does not read (migrations.ts's `FlowMigrationError`s). */
const documentMessages = {
  flowNotAnObject: wording<Record<string, never>>(
    () => 'A flow document must be a JSON object.',
    () => 'Een flowdocument moet een JSON-object zijn.',
  ),
  flowFromNewerKoppel: wording<{ version: number; supported: number }>(
    ({ version, supported }) =>
      `This flow was written by a newer Koppel (schema ${version}; this version reads up to ${supported}).`,
    ({ version, supported }) =>
      `Deze flow is gemaakt met een nieuwere Koppel (schema ${version}; deze versie leest tot en met ${supported}).`,
  ),
  /** `name` when the document has one. */
  flowDocumentInvalid: wording<{ name?: string; path: string; issue: string; issueNl: string }>(
    ({ name, path, issue }) =>
      `${name === undefined ? 'The flow' : `Flow "${name}"`} is not a valid flow document: ${path}: ${issue}`,
    ({ name, path, issueNl }) =>
      `${name === undefined ? 'De flow' : `Flow "${name}"`} is geen geldig flowdocument: ${path}: ${issueNl}`,
  ),
  flowTriggerUnreadable: wording<{ every: string }>(
    ({ every }) => `Version-1 trigger "every: ${every}" is not like "15m", "2h" or "1d".`,
    ({ every }) => `Versie-1-trigger "every: ${every}" lijkt niet op "15m", "2h" of "1d".`,
  ),
  /** A document marked version 1 laid out as version 2: migrating it would drop every node. */
  flowVersionOneWithNodes: wording<{ supported: number }>(
    ({ supported }) =>
      `This flow says "schemaVersion": 1, but its nodes are under "nodes" (schema 1 lists them under "steps"): set "schemaVersion": ${supported}.`,
    ({ supported }) =>
      `Deze flow zegt "schemaVersion": 1, maar de nodes staan onder "nodes" (schema 1 zet ze onder "steps"): zet "schemaVersion": ${supported}.`,
  ),
  flowNoMigration: wording<{ version: number }>(
    ({ version }) => `No flow migration from schema ${version}.`,
    ({ version }) => `Geen flowmigratie vanaf schema ${version}.`,
  ),
};

/** The editor's sample search: why no record reaches a node, and what stopped one on its way. */
const sampleMessages = {
  sampleNotConnected: wording<Record<string, never>>(
    () => 'Connect this node to a trigger or a source first: nothing reaches it yet.',
    () => 'Verbind deze node eerst met een trigger of een bron: er komt nog niets bij aan.',
  ),
  /** `stop`: what stopped it (a node's line), when a node said so. */
  sampleStartRecordStopped: wording<{ stop?: string; stopNl?: string }>(
    ({ stop }) => `The run's start record does not reach this node: ${stop ?? 'a node before it stops it'}.`,
    ({ stopNl }) =>
      `Het startrecord van de run bereikt deze node niet: ${stopNl ?? 'een node ervoor houdt het tegen'}.`,
  ),
  sampleNoStoredRecords: wording<Record<string, never>>(
    () => 'This flow has no stored records yet: run it, or read a sample from the connection.',
    () => 'Deze flow heeft nog geen opgeslagen records: start hem, of lees een voorbeeld uit de koppeling.',
  ),
  sampleLastRunMisses: wording<Record<string, never>>(
    () => 'No record of the last run reaches this node.',
    () => 'Geen record van de laatste run bereikt deze node.',
  ),
  sampleSourceEmpty: wording<Record<string, never>>(
    () => 'The source has no records to read (with its current settings).',
    () => 'De bron heeft geen records om te lezen (met de huidige instellingen).',
  ),
  sampleNoneReaches: wording<{ count: number; stop?: string; stopNl?: string }>(
    ({ count, stop }) =>
      `None of the first ${count} source records reaches this node: ${stop ?? 'the nodes before it stop them'}.`,
    ({ count, stopNl }) =>
      `Geen van de eerste ${count} bronrecords bereikt deze node: ${stopNl ?? 'de nodes ervoor houden ze tegen'}.`,
  ),
  sampleSkippedBy: wording<{ node: string; reason: string; reasonNl: string }>(
    ({ node, reason }) => `${node} skipped it: ${reason}`,
    ({ node, reasonNl }) => `${node} sloeg het over: ${reasonNl}`,
  ),
  sampleFailedBy: wording<{ node: string; problem: string; problemNl: string }>(
    ({ node, problem }) => `${node} failed it: ${problem}`,
    ({ node, problemNl }) => `${node} gaf een fout: ${problemNl}`,
  ),
};

/** What calls about flows, templates and the editor's tests (main/services/flows-service.ts, editor-tester.ts, main/store/flow-store.ts, template-store.ts, main/nodes/core) answer when they fail, in English and Dutch. */
export const flowMessages = {
  ...documentMessages,
  ...sampleMessages,
  flowNotFound: wording<{ id: string }>(
    ({ id }) => `There is no flow with id ${id}.`,
    ({ id }) => `Er is geen flow met id ${id}.`,
  ),
  /** `problem`: why the stored document does not read (a {@link documentMessages} text, else as said). */
  storedFlowUnreadable: wording<{ id: string; problem: string; problemNl: string }>(
    ({ id, problem }) => `Stored flow ${id}: ${problem}`,
    ({ id, problemNl }) => `Opgeslagen flow ${id}: ${problemNl}`,
  ),
  flowChangedElsewhere: wording<{ name: string; stored: number; yours: number }>(
    ({ name, stored, yours }) =>
      `Flow "${name}" was changed elsewhere (stored revision ${stored}, yours ${yours}). Reload it, or save yours as a copy.`,
    ({ name, stored, yours }) =>
      `Flow "${name}" is elders gewijzigd (opgeslagen revisie ${stored}, de uwe ${yours}). Laad hem opnieuw, of sla uw versie op als kopie.`,
  ),
  flowDeletedElsewhere: wording<{ name: string }>(
    ({ name }) =>
      `Flow "${name}" was deleted elsewhere after it was opened. Save it again to keep it, or leave it deleted.`,
    ({ name }) =>
      `Flow "${name}" is elders verwijderd nadat hij werd geopend. Sla hem opnieuw op om hem te houden, of laat hem verwijderd.`,
  ),
  /** `detail`: the JSON parser's own words. */
  importNotJson: wording<{ detail: string }>(
    ({ detail }) => `The file is not JSON: ${detail}`,
    ({ detail }) => `Het bestand is geen JSON: ${detail}`,
  ),
  templateNotFound: wording<{ id: string }>(
    ({ id }) => `There is no template "${id}".`,
    ({ id }) => `Er is geen sjabloon "${id}".`,
  ),
  templateEmpty: wording<{ id: string }>(
    ({ id }) => `Template ${id} is empty.`,
    ({ id }) => `Sjabloon ${id} is leeg.`,
  ),
  /** `problem`: why the file does not read (a parser's own words, or a {@link documentMessages} text). */
  templateUnreadable: wording<{ id: string; file: string; problem: string; problemNl: string }>(
    ({ id, file, problem }) => `Template ${id} (${file}): ${problem}`,
    ({ id, file, problemNl }) => `Sjabloon ${id} (${file}): ${problemNl}`,
  ),
  flowHasNoNode: wording<{ flow: string; node: string }>(
    ({ flow, node }) => `Flow "${flow}" has no node "${node}".`,
    ({ flow, node }) => `Flow "${flow}" heeft geen node "${node}".`,
  ),
  nodeKindUnknown: wording<{ node: string; id: string; kind: string; version: number }>(
    ({ node, id, kind, version }) => `Node "${node}" (${id}) has the unknown kind ${kind}@${version}.`,
    ({ node, id, kind, version }) => `Node "${node}" (${id}) heeft het onbekende type ${kind}@${version}.`,
  ),
  /**
   * `node`/`nodeNl`: the node's label, or its kind's in each language; `field`/`fieldNl` when the
   * issue has a path (in words, see `fieldWords`; texts stored before `fieldNl` have the path).
   */
  nodeSettingsInvalid: wording<{
    node: string;
    nodeNl: string;
    id: string;
    field?: string;
    fieldNl?: string;
    issue?: string;
    issueNl?: string;
  }>(
    ({ node, id, field, issue }) =>
      `Node "${node}" (${id})${field ? `, field "${field}"` : ''}: ${unstopped(issue ?? 'invalid settings')}. Fix its settings first.`,
    ({ nodeNl, id, field, fieldNl, issueNl }) =>
      `Node "${nodeNl}" (${id})${field ? `, veld "${fieldNl ?? field}"` : ''}: ${unstopped(issueNl ?? 'ongeldige instellingen')}. Pas eerst de instellingen aan.`,
  ),
  editorTestTimedOut: wording<{ seconds: number }>(
    ({ seconds }) => `The test took longer than ${seconds} s and was stopped.`,
    ({ seconds }) => `De test duurde langer dan ${seconds} s en is gestopt.`,
  ),
  /** User code (a code node's, a field mapper's expressions) that does not compile; `problem` as the sandbox words it. */
  nodeCodeInvalid: wording<{ node: string; nodeNl: string; id: string; problem: string; problemNl: string }>(
    ({ node, id, problem }) => `Node "${node}" (${id}): ${problem}`,
    ({ nodeNl, id, problemNl }) => `Node "${nodeNl}" (${id}): ${problemNl}`,
  ),
} satisfies Record<string, Wording<never>>;
