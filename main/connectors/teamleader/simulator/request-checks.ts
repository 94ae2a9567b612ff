import type Ajv from 'ajv';
import { withSpecNulls } from '../api-nulls';
import { TEAMLEADER_OPERATION_IDS, type TeamleaderOperation } from '../operations';
import { loadTeamleaderSpec, specOperation, type JsonSchema } from '../spec';
import { createSpecAjv, describeViolations, type SpecCheck } from '../spec-validator';

let compiled: ReadonlyMap<TeamleaderOperation, SpecCheck> | undefined;

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The spec writes "by name or by code" (products.add) as `oneOf` whose branches overlap, so a product
 * with both a name and a code would match both and fail `oneOf`. The API accepts it, so the twin
 * reads every request `oneOf` as `anyOf` (the other oneOfs in these requests have disjoint branches,
 * where both mean the same).
 */
function oneOfAsAnyOf(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    const name = key === 'oneOf' ? 'anyOf' : key;
    out[name] = Array.isArray(value)
      ? value.map((item) => (isObject(item) ? oneOfAsAnyOf(item) : item))
      : isObject(value)
        ? oneOfAsAnyOf(value)
        : value;
  }
  return out;
}

function compile(ajv: Ajv, op: TeamleaderOperation): SpecCheck {
  const spec = specOperation(loadTeamleaderSpec(), op);
  if (!spec.request) {
    return (body) => (isObject(body) ? [] : [{ field: '', message: 'request body must be a JSON object' }]);
  }
  // A field the spec marks nullable is cleared with null (reference §7.1): accept it (api-nulls.ts).
  const validate = ajv.compile(oneOfAsAnyOf(withSpecNulls(spec.request)));
  return (body) => (validate(body) ? [] : describeViolations(validate.errors));
}

/**
 * Request checks for every operation the twin serves, compiled once per process from the official
 * spec (about 0.3 s for all of them).
 */
export function requestChecks(): ReadonlyMap<TeamleaderOperation, SpecCheck> {
  if (!compiled) {
    const ajv = createSpecAjv();
    compiled = new Map(TEAMLEADER_OPERATION_IDS.map((op) => [op, compile(ajv, op)]));
  }
  return compiled;
}
