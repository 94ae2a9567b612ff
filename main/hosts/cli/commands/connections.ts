import type { Command } from 'commander';
import type { ConnectionView } from '../../../../shared/api/calls/connections';
import { apiCalls } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/errors';
import type { App } from '../../../app/create-app';
import { dataDirFrom, ExitCode, withDataDir } from '../options';
import { textTable } from '../text-table';
import { processIo } from './sync-cli';

interface Flags {
  dataDir?: string;
  json?: boolean;
}

/** `koppel connections list|test <id>`: the registry from the command line; never prints a secret. */
export function registerConnections(program: Command): void {
  const connections = program.command('connections').description('list and test connections');

  withDataDir(
    connections
      .command('list')
      .description('list connections with their status')
      .option('--json', 'print JSON'),
  ).action(async (flags: Flags) => {
    await withApp(flags, async (app) => {
      const result = await app.dispatch('connections.list', {});
      if (!result.ok) return failed(result.error, flags);
      const { connections: list } = apiCalls['connections.list'].output.parse(result.output);
      if (flags.json) process.stdout.write(`${JSON.stringify({ connections: list })}\n`);
      else process.stdout.write(list.length ? table(list) : 'No connections yet.\n');
      return ExitCode.ok;
    });
  });

  withDataDir(
    connections
      .command('test <id>')
      .description('call the system behind a connection and show its account')
      .option('--json', 'print JSON'),
  ).action(async (id: string, flags: Flags) => {
    await withApp(flags, async (app) => {
      const result = await app.dispatch('connections.test', { id });
      if (!result.ok) return failed(result.error, flags);
      const output = apiCalls['connections.test'].output.parse(result.output);
      if (flags.json) process.stdout.write(`${JSON.stringify(output)}\n`);
      else if (output.ok)
        process.stdout.write(`OK  ${output.connection.name}: ${accountText(output.connection)}\n`);
      else process.stdout.write(`FAILED  ${output.connection.name}: ${output.error.message}\n`);
      return output.ok ? ExitCode.ok : ExitCode.unreachable;
    });
  });
}

async function withApp(flags: Flags, work: (app: App) => Promise<number>): Promise<void> {
  const app = await processIo.openApp({ dataDir: dataDirFrom(flags) });
  let code: number;
  try {
    code = await work(app);
  } finally {
    await app.dispose();
  }
  process.exitCode = code;
}

function failed(error: ApiError, flags: Flags): number {
  if (flags.json) process.stdout.write(`${JSON.stringify({ ok: false, error })}\n`);
  else process.stderr.write(`koppel: ${error.message}\n`);
  return error.code === 'keychain_unavailable' ||
    error.code === 'connection_failed' ||
    error.code === 'unavailable'
    ? ExitCode.unreachable
    : ExitCode.invalid;
}

function accountText(connection: ConnectionView): string {
  if (connection.kind === 'teamleader') {
    const a = connection.account;
    const who = [a?.userName, a?.userEmail ? `<${a.userEmail}>` : undefined].filter(Boolean).join(' ');
    return (
      [who && `user ${who}`, a?.companyName && `company ${a.companyName}`].filter(Boolean).join(', ') ||
      'connected'
    );
  }
  const a = connection.account;
  return (
    [
      a?.apiVersion && `API ${a.apiVersion}`,
      a?.serviceVersion && `service ${a.serviceVersion}`,
      a?.companyName,
    ]
      .filter(Boolean)
      .join(', ') || 'connected'
  );
}

function table(list: readonly ConnectionView[]): string {
  return textTable(
    ['ID', 'NAME', 'KIND', 'MODE', 'STATUS', 'CREDENTIALS', 'ACCOUNT'],
    list.map((c) => [c.id, c.name, c.kind, c.mode, c.status, c.credentials, c.account ? accountText(c) : '']),
  );
}
