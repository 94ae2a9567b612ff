import { isJsonObject } from '../../shared/flow/json';
import type { DomainHandlers } from '../api/handlers';
import type { ConnectionRegistry } from '../connections/registry';
import type { Store } from '../store/store';
import { readMplusChoices, readTeamleaderChoices } from '../wizard/reference-choices';
import { testCode } from './editor-code-test';
import type { EditorTester, StoredSourceRecord } from './editor-tester';

/**
 * The source records of a flow's newest runs (newest run first, its records in order), for
 * samples "from the last run". Records erased or stored as metadata only have no data and are
 * left out.
 */
export function lastRunRecords(store: Store, flowId: string, limit: number): StoredSourceRecord[] {
  const records: StoredSourceRecord[] = [];
  for (const run of store.runs.list({ flowId, limit: 3 }).runs) {
    for (const item of store.items.list(run.id, { limit, offset: 0 }).items) {
      const source = store.items.detail(item.id)?.source;
      if (isJsonObject(source)) records.push({ key: item.key, data: source });
      if (records.length >= limit) return records;
    }
  }
  return records;
}

/**
 * `editor.*`: samples, one-node tests and code tests for the flow editor (all dry: nothing is
 * written), and the systems' reference data for the inspector's pickers.
 */
export function editorHandlers(
  tester: EditorTester,
  connections: ConnectionRegistry,
): DomainHandlers<'editor'> {
  return {
    'editor.sample': ({ flow, nodeId, from }) => tester.sample(flow, nodeId, from),
    'editor.testNode': ({ flow, nodeId, record }) => tester.testNode(flow, nodeId, record),
    'editor.testCode': ({ code, record, timeLimitMs, memoryLimitMb }) =>
      testCode(code, record, { timeLimitMs, memoryLimitMb }),
    'editor.choices': async ({ system, connectionId }) =>
      system === 'teamleader'
        ? { teamleader: await readTeamleaderChoices(connections, connectionId) }
        : { mplus: await readMplusChoices(connections, connectionId) },
  };
}
