import fs from 'node:fs';
import type { Command } from 'commander';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import { failureOf } from '../../../../shared/api/errors';
import type { FlowDocument, Schedule } from '../../../../shared/flow/flow-document';
import { hasErrors, type FlowProblem } from '../../../../shared/flow/flow-problem';
import { flowIdInText } from '../../../../shared/flow/migrations';
import { ExitCode, withDataDir } from '../options';
import { textTable } from '../text-table';
import {
  call,
  CliExit,
  guarded,
  printProblems,
  processIo,
  readFlowFile,
  withApp,
  writeOutput,
  type SyncCliIo,
} from './sync-cli';

/**
 * `koppel flows validate <file>`: checks a flow file without touching a data folder, or with
 * `--data-dir` also each node's connection against that folder's connections (as `koppel run` does).
 * `list`, `export`, `import`, `enable` and `disable` manage a data folder's flows, so a server
 * without a screen (`koppel schedule`) gets its flows from files made in the app.
 */
export function registerFlows(program: Command, io: SyncCliIo = processIo): void {
  const flows = program.command('flows').description('flow documents');
  registerLibrary(flows, io);
  flows
    .command('validate')
    .description('check a flow file: kinds, config fields, edges, cycles, schedule')
    .argument('<file>', 'a .flow.json file')
    .option('--json', 'print {"valid":…,"problems":[…]}')
    .option('--data-dir <dir>', "also check each node's connection against this data folder's connections")
    .action((file: string, options: { json?: boolean; dataDir?: string }) =>
      guarded(
        io,
        'flows validate',
        async () => {
          let flow: FlowDocument;
          try {
            flow = readFlowFile(file);
          } catch (error) {
            if (!options.json || !(error instanceof CliExit)) throw error;
            // A script reading --json gets its line for a file that cannot be read or parsed too.
            const problem = { severity: 'error', code: 'flow.file', message: error.message };
            io.out(`${JSON.stringify({ valid: false, flow: null, problems: [problem] })}\n`);
            io.setExitCode(error.code);
            return;
          }
          const problems = options.dataDir ? await validateIn(io, options, flow) : await validateAlone(flow);
          const valid = !hasErrors(problems);
          if (options.json) io.out(`${JSON.stringify({ valid, flow: flow.id, problems })}\n`);
          else {
            printProblems(io, problems);
            io.out(valid ? `Flow "${flow.name}" is valid.\n` : `Flow "${flow.name}" has errors.\n`);
          }
          io.setExitCode(valid ? ExitCode.ok : ExitCode.invalid);
        },
        options,
      ),
    );
}

/** Kinds, config, edges, cycles, schedule and code: what the file alone can tell. */
async function validateAlone(flow: FlowDocument): Promise<FlowProblem[]> {
  const [{ createNodeRegistry }, { validateFlowDocument }] = await Promise.all([
    import('../../../nodes'),
    import('../../../engine/validation'),
  ]);
  return validateFlowDocument(flow, createNodeRegistry().catalog);
}

/** The same, plus whether each node gets its connection in that data folder. */
function validateIn(
  io: SyncCliIo,
  options: { dataDir?: string },
  flow: FlowDocument,
): Promise<FlowProblem[]> {
  return withApp(io, options, async (app) => app.ctx.sync.engine.validate(flow));
}

/** The commands over a data folder's saved flows. */
function registerLibrary(flows: Command, io: SyncCliIo): void {
  withDataDir(
    flows.command('list').description("list the data folder's flows").option('--json', 'print JSON'),
  ).action((options: { dataDir?: string; json?: boolean }) =>
    guarded(
      io,
      'flows list',
      () =>
        withApp(io, options, async (app) => {
          const { flows: list } = await call(app, 'flows.list', {});
          if (options.json) io.out(`${JSON.stringify({ flows: list })}\n`);
          else io.out(list.length === 0 ? 'No flows yet.\n' : flowTable(list));
        }),
      options,
    ),
  );

  withDataDir(
    flows
      .command('export')
      .description('write a flow as JSON, to import elsewhere (standard output unless --out)')
      .argument('<id>', 'the flow\'s id (see "koppel flows list")')
      .option('--out <file>', 'write it to this file'),
  ).action((id: string, options: { dataDir?: string; out?: string }) =>
    guarded(io, 'flows export', () =>
      withApp(io, options, async (app) => {
        const { json } = await call(app, 'flows.export', { id });
        if (writeOutput(io, options.out, json)) io.out(`Wrote ${options.out}.\n`);
      }),
    ),
  );

  withDataDir(
    flows
      .command('import')
      .description('add a flow from a file (any schema version); saved paused unless --enable')
      .argument('<file>', 'a .flow.json file, e.g. from "koppel flows export" or the app')
      .option(
        '--replace',
        'replace the saved flow with the same id (default: import as a copy with a new id)',
      )
      .option('--enable', 'run it on its schedule')
      .option('--json', 'print {"flow","name","enabled","problems"}'),
  ).action(
    (file: string, options: { dataDir?: string; replace?: boolean; enable?: boolean; json?: boolean }) =>
      guarded(io, 'flows import', () =>
        withApp(io, options, async (app) => {
          let json: string;
          try {
            json = fs.readFileSync(file, 'utf8');
          } catch (error) {
            throw new CliExit(ExitCode.invalid, `cannot read ${file}: ${failureOf(error).message}`);
          }
          const imported = await call(app, 'flows.import', { json, replace: options.replace ?? false });
          let { flow, problems } = imported;
          // A flow file keeps the state it was exported in; --enable decides here, paused otherwise.
          const enabled = options.enable ?? false;
          if (flow.enabled !== enabled)
            ({ flow, problems } = await call(app, 'flows.setEnabled', { id: flow.id, enabled }));
          const sourceId = flowIdInText(json);
          const copied = sourceId !== undefined && sourceId !== flow.id;
          report(io, flow, problems, options.json ?? false, () =>
            [
              `Imported "${flow.name}" as ${flow.id}`,
              copied ? ` (a flow with id ${sourceId} exists: this is a copy; --replace replaces it)` : '',
              flow.enabled ? ', enabled' : ', paused',
              '.',
            ].join(''),
          );
        }),
      ),
  );

  for (const enabled of [true, false]) {
    const verb = enabled ? 'enable' : 'disable';
    withDataDir(
      flows
        .command(verb)
        .description(
          enabled ? 'run a flow on its schedule' : "pause a flow's schedule (it still runs by hand)",
        )
        .argument('<id>', 'the flow\'s id (see "koppel flows list")')
        .option('--json', 'print {"flow","name","enabled","problems"}'),
    ).action((id: string, options: { dataDir?: string; json?: boolean }) =>
      guarded(io, `flows ${verb}`, () =>
        withApp(io, options, async (app) => {
          const { flow, problems } = await call(app, 'flows.setEnabled', { id, enabled });
          report(io, flow, problems, options.json ?? false, () =>
            !enabled
              ? `Paused "${flow.name}".`
              : flow.schedule.kind === 'manual'
                ? `Enabled "${flow.name}"; its schedule is "by hand", so it runs only when started.`
                : `Enabled "${flow.name}": it runs ${scheduleText(flow.schedule)}.`,
          );
        }),
      ),
    );
  }
}

/** Opens the app on the data folder for one command's work, and closes it after. */
/**
 * What a saved flow says of itself: the sentence (or the --json line) and its problems; exit 2
 * when it has errors (it is saved, but no run of it starts until they are fixed).
 */
function report(
  io: SyncCliIo,
  flow: FlowDocument,
  problems: readonly FlowProblem[],
  json: boolean,
  sentence: () => string,
): void {
  const errors = hasErrors(problems);
  if (json)
    io.out(`${JSON.stringify({ flow: flow.id, name: flow.name, enabled: flow.enabled, problems })}\n`);
  else {
    io.out(`${sentence()}\n`);
    printProblems(io, problems);
    if (errors) io.err(`Flow "${flow.name}" has errors: it does not run until they are fixed.\n`);
  }
  io.setExitCode(errors ? ExitCode.invalid : ExitCode.ok);
}

function flowTable(list: readonly FlowSummary[]): string {
  return textTable(
    ['ID', 'NAME', 'STATE', 'SCHEDULE', 'LAST RUN', 'PROBLEMS'],
    list.map((flow) => [
      flow.id,
      flow.name,
      flow.running ? 'running' : flow.enabled ? 'enabled' : 'paused',
      scheduleText(flow.schedule),
      flow.lastRun ? `${flow.lastRun.status} ${flow.lastRun.startedAt}` : 'never',
      [
        flow.errors > 0 ? `${flow.errors} error${flow.errors === 1 ? '' : 's'}` : '',
        flow.warnings > 0 ? `${flow.warnings} warning${flow.warnings === 1 ? '' : 's'}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    ]),
  );
}

function scheduleText(schedule: Schedule): string {
  if (schedule.kind === 'manual') return 'by hand';
  if (schedule.kind === 'interval') {
    const minutes = schedule.everyMinutes;
    return minutes === 1 ? 'every minute' : `every ${minutes} minutes`;
  }
  return `cron "${schedule.cron}" (${schedule.timezone})`;
}
