import type { Command } from 'commander';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import { hasErrors, type FlowProblem } from '../../../../shared/flow/flow-problem';
import { dataDirFrom, ExitCode } from '../options';
import { CliExit, guarded, printProblems, processIo, readFlowFile, type SyncCliIo } from './sync-cli';

/**
 * `koppel flows validate <file>`: checks a flow file without touching a data folder, or with
 * `--data-dir` also each node's connection against that folder's connections (as `koppel run` does).
 */
export function registerFlows(program: Command, io: SyncCliIo = processIo): void {
  const flows = program.command('flows').description('flow documents');
  flows
    .command('validate')
    .description('check a flow file: kinds, config fields, edges, cycles, schedule')
    .argument('<file>', 'a .flow.json file')
    .option('--json', 'print {"valid":…,"problems":[…]}')
    .option('--data-dir <dir>', "also check each node's connection against this data folder's connections")
    .action((file: string, options: { json?: boolean; dataDir?: string }) =>
      guarded(io, 'flows validate', async () => {
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
        const problems = options.dataDir
          ? await validateIn(io, dataDirFrom(options), flow)
          : await validateAlone(flow);
        const valid = !hasErrors(problems);
        if (options.json) io.out(`${JSON.stringify({ valid, flow: flow.id, problems })}\n`);
        else {
          printProblems(io, problems);
          io.out(valid ? `Flow "${flow.name}" is valid.\n` : `Flow "${flow.name}" has errors.\n`);
        }
        io.setExitCode(valid ? ExitCode.ok : ExitCode.invalid);
      }),
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
async function validateIn(io: SyncCliIo, dataDir: string, flow: FlowDocument): Promise<FlowProblem[]> {
  const app = await io.openApp({ dataDir });
  try {
    return app.ctx.sync.engine.validate(flow);
  } finally {
    await app.dispose();
  }
}
