/**
 * Generates TypeScript types for the Teamleader Focus operations Koppel uses, from the official
 * OpenAPI spec vendored in resources/specs/teamleader/. Output:
 * main/connectors/teamleader/generated/teamleader-api.ts (committed).
 *
 *   npx tsx scripts/generate-teamleader-types.ts          # write the file
 *   npx tsx scripts/generate-teamleader-types.ts --check  # exit 1 when the committed file is stale
 *
 * Response enums are generated open (`'a' | 'b' | (string & {})`): the live API returns values the
 * spec does not list (deals report `new`), so readers must handle unknown values. Request enums stay
 * closed, since the API refuses anything else. Answers' scalars that may be empty are `| null`
 * (api-nulls.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import yaml from 'js-yaml';
import { withEmptyScalarsNullable } from '../main/connectors/teamleader/api-nulls';
import { teamleaderSpecPath } from '../main/connectors/teamleader/spec';
import { TEAMLEADER_OPERATION_IDS } from '../main/connectors/teamleader/operations';

export const generatedTypesPath = path.join(
  import.meta.dirname,
  '..',
  'main',
  'connectors',
  'teamleader',
  'generated',
  'teamleader-api.ts',
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isNullableMarker = (value: Json): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  value.nullable === true &&
  !value.properties;

/**
 * Drops examples and vendor extensions (they bloat the types), and rewrites the spec's way of saying
 * "nullable reference", `allOf: [Ref, {type: object, nullable: true}]`, into
 * `{type: object, nullable: true, allOf: [Ref]}`, which openapi-typescript turns into `Ref | null`.
 * (Read literally, that allOf rejects null; the API does send null there, see spec-validator.ts.)
 */
function prepare(value: Json): Json {
  if (Array.isArray(value)) return value.map(prepare);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    out[key] = prepare(child);
  }
  const allOf = out.allOf;
  const marker = Array.isArray(allOf) && allOf.length > 1 ? allOf.find(isNullableMarker) : undefined;
  if (Array.isArray(allOf) && marker && typeof marker === 'object' && !Array.isArray(marker)) {
    out.allOf = allOf.filter((member) => !isNullableMarker(member));
    if (typeof marker.type === 'string') out.type = marker.type;
    out.nullable = true;
  }
  return out;
}

/**
 * The path item with its answers' empty scalars typed `| null` (`website?: string | null`): the API
 * sends null for an empty value where the spec says plain `string` (see api-nulls.ts).
 */
function withEmptyAnswerScalarsNullable(item: unknown): Json {
  const copy = JSON.parse(JSON.stringify(item)) as Json;
  const post = isJsonObject(copy) ? copy.post : undefined;
  const responses = isJsonObject(post) ? post.responses : undefined;
  if (!isJsonObject(responses)) return copy;
  for (const response of Object.values(responses)) {
    const content = isJsonObject(response) ? response.content : undefined;
    const json = isJsonObject(content) ? content['application/json'] : undefined;
    if (isJsonObject(json) && isJsonObject(json.schema))
      json.schema = withEmptyScalarsNullable(json.schema) as Json;
  }
  return copy;
}

function isJsonObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOpenApiDocument(value: unknown): value is OpenAPI3 {
  return typeof value === 'object' && value !== null && 'openapi' in value && 'paths' in value;
}

export async function generateTeamleaderTypes(): Promise<string> {
  const source = fs.readFileSync(teamleaderSpecPath(), 'utf8');
  const loaded: unknown = yaml.load(source);
  if (!isOpenApiDocument(loaded) || !loaded.paths)
    throw new Error('The Teamleader spec is not an OpenAPI 3 document.');
  const wanted = new Set<string>(TEAMLEADER_OPERATION_IDS);
  const paths: Record<string, Json> = {};
  for (const [pathName, item] of Object.entries(loaded.paths)) {
    if (wanted.has(pathName.slice(1))) paths[pathName] = prepare(withEmptyAnswerScalarsNullable(item));
  }
  const missing = [...wanted].filter((op) => !(`/${op}` in paths));
  if (missing.length > 0) throw new Error(`The spec lacks operations: ${missing.join(', ')}`);

  const filtered: unknown = {
    openapi: loaded.openapi,
    info: loaded.info,
    paths,
    components: {},
  };
  if (!isOpenApiDocument(filtered)) throw new Error('unreachable');
  const ast = await openapiTS(filtered, {
    silent: true,
    // `{type: object}` without properties (e.g. line `unit_price`) means "some object", not "empty".
    emptyObjectsUnknown: true,
    transform(schema, options) {
      const inResponse = options.path?.includes('/responses/') ?? false;
      if (!inResponse || !Array.isArray(schema.enum) || schema.type !== 'string') return undefined;
      const literals = schema.enum
        .filter((v): v is string => typeof v === 'string')
        .map((v) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(v)));
      const anyString = ts.factory.createIntersectionTypeNode([
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
        ts.factory.createTypeLiteralNode([]),
      ]);
      const union = ts.factory.createUnionTypeNode([...literals, anyString]);
      return schema.nullable
        ? ts.factory.createUnionTypeNode([union, ts.factory.createLiteralTypeNode(ts.factory.createNull())])
        : union;
    },
  });
  const info = loaded.info;
  const header = [
    '/* eslint-disable */',
    '// Generated by scripts/generate-teamleader-types.ts from the official Teamleader Focus OpenAPI',
    `// spec v${info.version} (resources/specs/teamleader/focus-api.openapi.yaml). Do not edit by hand.`,
    '',
  ].join('\n');
  return `${header}${astToString(ast)}`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const output = await generateTeamleaderTypes();
  if (check) {
    const current = fs.existsSync(generatedTypesPath) ? fs.readFileSync(generatedTypesPath, 'utf8') : '';
    if (current !== output) {
      console.error(
        `${path.relative(process.cwd(), generatedTypesPath)} is stale: run npm run gen:teamleader`,
      );
      process.exit(1);
    }
    console.log('Teamleader types are up to date.');
    return;
  }
  fs.mkdirSync(path.dirname(generatedTypesPath), { recursive: true });
  fs.writeFileSync(generatedTypesPath, output);
  console.log(`Wrote ${path.relative(process.cwd(), generatedTypesPath)} (${output.length} characters).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
