import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema, TeamleaderSpec } from './spec';
import { specOperation } from './spec';
import { withApiNulls } from './api-nulls';

/** Ajv set up for the Teamleader spec (OpenAPI 3.0: `nullable`, `example`, unknown `format: pdf`). */
export function createSpecAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addFormat('pdf', true);
  return ajv;
}

export interface SpecViolation {
  /** Dotted path of the offending field (`invoicee.customer.id`), '' for the body itself. */
  readonly field: string;
  /** A sentence naming the field: `grouped_lines.0.line_items.0.quantity must be number`. */
  readonly message: string;
}

/** Validates one body; returns the violations (most specific first), [] when valid. */
export type SpecCheck = (body: unknown) => SpecViolation[];

function fieldOf(error: ErrorObject): string {
  const base = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = error.params.missingProperty;
  if (error.keyword === 'required' && typeof missing === 'string') base.push(missing);
  return base.join('.');
}

// Composite keywords only say "some branch failed"; the branch's own errors say why.
const VAGUE = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not']);

export function describeViolations(errors: readonly ErrorObject[] | null | undefined): SpecViolation[] {
  if (!errors || errors.length === 0) return [];
  const ranked = [...errors].sort((a, b) => {
    const vague = Number(VAGUE.has(a.keyword)) - Number(VAGUE.has(b.keyword));
    return vague !== 0 ? vague : fieldOf(b).split('.').length - fieldOf(a).split('.').length;
  });
  const seen = new Set<string>();
  const out: SpecViolation[] = [];
  for (const error of ranked) {
    const field = fieldOf(error);
    const allowed = Array.isArray(error.params.allowedValues)
      ? `: ${error.params.allowedValues.join(', ')}`
      : '';
    const what = error.keyword === 'required' ? 'is required' : `${error.message ?? 'is invalid'}${allowed}`;
    const message = `${field || 'request body'} ${what}`;
    if (seen.has(message)) continue;
    seen.add(message);
    out.push({ field, message });
  }
  return out;
}

function check(validate: ValidateFunction): SpecCheck {
  return (body) => (validate(body) ? [] : describeViolations(validate.errors));
}

/** The request check of one operation; `{}` is what operations without a body schema accept. */
export function compileRequestCheck(ajv: Ajv, spec: TeamleaderSpec, operationId: string): SpecCheck {
  const op = specOperation(spec, operationId);
  if (!op.request)
    return (body) => (isPlainObject(body) ? [] : [{ field: '', message: 'request body must be an object' }]);
  return check(ajv.compile(op.request));
}

export interface ResponseCheckOptions {
  /**
   * String enums accept any string: the live API adds values the spec does not list (deal status
   * `new`). The client reads with open enums; the twin's answers must keep to the listed ones.
   */
  readonly openEnums?: boolean;
  /**
   * Null is accepted where the live API sends it although the spec, read literally, does not
   * (empty scalars, nullable references: `api-nulls.ts`). Client and twin alike.
   */
  readonly apiNulls?: boolean;
}

/** The response check of one operation's success answer; literal spec unless `options` say so. */
export function compileResponseCheck(
  ajv: Ajv,
  spec: TeamleaderSpec,
  operationId: string,
  options: ResponseCheckOptions = {},
): SpecCheck | undefined {
  const op = specOperation(spec, operationId);
  let schema = [...op.responses.values()].find((s) => s !== undefined);
  if (!schema) return undefined;
  if (options.apiNulls) schema = withApiNulls(schema);
  if (options.openEnums) schema = withOpenEnums(schema);
  return check(ajv.compile(schema));
}

function isPlainObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withOpenEnums(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  const stringEnum =
    Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string' || v === null);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum' && stringEnum) continue;
    // Without their enums, oneOf branches told apart only by an enum (expected_payment_method's
    // two method lists) all match, and "exactly one" would reject a valid answer: any one will do.
    out[key === 'oneOf' ? 'anyOf' : key] = openEnumsIn(value);
  }
  return out;
}

function openEnumsIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openEnumsIn);
  return isPlainObject(value) ? withOpenEnums(value) : value;
}
