import { describe, expect, it } from 'vitest';
import { TEAMLEADER_OPERATIONS, TEAMLEADER_OPERATION_IDS } from './operations';
import { loadTeamleaderSpec, specOperation, type JsonSchema } from './spec';
import { HANDLERS } from './simulator/handlers';

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null;

function hasPage(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  if (isSchema(schema.properties) && 'page' in schema.properties) return true;
  const allOf: unknown[] = Array.isArray(schema.allOf) ? schema.allOf : [];
  return allOf.some((part) => isSchema(part) && hasPage(part));
}

describe('TEAMLEADER_OPERATIONS', () => {
  const spec = loadTeamleaderSpec();

  it('is the spec v1.112.0 the twin and the types are built from', () => {
    expect(spec.version).toBe('1.112.0');
    expect(spec.operations.size).toBe(290);
  });

  it.each(TEAMLEADER_OPERATION_IDS)('%s agrees with the spec (success status, paging)', (op) => {
    const operation = specOperation(spec, op);
    expect([...operation.responses.keys()]).toEqual([TEAMLEADER_OPERATIONS[op].status]);
    expect(hasPage(operation.request)).toBe(TEAMLEADER_OPERATIONS[op].paged);
  });

  it('has a twin handler for every operation, and none beyond them', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...TEAMLEADER_OPERATION_IDS].sort());
  });
});
