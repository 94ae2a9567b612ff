import { Command } from 'commander';
import { APP_VERSION } from '../../app/version';
import { registerConnections } from './commands/connections';
import { registerSandbox } from './commands/sandbox';
import { registerServe } from './commands/serve';

/** The `koppel` command line; each command lives in its own file under `commands/`. */
export function createProgram(): Command {
  const program = new Command()
    .name('koppel')
    .description('Koppel keeps Teamleader Focus and MplusKASSA in sync.')
    .version(APP_VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run "koppel --help" for the list of commands)');
  registerServe(program);
  registerSandbox(program);
  registerConnections(program);
  return program;
}
