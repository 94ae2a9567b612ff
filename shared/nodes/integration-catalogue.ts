import { domainRecordTypes } from '../domain/record-types';
import { mplusNodeDefinitions } from './mplus';
import type { AnyNodeDefinition } from './node-definition';
import type { RecordTypeDefinition } from './record-types';
import { rulesNodeDefinitions } from './steps';
import { teamleaderNodeDefinitions } from './teamleader';

/** The Teamleader ⇄ MplusKASSA node kinds: sources, composite steps, business rules and targets. */
export const integrationNodeDefinitions: readonly AnyNodeDefinition[] = [
  ...mplusNodeDefinitions,
  ...teamleaderNodeDefinitions,
  ...rulesNodeDefinitions,
];

/** The canonical record types their ports carry. */
export const integrationRecordTypes: readonly RecordTypeDefinition[] = domainRecordTypes;
