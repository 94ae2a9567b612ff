import { InvalidArgumentError, type Command } from 'commander';
import type { ConnectionView, TeamleaderAuthStatus } from '../../../../shared/api/calls/connections';
import {
  ConnectionId,
  type Connection,
  type ConnectionKind,
} from '../../../../shared/connections/connection';
import type { App } from '../../../app/create-app';
import { ExitCode, parseHttpUrl, parseServerPort, parseText, withDataDir } from '../options';
import { textTable } from '../text-table';
import { call, CliExit, guarded, processIo, withApp, type SyncCliIo } from './sync-cli';

interface Common {
  dataDir?: string;
  json?: boolean;
}

/**
 * `koppel connections list|test|add-mplus|add-teamleader|disconnect|remove`: the registry from the
 * command line, so a server without a screen gets its connections as the app's Connections screen
 * makes them. Secrets are asked for (hidden on a terminal, or lines of piped input), never taken as
 * arguments, and never printed.
 */
export function registerConnections(program: Command, io: SyncCliIo = processIo): void {
  const connections = program.command('connections').description('list, test, add and remove connections');

  withDataDir(
    connections
      .command('list')
      .description('list connections with their status')
      .option('--json', 'print JSON'),
  ).action((options: Common) =>
    guarded(
      io,
      'connections list',
      () =>
        withApp(io, options, async (app) => {
          const { connections: list } = await call(app, 'connections.list', {});
          if (options.json) io.out(`${JSON.stringify({ connections: list })}\n`);
          else io.out(list.length ? table(list) : 'No connections yet.\n');
        }),
      options,
    ),
  );

  withDataDir(
    connections
      .command('test <id>')
      .description('call the system behind a connection and show its account')
      .option('--json', 'print JSON'),
  ).action((id: string, options: Common) =>
    guarded(
      io,
      'connections test',
      () => withApp(io, options, async (app) => testAndTell(io, app, id, options)),
      options,
    ),
  );

  withDataDir(
    connections
      .command('add-mplus')
      .description(
        'add a MplusKASSA connection (or change one with --id), then test it; asks for the ident and secret',
      )
      .requiredOption(
        '--host <host>',
        'the API host as MplusKASSA gave it, e.g. api.mpluskassa.nl',
        parseText,
      )
      .requiredOption('--port <port>', "the API port of the shop's till server", parseServerPort)
      .option('--name <name>', 'what Koppel calls it (default "MplusKASSA")', parseText)
      .option(
        '--id <id>',
        'the id to give it, or of the one to change (default "mplus", "mplus-2", …)',
        parseId,
      )
      .option('--json', 'print JSON'),
  ).action((options: Common & { host: string; port: number; name?: string; id?: string }) =>
    guarded(
      io,
      'connections add-mplus',
      () =>
        withApp(io, options, async (app) => {
          const existing = existingOf(app, options.id, 'mplus');
          const vault = app.ctx.connections.vault;
          const fromEnvironment = (field: string) =>
            Boolean(options.id && vault.fromEnvironment(options.id, field));
          // Say a missing keychain before asking for what it would have to keep.
          if (!fromEnvironment('ident') || !fromEnvironment('secret')) await requireKeychain(app);
          const credentials: { ident?: string; secret?: string } = {};
          for (const field of ['ident', 'secret'] as const) {
            // A KOPPEL_SECRET_* variable gives it on this machine: nothing to ask or store.
            if (fromEnvironment(field)) continue;
            const answer = await io.ask(
              `MplusKASSA API ${field}${existing ? ' (Enter keeps the stored one)' : ''}: `,
              { hidden: field === 'secret' },
            );
            if (answer) credentials[field] = answer;
            else if (!existing)
              throw new CliExit(ExitCode.invalid, `the ${field} is needed for a new MplusKASSA connection.`);
          }
          const saved = await call(app, 'connections.saveMplus', {
            ...(options.id ? { id: options.id } : {}),
            ...(options.name ? { name: options.name } : {}),
            host: options.host,
            port: options.port,
            ...credentials,
          });
          if (!options.json) io.out(`Saved ${saved.name} as "${saved.id}"; testing it …\n`);
          await testAndTell(io, app, saved.id, options);
        }),
      options,
    ),
  );

  withDataDir(
    connections
      .command('add-teamleader')
      .description(
        'connect Teamleader Focus (or reconnect one with --id): asks for the client secret, opens the sign-in page where there is a screen (and prints its address), waits',
      )
      .option(
        '--client-id <id>',
        "your Teamleader integration's client id (needed for a new connection)",
        parseText,
      )
      .option('--name <name>', 'what Koppel calls it (default "Teamleader")', parseText)
      .option('--id <id>', 'the id to give it, or of the one to reconnect (default "teamleader", …)', parseId)
      .option(
        '--redirect-port <port>',
        'the port of the redirect URI registered with the integration (http://127.0.0.1:<port>/…); default: any free one',
        parseServerPort,
      )
      .option('--api-url <url>', 'the API address (default https://api.focus.teamleader.eu)', parseHttpUrl)
      .option('--auth-url <url>', 'the sign-in address (default https://focus.teamleader.eu)', parseHttpUrl)
      .option(
        '--no-browser',
        'only print the sign-in address (without it, a browser opens where there is a screen)',
      )
      .option('--json', 'print JSON'),
  ).action(
    (
      options: Common & {
        browser: boolean;
        clientId?: string;
        name?: string;
        id?: string;
        redirectPort?: number;
        apiUrl?: string;
        authUrl?: string;
      },
    ) =>
      guarded(
        io,
        'connections add-teamleader',
        () =>
          withApp(io, options, async (app) => {
            const existing = existingOf(app, options.id, 'teamleader');
            if (!existing && !options.clientId)
              throw new CliExit(ExitCode.invalid, 'a new Teamleader connection needs --client-id.');
            await requireKeychain(app);
            const secret = await io.ask(
              `Teamleader client secret${existing ? ' (Enter keeps the stored one)' : ''}: `,
              { hidden: true },
            );
            if (!secret && !existing)
              throw new CliExit(
                ExitCode.invalid,
                'the client secret is needed for a new Teamleader connection.',
              );
            const started = await call(app, 'connections.startTeamleaderAuth', {
              ...(options.id ? { id: options.id } : {}),
              ...(options.name ? { name: options.name } : {}),
              ...(options.clientId ? { clientId: options.clientId } : {}),
              ...(secret ? { clientSecret: secret } : {}),
              ...(options.apiUrl ? { apiBaseUrl: options.apiUrl } : {}),
              ...(options.authUrl ? { authBaseUrl: options.authUrl } : {}),
              ...(options.redirectPort ? { redirectPort: options.redirectPort } : {}),
            });
            const port = new URL(started.redirectUri).port;
            const until = `until ${started.expiresAt.slice(11, 16)} UTC`;
            // On stderr: a script reading --json gets one line, the person still sees what to do.
            io.err(
              (started.opened
                ? `Your browser opens Teamleader's sign-in page: sign in and allow Koppel there (${until}). If it did not open, use this address:`
                : `Sign in to Teamleader and allow Koppel at this address (${until}):`) +
                `\n\n  ${started.authorizeUrl}\n\n` +
                `Teamleader sends the browser back to ${started.redirectUri}. On a server, open it in a browser on your own ` +
                `computer after forwarding that port there: ssh -L ${port}:127.0.0.1:${port} <this server>\n` +
                'Waiting for Teamleader … (Ctrl+C stops)\n',
            );
            const status = await awaitAuth(io, app, started.authId);
            if (status.state !== 'succeeded' || !status.connection) {
              const why =
                status.state === 'expired'
                  ? 'nobody signed in before the address expired'
                  : (status.message ?? status.state);
              throw new CliExit(ExitCode.invalid, `Teamleader was not connected: ${why}.`);
            }
            const connection = status.connection;
            if (options.json) io.out(`${JSON.stringify({ ok: true, connection })}\n`);
            else io.out(`Connected ${connection.name} as "${connection.id}": ${accountText(connection)}\n`);
          }),
        options,
      ),
  );

  withDataDir(
    connections
      .command('disconnect <id>')
      .description("forget a connection's secrets (keychain); keep its settings, to reconnect later"),
  ).action((id: string, options: Common) =>
    guarded(io, 'connections disconnect', () =>
      withApp(io, options, async (app) => {
        const connection = await call(app, 'connections.disconnect', { id });
        io.out(`${connection.name} ("${id}") is disconnected: its secrets are deleted.\n`);
      }),
    ),
  );

  withDataDir(
    connections
      .command('remove <id>')
      .description('delete a connection and its secrets (flows that name it stop running until changed)'),
  ).action((id: string, options: Common) =>
    guarded(io, 'connections remove', () =>
      withApp(io, options, async (app) => {
        await call(app, 'connections.delete', { id });
        io.out(`Connection "${id}" is removed.\n`);
      }),
    ),
  );
}

function parseId(value: string): string {
  const parsed = ConnectionId.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(
      `"${value}" is not a connection id: use 1–40 lower-case letters, digits and dashes, starting with a letter or digit.`,
    );
  return parsed.data;
}

/** The connection `id` names, if it exists (from the settings: no keychain read); exit 2 when it is one of the other system. */
function existingOf(app: App, id: string | undefined, kind: ConnectionKind): Connection | undefined {
  const found = id ? app.ctx.connections.store.find(id) : undefined;
  if (found && found.kind !== kind)
    throw new CliExit(
      ExitCode.invalid,
      `${found.id} is a ${systemName[found.kind]} connection, not a ${systemName[kind]} one.`,
    );
  return found;
}

const systemName: Record<ConnectionKind, string> = { mplus: 'MplusKASSA', teamleader: 'Teamleader' };

/** Exit 2 with what to do when the OS keychain cannot keep secrets (on a server: KOPPEL_SECRET_*). */
async function requireKeychain(app: App): Promise<void> {
  const status = await call(app, 'connections.keychainStatus', {});
  if (!status.available) throw new CliExit(ExitCode.invalid, status.message);
}

/** Tests a connection and says how it went: exit 0 when the system answered, 3 when it did not. */
async function testAndTell(io: SyncCliIo, app: App, id: string, options: Common): Promise<void> {
  const output = await call(app, 'connections.test', { id });
  if (options.json) io.out(`${JSON.stringify(output)}\n`);
  else if (output.ok) io.out(`OK  ${output.connection.name}: ${accountText(output.connection)}\n`);
  else io.out(`FAILED  ${output.connection.name}: ${output.error.message}\n`);
  if (output.ok) io.setExitCode(ExitCode.ok);
  else io.setExitCode(output.error.code === 'not_found' ? ExitCode.invalid : ExitCode.unreachable);
}

/** Asks how the sign-in stands until it is settled; Ctrl+C stops waiting. */
async function awaitAuth(io: SyncCliIo, app: App, authId: string): Promise<TeamleaderAuthStatus> {
  let stopped = false;
  const stopListening = io.onStop(() => {
    stopped = true;
  });
  try {
    for (;;) {
      const status = await call(app, 'connections.teamleaderAuthStatus', { authId });
      if (status.state !== 'pending') return status;
      if (stopped)
        throw new CliExit(ExitCode.invalid, 'stopped before Teamleader answered; nothing was saved.');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    stopListening();
  }
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
