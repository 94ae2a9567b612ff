import { InvalidArgumentError, Option, type Command } from 'commander';
import { resolveDataDir } from '../../app/data-dir';

/** `--data-dir D`, shared by every command that touches the data folder. */
export function withDataDir(command: Command): Command {
  return command.addOption(
    new Option('--data-dir <dir>', 'data folder (default: KOPPEL_DATA_DIR or the OS app-data folder)'),
  );
}

export function dataDirFrom(options: { dataDir?: string }): string {
  return resolveDataDir({ flag: options.dataDir });
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`--port must be a whole number from 0 to 65535, got "${value}".`);
  }
  return port;
}

/** Exit codes shared by every command (see README). */
export const ExitCode = {
  ok: 0,
  someFailed: 1,
  invalid: 2,
  unreachable: 3,
} as const;
