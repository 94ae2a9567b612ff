import { NodeCatalog } from './catalog';
import { coreNodeDefinitions } from './core';
import { integrationNodeDefinitions, integrationRecordTypes } from './integration-catalogue';
import type { AnyNodeDefinition } from './node-definition';
import { coreRecordTypes, type RecordTypeDefinition } from './record-types';
import { MemoryRecord, memorySource, memoryTarget } from './testing/memory-nodes';

/**
 * Every node kind Koppel knows. System node kinds (Teamleader, MplusKASSA) are added to this list
 * as they are published; the engine's executor registry must cover each entry.
 */
export const nodeDefinitions: readonly AnyNodeDefinition[] = [
  ...coreNodeDefinitions,
  ...integrationNodeDefinitions,
  memorySource,
  memoryTarget,
];

/** Every named record type ports may carry. */
export const recordTypes: readonly RecordTypeDefinition[] = [
  ...coreRecordTypes,
  ...integrationRecordTypes,
  { id: 'test.record', label: { en: 'Test record', nl: 'Testrecord' }, schema: MemoryRecord },
];

/** The catalogue the editor and the engine share. */
export const nodeCatalog = new NodeCatalog(nodeDefinitions, recordTypes);
