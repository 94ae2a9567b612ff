import type { ConnectionTestResult } from '../../shared/api/calls/connections';
import { KoppelError, type ApiErrorCode } from '../../shared/api/errors';
import type { CodedText } from '../../shared/flow/wording';
import type {
  MplusAccount,
  MplusConnection,
  TeamleaderAccount,
  TeamleaderConnection,
} from '../../shared/connections/connection';
import {
  MplusAbortError,
  MplusError,
  MplusSoapFault,
  type MplusClient,
  type MplusLicense,
} from '../connectors/mplus';
import { isTeamleaderApiError } from '../connectors/teamleader';
import { redact } from './connection-config';
import type { ConnectionRegistry } from './registry';

/**
 * Calls the system behind a connection and records what it says: Teamleader `users.me` (+ the
 * default department as company name), MplusKASSA `getApiVersion` (+ `getLicenseInformation` for the
 * licensed company, when the API user may ask). The connection's status and account are updated
 * either way; a failure carries the API's own message.
 */
export async function testConnection(
  registry: ConnectionRegistry,
  connectionId: string,
): Promise<ConnectionTestResult> {
  const connection = registry.store.get(connectionId);
  const checkedAt = new Date().toISOString();
  // Filled before any call, so whatever an error message quotes can be blanked out.
  const secrets: string[] = [];
  try {
    const account =
      connection.kind === 'teamleader'
        ? await teamleaderAccount(registry, connection, secrets)
        : await mplusAccount(registry, connection, secrets);
    const updated = registry.store.update(connection, (current) => ({
      ...current,
      status: 'connected',
      statusMessage: undefined,
      statusText: undefined,
      checkedAt,
      account,
    }));
    return { ok: true, connection: await registry.view(updated) };
  } catch (error) {
    const failure = describeFailure(error, secrets);
    if (failure.code === 'keychain_unavailable') throw error;
    const updated = registry.store.update(connection, (current) => ({
      ...current,
      status: failure.needsAuth ? 'needs_auth' : 'error',
      statusMessage: failure.message,
      statusText: failure.text,
      checkedAt,
    }));
    return {
      ok: false,
      connection: await registry.view(updated),
      error: {
        code: failure.code,
        message: failure.message,
        ...(failure.text ? { text: failure.text } : {}),
      },
    };
  }
}

async function teamleaderAccount(
  registry: ConnectionRegistry,
  connection: TeamleaderConnection,
  secrets: string[],
): Promise<TeamleaderAccount> {
  const options = await registry.teamleaderOptions(connection);
  secrets.push(options.clientSecret);
  const client = await registry.teamleader(connection.id);
  const me = await client.users.me();
  let companyName: string | undefined;
  try {
    const departments = await client.departments.list({
      filter: { status: ['active'] },
      sort: [{ field: 'default_department', order: 'asc' }],
    });
    companyName = departments[0]?.name ?? undefined;
  } catch (error) {
    // Without the departments scope the company name is unknown; the connection still works.
    if (!isTeamleaderApiError(error) || error.kind === 'auth') throw error;
  }
  const userName = [me.first_name, me.last_name].filter(Boolean).join(' ');
  return {
    ...(me.account?.id ? { accountId: me.account.id } : {}),
    ...(companyName ? { companyName } : {}),
    ...(me.id ? { userId: me.id } : {}),
    ...(userName ? { userName } : {}),
    ...(me.email ? { userEmail: me.email } : {}),
  };
}

async function mplusAccount(
  registry: ConnectionRegistry,
  connection: MplusConnection,
  secrets: string[],
): Promise<MplusAccount> {
  const options = await registry.mplusOptions(connection);
  secrets.push(options.ident, options.secret);
  const client = await registry.mplus(connection.id);
  const version = await client.getApiVersion();
  const license = await licenseIfAllowed(client);
  return {
    apiVersion: `${version.majorNumber}.${version.minorNumber}.${version.revisionNumber}`,
    ...(version.serviceVersionDisplayString ? { serviceVersion: version.serviceVersionDisplayString } : {}),
    ...(license?.companyName ? { companyName: license.companyName } : {}),
    ...(license?.city ? { city: license.city } : {}),
  };
}

/**
 * Who the administration is licensed to, or nothing: an API user may lack the right to ask (a SOAP
 * fault) or the call may fail after its retries. getApiVersion already proved the connection works,
 * so the test still passes, just without a company.
 */
async function licenseIfAllowed(client: MplusClient): Promise<MplusLicense | undefined> {
  try {
    return await client.getLicenseInformation();
  } catch (error) {
    if (error instanceof MplusError && !(error instanceof MplusAbortError)) return undefined;
    throw error;
  }
}

interface Failure {
  code: ApiErrorCode;
  message: string;
  /** The message as a code when Koppel said it (the APIs' own words have none). */
  text?: CodedText;
  needsAuth: boolean;
}

/** The API's own words for a failed test, with any secret blanked out. */
export function describeFailure(error: unknown, secrets: readonly (string | undefined)[]): Failure {
  if (error instanceof KoppelError) {
    const detail = error.detail;
    const needsAuth =
      typeof detail === 'object' && detail !== null && 'needsAuth' in detail && detail.needsAuth === true;
    return {
      code: error.code,
      message: redact(error.message, secrets),
      ...(error.text ? { text: redactText(error.text, secrets) } : {}),
      needsAuth,
    };
  }
  if (isTeamleaderApiError(error)) {
    return {
      code: 'connection_failed',
      message: redact(error.message, secrets),
      needsAuth: error.kind === 'auth',
    };
  }
  if (error instanceof MplusSoapFault) {
    return {
      code: 'connection_failed',
      message: redact(`MplusKASSA: ${error.faultstring}`, secrets),
      needsAuth: /auth|ident|secret|credential/i.test(`${error.faultcode} ${error.faultstring}`),
    };
  }
  if (error instanceof MplusError) {
    return {
      code: 'connection_failed',
      message: redact(`MplusKASSA: ${error.message}`, secrets),
      needsAuth: false,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'connection_failed', message: redact(message, secrets), needsAuth: false };
}

/** A coded text with any secret blanked out of its parameters, as {@link redact} does for a sentence. */
function redactText(text: CodedText, secrets: readonly (string | undefined)[]): CodedText {
  const params = Object.fromEntries(
    Object.entries(text.params).map(([name, value]) => [
      name,
      typeof value === 'string' ? redact(value, secrets) : value,
    ]),
  );
  return { code: text.code, params };
}
