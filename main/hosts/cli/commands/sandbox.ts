import { InvalidArgumentError, Option, type Command } from 'commander';
import { KoppelError } from '../../../../shared/api/errors';
import type { Sandbox, SandboxSize } from '../../../sandbox/sandbox-types';
import { dataDirFrom, ExitCode, parsePort, withDataDir } from '../options';
import { processIo } from './sync-cli';

interface SandboxOptions {
  dataDir?: string;
  teamleaderPort?: number;
  mplusPort?: number;
  seed?: number;
  size?: SandboxSize;
}

/**
 * `koppel sandbox`: runs both twins, registers them as "Sandbox Teamleader" and "Sandbox MplusKASSA",
 * prints one JSON line with their addresses and (non-secret) credentials, and serves until stopped.
 * Other Koppel processes on the same data folder use these twins (see sandbox.json).
 */
export function registerSandbox(program: Command): void {
  withDataDir(
    program
      .command('sandbox')
      .description('run the Teamleader and MplusKASSA twins as a sandbox until stopped')
      .addOption(
        new Option('--teamleader-port <n>', 'port of the Teamleader twin (default: any free port)').argParser(
          portOf('--teamleader-port'),
        ),
      )
      .addOption(
        new Option('--mplus-port <n>', 'port of the MplusKASSA twin (default: any free port)').argParser(
          portOf('--mplus-port'),
        ),
      )
      .addOption(
        new Option('--seed <s>', 'seed of the generated data (default: the settings, 1)').argParser(
          parseSeed,
        ),
      )
      .addOption(
        new Option('--size <size>', 'amount of generated data').choices(['small', 'medium', 'large']),
      ),
  ).action(async (options: SandboxOptions) => {
    const app = await processIo.openApp({ dataDir: dataDirFrom(options) });
    let sandbox: Sandbox;
    try {
      sandbox = await app.ctx.sandbox.startOwned({
        ...(options.teamleaderPort !== undefined ? { teamleaderPort: options.teamleaderPort } : {}),
        ...(options.mplusPort !== undefined ? { mplusPort: options.mplusPort } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.size !== undefined ? { size: options.size } : {}),
      });
    } catch (error) {
      await app.dispose();
      process.stderr.write(`koppel sandbox: ${describeStartError(error)}\n`);
      process.exit(
        error instanceof KoppelError && error.code === 'conflict' ? ExitCode.invalid : ExitCode.unreachable,
      );
    }
    process.stdout.write(`${JSON.stringify(sandbox.info)}\n`);
    process.stderr.write(
      `Sandbox running (seed ${sandbox.seed}, ${sandbox.size}): Teamleader ${sandbox.info.teamleader.apiUrl}, ` +
        `MplusKASSA ${sandbox.info.mplus.url}\nData folder: ${app.ctx.dataDir}\nPress Ctrl+C to stop.\n`,
    );
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await app.dispose();
      process.exit(ExitCode.ok);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });
}

/** `parsePort` with the flag's own name in the message. */
function portOf(flag: string): (value: string) => number {
  return (value) => {
    try {
      return parsePort(value);
    } catch {
      throw new InvalidArgumentError(`${flag} must be a whole number from 0 to 65535, got "${value}".`);
    }
  };
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed))
    throw new InvalidArgumentError(`--seed must be a whole number, got "${value}".`);
  return seed;
}

function describeStartError(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    return `a port is already in use (${error.message}); choose another with --teamleader-port / --mplus-port.`;
  }
  return error instanceof Error ? error.message : String(error);
}
