import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { resourcesDir } from '../../app/paths';

/** A JSON Schema object as the (dereferenced) spec holds it. */
export type JsonSchema = { [key: string]: unknown };

export interface SpecOperation {
  readonly operationId: string;
  /** Request body schema, or undefined for operations that take no body (send `{}`). */
  readonly request: JsonSchema | undefined;
  readonly requestRequired: boolean;
  /** Success status → response body schema (undefined for 204). */
  readonly responses: ReadonlyMap<number, JsonSchema | undefined>;
}

export interface TeamleaderSpec {
  readonly version: string;
  readonly operations: ReadonlyMap<string, SpecOperation>;
}

/** Where the official spec is vendored; CI runs on a clean clone, so never /work/shared. */
export const teamleaderSpecPath = (): string =>
  path.join(resourcesDir(), 'specs', 'teamleader', 'focus-api.openapi.yaml');

let cached: TeamleaderSpec | undefined;

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonSchemaOf(mediaHolder: unknown): JsonSchema | undefined {
  if (!isObject(mediaHolder) || !isObject(mediaHolder.content)) return undefined;
  const json = mediaHolder.content['application/json'];
  return isObject(json) && isObject(json.schema) ? json.schema : undefined;
}

/** Parses the spec's YAML document into the operations Koppel reads (POST /<operationId>). */
export function parseTeamleaderSpec(source: string): TeamleaderSpec {
  const doc: unknown = yaml.load(source);
  if (!isObject(doc) || !isObject(doc.paths) || !isObject(doc.info)) {
    throw new Error('The Teamleader spec has no paths: is it an OpenAPI document?');
  }
  const operations = new Map<string, SpecOperation>();
  for (const [pathName, item] of Object.entries(doc.paths)) {
    if (!isObject(item) || !isObject(item.post)) continue;
    const post = item.post;
    const operationId = typeof post.operationId === 'string' ? post.operationId : pathName.slice(1);
    const responses = new Map<number, JsonSchema | undefined>();
    if (isObject(post.responses)) {
      for (const [code, response] of Object.entries(post.responses)) {
        const status = Number(code);
        if (status >= 200 && status < 300) responses.set(status, jsonSchemaOf(response));
      }
    }
    const body = post.requestBody;
    operations.set(operationId, {
      operationId,
      request: jsonSchemaOf(body),
      requestRequired: isObject(body) && body.required === true,
      responses,
    });
  }
  return { version: String(doc.info.version), operations };
}

/** The official spec, parsed once per process (about 0.2 s). */
export function loadTeamleaderSpec(): TeamleaderSpec {
  cached ??= parseTeamleaderSpec(fs.readFileSync(teamleaderSpecPath(), 'utf8'));
  return cached;
}

export function specOperation(spec: TeamleaderSpec, operationId: string): SpecOperation {
  const op = spec.operations.get(operationId);
  if (!op) throw new Error(`The Teamleader spec (v${spec.version}) has no operation ${operationId}.`);
  return op;
}
