import type { Command } from 'commander';
import { withDataDir } from '../options';
import { call, guarded, processIo, withApp, writeOutput, type SyncCliIo } from './sync-cli';

/**
 * `koppel diagnostics [--out file]`: the support report of Settings › Help and support, for a
 * server without a screen (with the end of `koppel schedule`'s log file).
 */
export function registerDiagnostics(program: Command, io: SyncCliIo = processIo): void {
  withDataDir(
    program
      .command('diagnostics')
      .description(
        'a support report: versions, settings, connections, flows, the newest runs and the end of the log files (no secrets)',
      )
      .option('--out <file>', 'write it to this file (default: standard output)'),
  ).action((options: { dataDir?: string; out?: string }) =>
    guarded(io, 'diagnostics', () =>
      withApp(io, options, async (app) => {
        const { text } = await call(app, 'app.diagnostics', {});
        if (writeOutput(io, options.out, text)) io.out(`Wrote ${options.out}.\n`);
      }),
    ),
  );
}
