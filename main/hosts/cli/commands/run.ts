import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { KoppelError } from '../../../../shared/api/errors';
import { hasErrors } from '../../../../shared/flow/flow-problem';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import type { App } from '../../../app/create-app';
import { dataDirFrom, ExitCode, withDataDir } from '../options';
import {
  CliExit,
  followRun,
  guarded,
  printProblems,
  processIo,
  readFlowFile,
  type SyncCliIo,
} from './sync-cli';

interface RunOptions {
  dataDir?: string;
  dryRun?: boolean;
  limit?: number;
  json?: boolean;
}

export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidArgumentError(`--limit must be a whole number above 0, got "${value}".`);
  return limit;
}

/**
 * A path to a flow file, the id of a flow saved in the data folder (as `koppel flows list` shows
 * it: the flow made in the app runs as it is saved, on its own history), or a template's id.
 */
function resolveFlow(app: App, target: string): FlowDocument {
  if (target.endsWith('.json') || fs.existsSync(target)) return readFlowFile(target);
  const saved = app.ctx.sync.flows.get(target);
  if (saved) return saved;
  try {
    return app.ctx.sync.templates.get(target);
  } catch (error) {
    // None: perhaps a mistyped file name (without .json) or id; say where each is listed.
    if (error instanceof KoppelError && error.code === 'not_found') {
      throw new CliExit(
        ExitCode.invalid,
        `"${target}" is neither a flow file, a saved flow's id ("koppel flows list") nor a template id ("koppel templates list").`,
      );
    }
    throw error;
  }
}

/** `koppel run <flow-id|template-id|flow.json>`: runs a flow once, with a progress bar on a terminal. */
export function registerRun(program: Command, io: SyncCliIo = processIo): void {
  withDataDir(
    program
      .command('run')
      .description(
        'run a flow once: a saved flow\'s id (see "koppel flows list"), a template id (see "koppel templates list") or a flow.json file',
      )
      .argument('<flow>', 'saved flow id, template id or path to a .flow.json file')
      .option('--dry-run', 'do everything but the writes, recording what would be sent')
      .option('--limit <n>', 'at most this many records', parseLimit)
      .option('--json', 'print one JSON line with the outcome'),
  ).action((target: string, options: RunOptions) =>
    guarded(
      io,
      'run',
      async () => {
        // A bad file fails before the data folder is touched.
        const fromFile = target.endsWith('.json') || fs.existsSync(target) ? readFlowFile(target) : undefined;
        const app = await io.openApp({ dataDir: dataDirFrom(options) });
        try {
          const flow = fromFile ?? resolveFlow(app, target);
          const problems = app.ctx.sync.engine.validate(flow);
          if (hasErrors(problems)) {
            printProblems(io, problems);
            throw new CliExit(ExitCode.invalid, `flow "${flow.name}" is invalid; nothing was run.`, problems);
          }
          const { startRun } = await import('../../../services/runs-service');
          const handle = startRun(app.ctx, {
            flow,
            trigger: 'manual',
            dryRun: options.dryRun ?? false,
            limit: options.limit ?? null,
          });
          await followRun(io, app, handle, { json: options.json ?? false });
        } finally {
          await app.dispose();
        }
      },
      options,
    ),
  );
}
