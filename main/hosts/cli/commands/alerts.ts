import { InvalidArgumentError, type Command } from 'commander';
import type { EmailAlertsView } from '../../../../shared/api/calls/settings';
import { SmtpSecurity } from '../../../../shared/settings/settings';
import { parseServerPort, parseText, withDataDir } from '../options';
import { call, guarded, processIo, withApp, type SyncCliIo } from './sync-cli';

interface EmailOptions {
  dataDir?: string;
  json?: boolean;
  to?: string;
  from?: string;
  host?: string;
  port?: number;
  security?: SmtpSecurity;
  username?: string;
  off?: boolean;
}

function parseSecurity(value: string): SmtpSecurity {
  const parsed = SmtpSecurity.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(`use ${SmtpSecurity.options.join(', ')}, got "${value}".`);
  return parsed.data;
}

/**
 * `koppel alerts email …|test`: the Settings screen's e-mail alerts from the command line, so a
 * server that only runs `koppel schedule` sets them up where it runs. The password is asked for
 * (hidden on a terminal, a line of piped input), never taken as an argument.
 */
export function registerAlerts(program: Command, io: SyncCliIo = processIo): void {
  const alerts = program
    .command('alerts')
    .description('e-mail alerts of failed runs and flows that work again');

  withDataDir(
    alerts
      .command('email')
      .description('show the e-mail alert settings, or change them (asks for the password when signing in)')
      .option('--to <addresses>', 'who gets the alerts, comma-separated', parseText)
      .option('--from <address>', 'the sender', parseText)
      .option('--host <host>', 'the SMTP server', parseText)
      .option('--port <port>', 'its port (587 STARTTLS, 465 TLS)', parseServerPort)
      .option('--security <kind>', `${SmtpSecurity.options.join(', ')}`, parseSecurity)
      .option('--username <name>', 'sign in as (empty: no sign-in)')
      .option('--off', 'stop sending alerts (the settings are kept)')
      .option('--json', 'print JSON'),
  ).action((options: EmailOptions) =>
    guarded(
      io,
      'alerts email',
      () =>
        withApp(io, options, async (app) => {
          const current = await call(app, 'settings.emailAlerts', {});
          const changes = ['to', 'from', 'host', 'port', 'security', 'username'] as const;
          const changing = options.off || changes.some((key) => options[key] !== undefined);
          if (!changing) {
            tell(io, current, options.json ?? false);
            return;
          }
          const next = {
            ...current.emailAlerts,
            ...Object.fromEntries(
              changes.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
            ),
            enabled: !options.off,
          };
          // Without a keychain a typed password could not be kept: not asked for (the line below says why).
          const signsIn =
            next.enabled &&
            next.username !== '' &&
            current.password !== 'environment' &&
            current.password !== 'unavailable';
          const password = signsIn
            ? await io.ask(
                `Password for ${next.username} at ${next.host}${current.password === 'stored' ? ' (Enter keeps the stored one)' : ''}: `,
                { hidden: true },
              )
            : '';
          const saved = await call(app, 'settings.saveEmailAlerts', {
            ...next,
            ...(password ? { password } : {}),
          });
          tell(io, saved, options.json ?? false);
        }),
      options,
    ),
  );

  withDataDir(
    alerts
      .command('test')
      .description('send a test e-mail with the saved settings')
      .option('--json', 'print JSON'),
  ).action((options: { dataDir?: string; json?: boolean }) =>
    guarded(
      io,
      'alerts test',
      () =>
        withApp(io, options, async (app) => {
          const { sentTo } = await call(app, 'settings.testEmailAlert', {});
          io.out(
            options.json ? `${JSON.stringify({ sentTo })}\n` : `Test e-mail sent to ${sentTo.join(', ')}.\n`,
          );
        }),
      options,
    ),
  );
}

function tell(io: SyncCliIo, view: EmailAlertsView, json: boolean): void {
  if (json) {
    io.out(`${JSON.stringify(view)}\n`);
    return;
  }
  const { emailAlerts: alerts, password } = view;
  if (!alerts.enabled && !alerts.host) {
    io.out('E-mail alerts are off (koppel alerts email --to … --from … --host … turns them on).\n');
    return;
  }
  const passwordWords =
    password === 'unavailable'
      ? 'none: no keychain on this PC; give it in KOPPEL_SECRET_EMAIL_ALERTS_PASSWORD'
      : password;
  const signIn = alerts.username
    ? `as ${alerts.username} (password: ${passwordWords})`
    : 'without signing in';
  io.out(
    `E-mail alerts are ${alerts.enabled ? 'on' : 'off'}: to ${alerts.to || '–'} from ${alerts.from || '–'} ` +
      `through ${alerts.host || '–'}:${alerts.port} (${alerts.security}), ${signIn}.\n`,
  );
  const last = view.lastAlert;
  if (last)
    io.out(
      last.sent
        ? `Last alert: "${last.flowName}" ${last.kind}, sent ${last.at} to ${last.to.join(', ')}.\n`
        : `The last alert ("${last.flowName}" ${last.kind}, ${last.at}) could not be sent: ${last.error ?? ''}\n`,
    );
}
