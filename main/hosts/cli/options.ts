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

/** A port a server listens on (1–65535: 0, "any free port", is for our own listeners only). */
export function parseServerPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InvalidArgumentError(`give a whole number from 1 to 65535, got "${value}".`);
  return port;
}

/** An http:// or https:// address. */
export function parseHttpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not an address (e.g. https://api.focus.teamleader.eu).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidArgumentError(`"${value}" must start with http:// or https://.`);
  return value;
}

/** Text that is not empty. */
export function parseText(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('it cannot be empty.');
  return value.trim();
}

/** Exit codes shared by every command (see README). */
export const ExitCode = {
  ok: 0,
  someFailed: 1,
  invalid: 2,
  unreachable: 3,
} as const;
