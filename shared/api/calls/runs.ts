import { z } from 'zod';
import { FlowDocument } from '../../flow/flow-document';
import { LogEvent, RunEvent } from '../../flow/run-events';
import {
  BusinessKeys,
  ItemStatus,
  RetryFrom,
  RunItemDetail,
  RunItemSummary,
  RunStatus,
  RunSummary,
} from '../../flow/run-records';
import { defineCall } from '../define';
import { RunMessage } from '../../flow/run-messages';
import { SkipReason } from '../../flow/skip-reasons';
import { Language } from '../../settings/settings';

const Iso = z.iso.datetime({ offset: true });

/** Per day, what a flow (or every flow) did, and its most frequent errors. */
export const RunStats = z.object({
  days: z.array(
    z.object({
      day: z.string(),
      succeeded: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
    }),
  ),
  topErrors: z.array(
    z.object({
      code: z.string(),
      /** The latest such error's message, in English (see `text`). */
      message: z.string(),
      text: RunMessage.optional(),
      nodeId: z.string().nullable(),
      count: z.number().int(),
      lastRunId: z.string(),
    }),
  ),
});
export type RunStats = z.infer<typeof RunStats>;

/** One warning a run told (a tax rule that changes the VAT, a category left out), with its record. */
export const RunWarningLine = z.object({
  seq: z.number().int(),
  /** In English (see `text`). */
  message: z.string(),
  text: RunMessage.optional(),
  nodeId: z.string().nullable(),
  /** The record it is about, when it names one this run has: its id and order number, SKU or e-mail. */
  item: z.object({ id: z.number().int(), label: z.string() }).nullable(),
});
export type RunWarningLine = z.infer<typeof RunWarningLine>;

/** A record skipped because another it needs is not there yet, which the next runs offer again. */
export const WaitingRecordView = z.object({
  flowId: z.string(),
  itemKey: z.string(),
  businessKeys: BusinessKeys,
  reasons: z.array(SkipReason),
  /** When it first waited. */
  since: Iso,
  /** When a run last offered it (or the source last sent it). */
  checkedAt: Iso,
  /** Its last item, for the record's page (gone once retention deleted that run). */
  lastItem: z.object({ runId: z.string(), itemId: z.number().int() }).nullable(),
});
export type WaitingRecordView = z.infer<typeof WaitingRecordView>;

export const runsCalls = {
  'runs.start': defineCall(
    z
      .object({
        /** A saved flow… */
        flowId: z.string().optional(),
        /** …or an unsaved one (the editor's dry run). */
        flow: FlowDocument.optional(),
        dryRun: z.boolean().default(false),
        limit: z.number().int().min(1).optional(),
      })
      .strict()
      .refine(
        (input) => (input.flowId === undefined) !== (input.flow === undefined),
        'Give either flowId or flow.',
      ),
    z.object({ runId: z.string() }),
    'Starts a run now (manual trigger); `conflict` when the flow is already running.',
  ),
  'runs.cancel': defineCall(
    z.object({ runId: z.string() }).strict(),
    z.object({
      cancelled: z.boolean(),
      /** Another process runs it (`koppel run`, the desktop app): it was asked, and stops within a second or so. */
      elsewhere: z.boolean().optional(),
    }),
    'Cancels a run (of this process at once; of another on the data folder by asking it); records in flight finish their current step.',
  ),
  'runs.list': defineCall(
    z
      .object({
        flowId: z.string().optional(),
        status: RunStatus.optional(),
        from: Iso.optional(),
        to: Iso.optional(),
        limit: z.number().int().min(1).max(500).default(50),
        cursor: z.string().optional(),
      })
      .strict(),
    z.object({ runs: z.array(RunSummary), nextCursor: z.string().nullable() }),
    'Run history, newest first, filtered by flow, status and start date.',
  ),
  'runs.get': defineCall(
    z.object({ runId: z.string() }).strict(),
    z.object({
      run: RunSummary,
      flow: FlowDocument.nullable(),
      /** The runs that retried records of this one, oldest first. */
      retries: z.array(z.string()),
      /** Its records failed now (after those retries), by the node they failed at. */
      failedByNode: z.record(z.string(), z.number().int()),
      /** Of those, the records a cancel stopped, by node. */
      stoppedByNode: z.record(z.string(), z.number().int()),
    }),
    'One run, with the flow document as it ran, the runs that retried it and what still fails.',
  ),
  'runs.items': defineCall(
    z
      .object({
        runId: z.string(),
        status: ItemStatus.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(RunItemSummary), total: z.number().int() }),
    "A page of a run's records.",
  ),
  'runs.recordsCsv': defineCall(
    z.object({ runId: z.string(), status: ItemStatus.optional(), language: Language }).strict(),
    z.object({ fileName: z.string(), text: z.string(), records: z.number().int() }),
    "A run's records (those with `status`, else all) as a CSV file in `language`: what the run page exports.",
  ),
  'runs.item': defineCall(
    z.object({ itemId: z.number().int() }).strict(),
    RunItemDetail,
    'One record: source, mapped record, request, response, error and attempt history.',
  ),
  'runs.itemLog': defineCall(
    z.object({ itemId: z.number().int() }).strict(),
    z.object({ lines: z.array(LogEvent) }),
    "The log lines about one record (a node's warnings and errors for it), in its run and in the runs that retried it, oldest first.",
  ),
  'runs.search': defineCall(
    z
      .object({ text: z.string().trim().min(1), limit: z.number().int().min(1).max(500).default(50) })
      .strict(),
    z.object({ items: z.array(RunItemSummary) }),
    'Records across runs whose order number, e-mail, SKU or item key holds the text (exact, then leading, then anywhere); each names its run.',
  ),
  'runs.retry': defineCall(
    z
      .object({
        runId: z.string(),
        /** Only these items (default: every failed record of the run). */
        itemIds: z.array(z.number().int()).optional(),
        /** Or the record with this key. */
        itemKey: z.string().optional(),
        /** Where each record starts again (default: the node it failed at). */
        from: RetryFrom.optional(),
      })
      .strict(),
    z.object({ runId: z.string() }),
    'Retries failed records from the node they failed at, with the current flow, as a new run linked to this one.',
  ),
  'runs.events': defineCall(
    z
      .object({
        runId: z.string(),
        afterSeq: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(1000),
      })
      .strict(),
    z.object({ events: z.array(RunEvent), lastSeq: z.number().int(), finished: z.boolean() }),
    "A page of a run's stored events (the live log catching up after a reconnect).",
  ),
  'runs.warnings': defineCall(
    z.object({ runId: z.string(), limit: z.number().int().min(1).max(50).default(5) }).strict(),
    z.object({
      /** Warning lines in the run's log, repeats included. */
      total: z.number().int(),
      /** Different messages among them. */
      distinct: z.number().int(),
      warnings: z.array(RunWarningLine),
    }),
    'A run\'s warnings (its log\'s "warn" lines), each message once, in the order told, at most `limit`.',
  ),
  'runs.stats': defineCall(
    z.object({ flowId: z.string().optional(), days: z.number().int().min(1).max(365).default(30) }).strict(),
    RunStats,
    'Records succeeded, skipped and failed per day, and the most frequent errors.',
  ),
  'runs.waiting': defineCall(
    z.object({ flowId: z.string().optional() }).strict(),
    z.object({ records: z.array(WaitingRecordView), waitingDays: z.number().int() }),
    'Records waiting for another record (a product, an order): the next runs of their flow offer them again.',
  ),
  'runs.stopWaiting': defineCall(
    z
      .object({
        /** Without it: every record that waits (of `flowId`, when given). */
        itemKey: z.string().optional(),
        flowId: z.string().optional(),
      })
      .strict()
      .refine(
        (input) => input.itemKey === undefined || input.flowId !== undefined,
        'A record key needs its flowId.',
      ),
    z.object({ stopped: z.number().int() }),
    "Lets waiting records go (one, a flow's, or all): the next runs no longer offer them (their source sends them again when they change).",
  ),
  'runs.erase': defineCall(
    z.object({ email: z.email() }).strict(),
    z.object({ itemsErased: z.number().int(), eventsErased: z.number().int() }),
    "Erases a customer's data (by e-mail) from every stored payload: a GDPR request.",
  ),
} as const;
