import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { nodeNamesOf } from '../../../../shared/flow/node-names';
import { ItemStatus, RunStatus, STOPPED_BY_CANCEL } from '../../../../shared/flow/run-records';
import { recordCount } from '../../../../shared/flow/wording';
import { Language } from '../../../../shared/settings/settings';
import { writeRunRecordsCsv } from '../../../services/records-csv';
import { englishReasons } from '../../../../shared/flow/skip-reasons';
import { ExitCode, withDataDir } from '../options';
import { parseLimit } from './run';
import {
  call,
  CliExit,
  describeRun,
  MAX_WARNINGS,
  nodeAt,
  followRun,
  guarded,
  itemJson,
  processIo,
  withApp,
  writeOutput,
  type SyncCliIo,
} from './sync-cli';

interface Common {
  dataDir?: string;
  json?: boolean;
}

/** Search text: empty or blank would match nothing useful, so it is a usage error. */
function searchText(value: string): string {
  const text = value.trim();
  if (text === '')
    throw new InvalidArgumentError('Give an order number, e-mail, SKU or item key to look for.');
  return text;
}

/** How long `runs cancel` waits for the run to stop before it says it was only asked. */
const CANCEL_WAIT_MS = 30_000;

/** `koppel runs list|show|search|retry|cancel|waiting|stop-waiting`. */
export function registerRuns(program: Command, io: SyncCliIo = processIo): void {
  const runs = program
    .command('runs')
    .description(
      'run history: list, show, export as CSV, search by order number / e-mail / SKU, retry, cancel, and the records waiting for another',
    );

  withDataDir(
    runs
      .command('list')
      .description('recent runs, newest first')
      .option('--flow <id>', 'only this flow')
      .addOption(new Option('--status <status>', 'only runs with this status').choices(RunStatus.options))
      .option('--limit <n>', 'how many (default 20)', parseLimit)
      .option('--json', 'print JSON'),
  ).action((options: Common & { flow?: string; status?: RunStatus; limit?: number }) =>
    guarded(
      io,
      'runs list',
      () =>
        withApp(io, options, async (app) => {
          const { runs: list } = app.ctx.sync.store.runs.list({
            limit: options.limit ?? 20,
            ...(options.flow ? { flowId: options.flow } : {}),
            ...(options.status ? { status: options.status } : {}),
          });
          if (options.json) io.out(`${JSON.stringify(list)}\n`);
          else if (list.length === 0) {
            const filters = [
              ...(options.flow ? [`of flow "${options.flow}"`] : []),
              ...(options.status ? [`with status ${options.status}`] : []),
            ];
            io.out(filters.length === 0 ? 'No runs yet.\n' : `No runs ${filters.join(' ')}.\n`);
          } else for (const run of list) io.out(`${describeRun(run)}\n`);
        }),
      options,
    ),
  );

  withDataDir(
    runs
      .command('show')
      .description('a run and its records (what each did, where it failed and why)')
      .argument('<runId>')
      .option('--failed', 'only the failed records')
      .option('--json', 'print {"run":…,"items":[…]}'),
  ).action((runId: string, options: Common & { failed?: boolean }) =>
    guarded(
      io,
      'runs show',
      () =>
        withApp(io, options, async (app) => {
          const run = app.ctx.sync.store.runs.get(runId);
          if (!run) throw new CliExit(ExitCode.invalid, `There is no run ${runId}.`);
          const items = app.ctx.sync.store.items.each(runId, options.failed ? 'failed' : undefined);
          if (options.json) {
            io.out(`${JSON.stringify({ run, items: [...items].map((item) => itemJson(item)) })}\n`);
            return;
          }
          io.out(`${describeRun(run)}\n`);
          if (run.error) io.out(`Stopped: ${run.error.message}\n`);
          if (run.parentRunId) io.out(`Retries records of ${run.parentRunId}\n`);
          const retries = app.ctx.sync.store.runs.retriesOf(runId);
          if (retries.length > 0) io.out(`Retried in ${retries.join(', ')}\n`);
          // What it warned of, as `koppel run` and the run's page say it: each message once.
          const warned = app.ctx.sync.store.events.warnings(runId, MAX_WARNINGS);
          if (warned.total > 0) {
            io.out(`Worth a look (${warned.total} warning${warned.total === 1 ? '' : 's'}):\n`);
            for (const line of warned.lines) io.out(`  ${line.message}\n`);
            const more = warned.distinct - warned.lines.length;
            if (more > 0)
              io.out(`  … and ${more} more different warning${more === 1 ? '' : 's'} in the run's log\n`);
          }
          const names = nodeNamesOf(app.ctx.sync.store.runs.flowOf(runId), 'en');
          for (const item of items) {
            const keys = Object.values(item.businessKeys).join(', ');
            const why =
              item.status === 'failed'
                ? ` at ${nodeAt(names, item.nodeId)}: ${item.error?.message ?? ''}`
                : item.reason
                  ? ` (${item.reason})`
                  : '';
            // A record a cancel stopped says so, as on the run's page (its status stays failed, to retry).
            const status = item.error?.code === STOPPED_BY_CANCEL ? 'stopped' : item.status;
            io.out(`  ${status.padEnd(9)} ${item.key}${keys ? ` [${keys}]` : ''}${why}\n`);
          }
        }),
      options,
    ),
  );

  withDataDir(
    runs
      .command('export')
      .description("a run's records as CSV for a spreadsheet, in the words and columns of the run's page")
      .argument('<runId>')
      .addOption(
        new Option('--status <status>', 'only the records with this status').choices(ItemStatus.options),
      )
      .addOption(new Option('--failed', 'only the failed records').conflicts('status'))
      .addOption(
        new Option(
          '--language <language>',
          "the CSV's words; nl also separates with ';' (default: the settings')",
        ).choices(Language.options),
      )
      .option('--out <file>', 'write to this file (default: standard output)'),
  ).action(
    (
      runId: string,
      options: Common & { status?: ItemStatus; failed?: boolean; language?: Language; out?: string },
    ) =>
      guarded(io, 'runs export', () =>
        withApp(io, options, async (app) => {
          const { store } = app.ctx.sync;
          // Asked first: an unknown run leaves no empty file behind.
          if (!store.runs.get(runId)) throw new CliExit(ExitCode.invalid, `There is no run ${runId}.`);
          const csv = {
            status: options.failed ? 'failed' : options.status,
            language: options.language ?? app.ctx.settings.get().language,
          };
          let records = 0;
          const toFile = writeOutput(io, options.out, (write) => {
            records = writeRunRecordsCsv(store, runId, csv, write)?.records ?? 0;
          });
          if (toFile) io.out(`Wrote ${recordCount(records)} of ${runId} to ${options.out}.\n`);
        }),
      ),
  );

  withDataDir(
    runs
      .command('search')
      .description(
        'find records across runs whose order number, e-mail, SKU or item key holds the text (exact matches first)',
      )
      .addArgument(new Argument('<text>', 'what to look for').argParser(searchText))
      .option('--json', 'print the matching records as JSON, each with its runId'),
  ).action((text: string, options: Common) =>
    guarded(
      io,
      'runs search',
      () =>
        withApp(io, options, async (app) => {
          const items = app.ctx.sync.store.items.search(text, 200);
          if (options.json) io.out(`${JSON.stringify(items.map((item) => itemJson(item, true)))}\n`);
          else if (items.length === 0) io.out(`Nothing found for "${text}".\n`);
          else {
            // Records of a dry run were not written: marked, as the app's search marks them.
            const runs = new Map<string, boolean>();
            const dry = (runId: string) => {
              if (!runs.has(runId)) runs.set(runId, app.ctx.sync.store.runs.get(runId)?.dryRun ?? false);
              return runs.get(runId) ? '  [dry run]' : '';
            };
            for (const item of items)
              io.out(
                `${item.runId}  ${item.status.padEnd(9)} ${item.key}  ${Object.values(item.businessKeys).join(', ')}${dry(item.runId)}\n`,
              );
          }
        }),
      options,
    ),
  );

  withDataDir(
    runs
      .command('waiting')
      .description(
        'records waiting for another record (a product, an order) that the next runs of their flow offer again',
      )
      .option('--flow <id>', 'only this flow')
      .option('--json', 'print them as JSON'),
  ).action((options: Common & { flow?: string }) =>
    guarded(
      io,
      'runs waiting',
      () =>
        withApp(io, options, async (app) => {
          const records = app.ctx.sync.store.waiting.list(options.flow);
          if (options.json) {
            io.out(
              `${JSON.stringify(
                records.map((record) => ({
                  flowId: record.flowId,
                  key: record.itemKey,
                  businessKeys: record.businessKeys,
                  reason: englishReasons(record.reasons),
                  since: new Date(record.since).toISOString(),
                  lastRunId: record.runId,
                })),
              )}\n`,
            );
          } else if (records.length === 0) io.out('No records are waiting.\n');
          else
            for (const record of records) {
              const keys = Object.values(record.businessKeys).join(', ');
              const since = new Date(record.since).toISOString().slice(0, 16).replace('T', ' ');
              io.out(
                `${record.flowId}  ${record.itemKey}${keys ? ` [${keys}]` : ''}  since ${since} UTC: ${englishReasons(record.reasons)}\n`,
              );
            }
        }),
      options,
    ),
  );

  withDataDir(
    runs
      .command('stop-waiting')
      .description('let a waiting record go: the next runs no longer offer it')
      .argument('<flowId>')
      .argument('<key>', "the record's item key, as `runs waiting` prints it"),
  ).action((flowId: string, key: string, options: Common) =>
    guarded(io, 'runs stop-waiting', () =>
      withApp(io, options, async (app) => {
        if (app.ctx.sync.store.waiting.stop({ flowId, itemKey: key }) === 0)
          throw new CliExit(ExitCode.invalid, `No record ${key} of flow ${flowId} is waiting.`);
        io.out(`${key} of flow ${flowId} no longer waits.\n`);
      }),
    ),
  );

  withDataDir(
    runs
      .command('retry')
      .description('retry the failed records of a run (or one of them) from where they failed, as a new run')
      .argument('<runId>')
      .option('--item <key>', 'only the record with this key')
      .option('--json', 'print one JSON line with the outcome'),
  ).action((runId: string, options: Common & { item?: string }) =>
    guarded(
      io,
      'runs retry',
      () =>
        withApp(io, options, async (app) => {
          const { startRetry } = await import('../../../services/runs-service');
          const handle = startRetry(app.ctx, runId, options.item ? { itemKey: options.item } : {});
          await followRun(io, app, handle, { json: options.json ?? false });
        }),
      options,
    ),
  );

  withDataDir(
    runs
      .command('cancel')
      .description(
        'cancel a run that is going in another Koppel process on the data folder (the desktop app, koppel serve, koppel schedule, koppel run); records in flight finish their current step',
      )
      .argument('<runId>')
      .option('--json', 'print the run once it stopped'),
  ).action((runId: string, options: Common) =>
    guarded(
      io,
      'runs cancel',
      () =>
        withApp(io, options, async (app) => {
          const { cancelled } = await call(app, 'runs.cancel', { runId });
          if (!cancelled) {
            const run = app.ctx.sync.store.runs.get(runId);
            throw new CliExit(
              ExitCode.invalid,
              run
                ? `Run ${runId} is not running (${run.status}): there is nothing to cancel.`
                : `There is no run ${runId} (see "koppel runs list").`,
            );
          }
          // The process running it looks every second; what it did is read back from the history.
          const deadline = Date.now() + CANCEL_WAIT_MS;
          let run = app.ctx.sync.store.runs.get(runId);
          while (run?.status === 'running' && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            run = app.ctx.sync.store.runs.get(runId);
          }
          if (!run || run.status === 'running') {
            throw new CliExit(
              ExitCode.someFailed,
              `Asked the process running ${runId} to cancel it; it has not stopped yet.`,
            );
          }
          if (options.json) io.out(`${JSON.stringify(run)}\n`);
          else io.out(`${describeRun(run)}\n`);
        }),
      options,
    ),
  );
}
