import { z } from 'zod';
import {
  ConnectionKind,
  LocalizedText,
  NodeCategory,
  NodeSystem,
  PortDefinition,
  kindRef,
  type AnyNodeDefinition,
} from './node-definition';
import type { RecordTypeDefinition } from './record-types';

/** A JSON Schema document (draft 2020-12), as `z.toJSONSchema` writes it. */
export const JsonSchemaDocument = z.record(z.string(), z.unknown());

/** One node kind as JSON-safe data for the renderer (`catalog.list`). */
export const CatalogEntry = z.object({
  kind: z.string(),
  version: z.number().int(),
  /** `kind@version`. */
  ref: z.string(),
  label: LocalizedText,
  description: LocalizedText,
  category: NodeCategory,
  system: NodeSystem,
  icon: z.string(),
  inputs: z.array(PortDefinition),
  outputs: z.array(PortDefinition),
  connection: ConnectionKind,
  /** Config as JSON Schema; each property's `title`, `description` and `ui` (UiHint) drive the form. */
  configSchema: JsonSchemaDocument,
  defaultConfig: z.record(z.string(), z.unknown()),
  outputSchema: JsonSchemaDocument,
  hidden: z.boolean(),
  deprecated: z.boolean(),
  /** Whether this is the newest version of its kind (the one the palette offers). */
  latest: z.boolean(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const CatalogRecordType = z.object({
  id: z.string(),
  label: LocalizedText,
  schema: JsonSchemaDocument,
});
export type CatalogRecordType = z.infer<typeof CatalogRecordType>;

/** Converts a zod schema for the wire: the input side (defaults optional), unrepresentable parts as `{}`. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/**
 * The node kinds by `kind@version`, with the record types their ports name. Validation, the
 * engine's registry and `catalog.list` all read this one object.
 */
export class NodeCatalog {
  private readonly byRef = new Map<string, AnyNodeDefinition>();
  private readonly versionsByKind = new Map<string, number[]>();
  private readonly types = new Map<string, RecordTypeDefinition>();
  private entries: CatalogEntry[] | undefined;

  constructor(definitions: readonly AnyNodeDefinition[], recordTypes: readonly RecordTypeDefinition[] = []) {
    for (const definition of definitions) {
      const ref = kindRef(definition.kind, definition.version);
      if (this.byRef.has(ref)) throw new Error(`Node kind ${ref} is defined twice.`);
      this.byRef.set(ref, definition);
      const versions = this.versionsByKind.get(definition.kind) ?? [];
      versions.push(definition.version);
      versions.sort((a, b) => a - b);
      this.versionsByKind.set(definition.kind, versions);
    }
    for (const type of recordTypes) this.types.set(type.id, type);
  }

  get(kind: string, version: number): AnyNodeDefinition | undefined {
    return this.byRef.get(kindRef(kind, version));
  }

  /** The published versions of a kind, oldest first (empty when the kind is unknown). */
  versions(kind: string): readonly number[] {
    return this.versionsByKind.get(kind) ?? [];
  }

  /** The newest version of a kind. */
  latest(kind: string): AnyNodeDefinition | undefined {
    const versions = this.versions(kind);
    const newest = versions[versions.length - 1];
    return newest === undefined ? undefined : this.get(kind, newest);
  }

  /** Every definition; hidden (test) kinds only when asked. */
  list(options: { includeHidden?: boolean } = {}): AnyNodeDefinition[] {
    return [...this.byRef.values()].filter((definition) => options.includeHidden || !definition.hidden);
  }

  recordType(id: string): RecordTypeDefinition | undefined {
    return this.types.get(id);
  }

  recordTypes(): RecordTypeDefinition[] {
    return [...this.types.values()];
  }

  /** A new catalogue with more kinds (e.g. a test adding its own). */
  extend(
    definitions: readonly AnyNodeDefinition[],
    recordTypes: readonly RecordTypeDefinition[] = [],
  ): NodeCatalog {
    return new NodeCatalog(
      [...this.byRef.values(), ...definitions],
      [...this.types.values(), ...recordTypes],
    );
  }

  /** The JSON-safe entries (computed once). */
  toEntries(): CatalogEntry[] {
    this.entries ??= [...this.byRef.values()].map((definition) =>
      toCatalogEntry(definition, this.latest(definition.kind)),
    );
    return this.entries;
  }
}

function toCatalogEntry(definition: AnyNodeDefinition, latest: AnyNodeDefinition | undefined): CatalogEntry {
  return {
    kind: definition.kind,
    version: definition.version,
    ref: kindRef(definition.kind, definition.version),
    label: definition.label,
    description: definition.description,
    category: definition.category,
    system: definition.system,
    icon: definition.icon,
    inputs: [...definition.inputs],
    outputs: [...definition.outputs],
    connection: definition.connection,
    configSchema: toJsonSchema(definition.config),
    defaultConfig: { ...definition.defaultConfig },
    outputSchema: toJsonSchema(definition.output),
    hidden: definition.hidden ?? false,
    deprecated: definition.deprecated ?? false,
    latest: latest?.version === definition.version,
  };
}
