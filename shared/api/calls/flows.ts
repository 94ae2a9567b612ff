import { z } from 'zod';
import { FlowDocument, FlowId, Schedule } from '../../flow/flow-document';
import { FlowProblem } from '../../flow/flow-problem';
import { RunSummary } from '../../flow/run-records';
import { defineCall } from '../define';

/** A flow as the flows screen lists it. */
export const FlowSummary = z.object({
  id: FlowId,
  name: z.string(),
  description: z.string().optional(),
  enabled: z.boolean(),
  schedule: Schedule,
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  nodeCount: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  lastRun: RunSummary.nullable(),
  /** When the schedule runs it next (null: manual, disabled, or not scheduled in this process). */
  nextRunAt: z.string().nullable(),
  running: z.boolean(),
});
export type FlowSummary = z.infer<typeof FlowSummary>;

const flowWithProblems = z.object({ flow: FlowDocument, problems: z.array(FlowProblem) });
const byId = z.object({ id: FlowId }).strict();

export const flowsCalls = {
  'flows.list': defineCall(
    z.object({}).strict(),
    z.object({ flows: z.array(FlowSummary) }),
    'Every saved flow with its last run.',
  ),
  'flows.get': defineCall(byId, flowWithProblems, 'One flow and what validation says about it.'),
  'flows.create': defineCall(
    z
      .object({ name: z.string().trim().min(1).max(200).optional(), templateId: z.string().optional() })
      .strict(),
    flowWithProblems,
    'A new flow, blank (a manual trigger) or from a template; saved at once.',
  ),
  'flows.save': defineCall(
    z.object({ flow: FlowDocument }).strict(),
    flowWithProblems,
    'Saves a flow (drafts with problems too). Its revision must match the stored one, else `conflict`.',
  ),
  'flows.delete': defineCall(
    byId,
    z.object({ deleted: z.boolean() }),
    'Deletes a flow (its run history stays).',
  ),
  'flows.duplicate': defineCall(
    z.object({ id: FlowId, name: z.string().trim().min(1).max(200).optional() }).strict(),
    flowWithProblems,
    'A copy of a flow with new ids, disabled.',
  ),
  'flows.saveCopy': defineCall(
    z.object({ flow: FlowDocument, name: z.string().trim().min(1).max(200).optional() }).strict(),
    flowWithProblems,
    'Saves a document as a new flow (new id, disabled): an editor’s changes kept beside a version saved elsewhere.',
  ),
  'flows.validate': defineCall(
    z.object({ flow: z.unknown() }).strict(),
    z.object({ flow: FlowDocument.nullable(), problems: z.array(FlowProblem) }),
    'Validates any flow document (older versions are migrated first).',
  ),
  'flows.import': defineCall(
    z.object({ json: z.string().min(2), replace: z.boolean().default(false) }).strict(),
    flowWithProblems,
    'Imports a flow from exported JSON; a flow with the same id gets a new id unless `replace`.',
  ),
  'flows.export': defineCall(
    byId,
    z.object({ fileName: z.string(), json: z.string() }),
    'A flow as pretty JSON with a file name for saving.',
  ),
  'flows.setEnabled': defineCall(
    z.object({ id: FlowId, enabled: z.boolean() }).strict(),
    flowWithProblems,
    'Pauses or resumes the schedule of a flow.',
  ),
} as const;
