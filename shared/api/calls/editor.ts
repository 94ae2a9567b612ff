import { z } from 'zod';
import { FlowDocument } from '../../flow/flow-document';
import { JsonObject, JsonValue } from '../../flow/json';
import { SkipReason } from '../../flow/skip-reasons';
import { defineCall } from '../define';
import { RunMessage } from '../../flow/run-messages';
import { CodedText } from '../../flow/wording';
import { ConnectionId } from '../../connections/connection';
import { WizardChoices, WizardSystem } from './wizard';

/** Where a sample record came from. */
export const SampleOrigin = z.enum(['connection', 'lastRun', 'trigger']);
export type SampleOrigin = z.infer<typeof SampleOrigin>;

/** A real record arriving at a node: read from its source (through the nodes before it), or a past run's. */
export const EditorSample = z.object({
  /** Null when there is nothing to show; `reason` says why. */
  record: JsonObject.nullable(),
  origin: SampleOrigin.nullable(),
  /** The source record's key (`mplus:order:1042`), when there is one. */
  key: z.string().nullable(),
  /** The source node the record was read from. */
  sourceNodeId: z.string().nullable(),
  reason: z.string().nullable(),
  /** `reason` (in English) as a code, for the UI's language (see shared/api/api-messages.ts). */
  reasonText: CodedText.optional(),
});
export type EditorSample = z.infer<typeof EditorSample>;

/** A node's error in a test, naming the field and value where a rule broke. */
export const EditorTestError = z.object({
  code: z.string(),
  /** In English (see `text`). */
  message: z.string(),
  /** The message as a code, for the UI's language (see shared/flow/run-messages.ts). */
  text: RunMessage.optional(),
  field: z.string().optional(),
  value: JsonValue.optional(),
});
export type EditorTestError = z.infer<typeof EditorTestError>;

/** What one node did with one record, without writing anything anywhere. */
export const EditorNodeTest = z.object({
  input: JsonObject.nullable(),
  outcome: z.discriminatedUnion('kind', [
    /** Transforms, sources and triggers: the records it passed on, per output port. */
    z.object({
      kind: z.literal('emit'),
      outputs: z.array(z.object({ port: z.string(), record: JsonObject, createOnly: z.array(z.string()) })),
    }),
    z.object({ kind: z.literal('skip'), reason: SkipReason }),
    /** Targets: what would be sent (only prepared, never sent). */
    z.object({
      kind: z.literal('write'),
      action: z.enum(['create', 'update', 'skip']),
      request: JsonValue,
      skipReason: SkipReason.optional(),
    }),
    z.object({ kind: z.literal('fail'), error: EditorTestError }),
  ]),
  /** The node's own log lines during the test. */
  logs: z.array(
    z.object({
      level: z.enum(['debug', 'info', 'warn', 'error']),
      message: z.string(),
      text: RunMessage.optional(),
    }),
  ),
  durationMs: z.number().int(),
});
export type EditorNodeTest = z.infer<typeof EditorNodeTest>;

/** Code run in the sandbox: the returned record (null = skip), or the error at its line. */
export const EditorCodeTest = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: JsonObject.nullable(), durationMs: z.number().int() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      kind: z.enum(['syntax', 'runtime', 'timeout', 'memory', 'stack', 'output']),
      /** Without the position; JavaScript's own words as they came. */
      message: z.string(),
      /** `message` as a code when Koppel said it (a time or memory limit), for the UI's language. */
      text: RunMessage.optional(),
      /** 1-based, in the user's code. */
      line: z.number().int().optional(),
      column: z.number().int().optional(),
    }),
  }),
]);
export type EditorCodeTest = z.infer<typeof EditorCodeTest>;

const NodeInFlow = z.object({ flow: FlowDocument, nodeId: z.string().min(1) });

export const editorCalls = {
  'editor.sample': defineCall(
    NodeInFlow.extend({
      /** `auto`: the last run's record when there is one, else one read from the source now. */
      from: z.enum(['auto', 'connection', 'lastRun']).default('auto'),
    }).strict(),
    EditorSample,
    'A real record as it arrives at a node: read from the source connection (through the nodes before it) or from the last run.',
  ),
  'editor.testNode': defineCall(
    NodeInFlow.extend({
      /** The record to feed the node; absent: a fresh sample (`editor.sample` with `auto`). */
      record: JsonObject.optional(),
    }).strict(),
    EditorNodeTest,
    'Runs one node on a record with its real executor; targets only prepare their request, nothing is written.',
  ),
  'editor.testCode': defineCall(
    z
      .object({
        code: z.string(),
        record: JsonObject,
        timeLimitMs: z.number().int().min(1).max(10_000).default(1000),
        memoryLimitMb: z.number().int().min(4).max(256).default(32),
      })
      .strict(),
    EditorCodeTest,
    'Runs code-node JavaScript on a record in the QuickJS sandbox: the output, or the error with its line and column.',
  ),
  'editor.choices': defineCall(
    z
      .object({
        system: WizardSystem,
        /** The connection the flow's nodes of that system name; absent: the default one. */
        connectionId: ConnectionId.optional(),
      })
      .strict(),
    z.object({
      teamleader: WizardChoices.shape.teamleader.optional(),
      mplus: WizardChoices.shape.mplus.optional(),
    }),
    "One system's reference data (departments, tax rates, VAT codes, employees, branches…) for the inspector's pickers, or why it could not be read.",
  ),
} as const;
