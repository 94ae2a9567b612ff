import { Command } from 'commander';
import { APP_VERSION } from '../../app/version';
import { ExitCode } from './options';
import { registerAlerts } from './commands/alerts';
import { registerConnections } from './commands/connections';
import { registerDiagnostics } from './commands/diagnostics';
import { registerSandbox } from './commands/sandbox';
import { registerServe } from './commands/serve';
import { registerRun } from './commands/run';
import { registerRuns } from './commands/runs';
import { registerFlows } from './commands/flows';
import { registerSchedule } from './commands/schedule';
import { registerTemplates } from './commands/templates';

/** The `koppel` command line; each command lives in its own file under `commands/`. */
export function createProgram(): Command {
  const program = new Command()
    .name('koppel')
    .description('Koppel keeps Teamleader Focus and MplusKASSA in sync.')
    .version(APP_VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run "koppel --help" for the list of commands)')
    // A usage error (unknown command or option, bad argument) is exit code 2, as documented;
    // set before the commands are added, so they inherit it.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? ExitCode.ok : ExitCode.invalid));
  registerServe(program);
  registerSandbox(program);
  registerConnections(program);
  registerRun(program);
  registerRuns(program);
  registerFlows(program);
  registerSchedule(program);
  registerTemplates(program);
  registerAlerts(program);
  registerDiagnostics(program);
  return program;
}
