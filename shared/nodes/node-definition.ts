import { z } from 'zod';
import type { NodeScript } from './scripts';

/** Text shown to users, in every language Koppel speaks. */
export const LocalizedText = z.object({ en: z.string().min(1), nl: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Where a node sits in the palette and what the engine does with it. */
export const NodeCategory = z.enum(['trigger', 'source', 'transform', 'target']);
export type NodeCategory = z.infer<typeof NodeCategory>;

/** Which system a node talks to; `core` nodes talk to none. */
export const NodeSystem = z.enum(['core', 'teamleader', 'mplus']);
export type NodeSystem = z.infer<typeof NodeSystem>;

/**
 * The kind of connection a node needs. `memory` is the in-memory test system used by unit tests and
 * the benchmark; no palette node uses it.
 */
export const ConnectionKind = z.enum(['teamleader', 'mplus', 'memory', 'none']);
export type ConnectionKind = z.infer<typeof ConnectionKind>;

/**
 * The record type a port carries. `any` fits everything; `$input` (outputs only) means "whatever
 * arrives at this node's input", so pass-through transforms keep the type of what feeds them.
 */
export const RecordTypeRef = z.string().regex(/^(\$input|[a-z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*)$/);
export type RecordTypeRef = z.infer<typeof RecordTypeRef>;

export const PortDefinition = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: LocalizedText,
  recordType: RecordTypeRef,
});
export type PortDefinition = z.infer<typeof PortDefinition>;

/** `kind@version`, the key under which the engine finds a node's executor. */
export const NodeKindRef = z.string().regex(/^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9]*)+@[1-9][0-9]*$/);

/**
 * A node kind as data. Published versions never change: new behaviour is a new `version`.
 * `config` must be a zod object whose fields carry {@link UiHint} metadata (see ui-hints.ts) so
 * the inspector can generate a form; `output` describes the records the node emits (samples,
 * code-editor types).
 */
export interface NodeDefinition<Config extends z.ZodObject = z.ZodObject> {
  /** Dotted name: `<system>.<category>.<thing>`, e.g. `core.transform.map`. */
  readonly kind: string;
  readonly version: number;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  readonly category: NodeCategory;
  readonly system: NodeSystem;
  /** A lucide icon name in kebab-case, e.g. `arrow-right-left`. */
  readonly icon: string;
  readonly inputs: readonly PortDefinition[];
  readonly outputs: readonly PortDefinition[];
  readonly config: Config;
  /** What a new node starts with; it may still need filling in (validation says what is missing). */
  readonly defaultConfig: z.input<Config>;
  readonly connection: ConnectionKind;
  /** Shape of the records on the output ports (for samples and generated TypeScript types). */
  readonly output: z.ZodType;
  /** Not shown in the palette (test nodes); still valid in a flow. */
  readonly hidden?: boolean;
  /** Still runs, but the palette offers the newer version instead. */
  readonly deprecated?: boolean;
  /** The JavaScript the config holds (code, expressions), for validation's syntax check. */
  scripts?(config: z.output<Config>): readonly NodeScript[];
  /** A config that parses but will not do what the user wants (validation warns; the flow runs). */
  warnings?(config: z.output<Config>): readonly NodeConfigWarning[];
}

/** What {@link NodeDefinition.warnings} can say (each worded in `problem-messages.ts`). */
export interface NodeConfigWarning {
  code: 'mapsNothing';
  field?: string;
}

/** Any node definition, whatever its config type. */
// The config type parameter is erased here: the catalogue holds definitions of every kind.
export type AnyNodeDefinition = NodeDefinition<z.ZodObject>;

/** Declares a node kind; the identity function keeps the config type for the executor. */
export function defineNode<Config extends z.ZodObject>(
  definition: NodeDefinition<Config>,
): NodeDefinition<Config> {
  return definition;
}

/** `kind@version`. */
export function kindRef(kind: string, version: number): string {
  return `${kind}@${version}`;
}

/** The ports of the default shapes, so definitions stay short. */
export const ports = {
  in: (recordType: RecordTypeRef = 'any'): PortDefinition => ({
    id: 'in',
    label: { en: 'Input', nl: 'Invoer' },
    recordType,
  }),
  out: (recordType: RecordTypeRef = 'any'): PortDefinition => ({
    id: 'out',
    label: { en: 'Output', nl: 'Uitvoer' },
    recordType,
  }),
} as const;
