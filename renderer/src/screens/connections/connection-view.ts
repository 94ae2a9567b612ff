import type { ConnectionView } from '../../../../shared/api/calls/connections';
import type { CallInput } from '../../../../shared/api/contract';
import type { ConnectionKind, ConnectionStatus } from '../../../../shared/connections/connection';

/** The colour of a status badge. */
export type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'neutral';

export function statusTone(status: ConnectionStatus): Tone {
  switch (status) {
    case 'connected':
      return 'ok';
    case 'new':
      return 'neutral';
    case 'needs_auth':
      return 'warn';
    case 'error':
      return 'danger';
  }
}

/** The connections of one system: live ones first (by name), then the sandbox's. */
export function connectionsOf(list: readonly ConnectionView[], kind: ConnectionKind): ConnectionView[] {
  return list
    .filter((connection) => connection.kind === kind)
    .sort((a, b) => (a.mode === b.mode ? a.name.localeCompare(b.name) : a.mode === 'live' ? -1 : 1));
}

/** What a connection is connected to, in two lines: who (company) and how (user, API version). */
export function accountSummary(connection: ConnectionView): { company?: string; detail?: string } {
  const parts = (...texts: (string | undefined)[]) => texts.filter(Boolean).join(' · ') || undefined;
  if (connection.kind === 'teamleader') {
    const account = connection.account;
    const email = account?.userEmail ? `<${account.userEmail}>` : undefined;
    const user = [account?.userName, email].filter(Boolean).join(' ') || undefined;
    return { company: account?.companyName, detail: user };
  }
  const account = connection.account;
  const company = account?.companyName
    ? `${account.companyName}${account.city ? `, ${account.city}` : ''}`
    : undefined;
  return {
    company,
    detail: parts(
      account?.apiVersion ? `API ${account.apiVersion}` : undefined,
      account?.serviceVersion ? `server ${account.serviceVersion}` : undefined,
    ),
  };
}

/** The MplusKASSA form as typed (the port is text until it is checked). */
export interface MplusFormValues {
  name: string;
  host: string;
  port: string;
  ident: string;
  secret: string;
}

export type MplusFormProblem = 'required' | 'port';

/** What is wrong with the form; an existing connection keeps its stored ident and secret when left empty. */
export function mplusFormProblems(
  values: MplusFormValues,
  isNew: boolean,
): Partial<Record<keyof MplusFormValues, MplusFormProblem>> {
  const problems: Partial<Record<keyof MplusFormValues, MplusFormProblem>> = {};
  if (!values.host.trim()) problems.host = 'required';
  const port = Number(values.port);
  if (!values.port.trim()) problems.port = 'required';
  else if (!Number.isInteger(port) || port < 1 || port > 65535) problems.port = 'port';
  if (isNew && !values.ident) problems.ident = 'required';
  if (isNew && !values.secret) problems.secret = 'required';
  return problems;
}

/** The save call for the form: empty ident and secret are left out (kept as stored). */
export function mplusSaveInput(values: MplusFormValues, id?: string): CallInput<'connections.saveMplus'> {
  return {
    ...(id ? { id } : {}),
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
    host: values.host.trim(),
    port: Number(values.port),
    ...(values.ident ? { ident: values.ident } : {}),
    ...(values.secret ? { secret: values.secret } : {}),
  };
}

/** The form values of an existing MplusKASSA connection (secrets are never sent back: empty). */
export function mplusFormValues(connection?: ConnectionView): MplusFormValues {
  if (connection?.kind !== 'mplus') return { name: '', host: '', port: '', ident: '', secret: '' };
  return {
    name: connection.name,
    host: connection.config.host,
    port: String(connection.config.port),
    ident: '',
    secret: '',
  };
}

/** The Teamleader form: the integration's client id and secret, and (advanced) other base URLs. */
export interface TeamleaderFormValues {
  name: string;
  clientId: string;
  clientSecret: string;
  apiBaseUrl: string;
  authBaseUrl: string;
}

export function teamleaderFormProblems(
  values: TeamleaderFormValues,
  isNew: boolean,
): Partial<Record<keyof TeamleaderFormValues, 'required' | 'url'>> {
  const problems: Partial<Record<keyof TeamleaderFormValues, 'required' | 'url'>> = {};
  if (!values.clientId.trim()) problems.clientId = 'required';
  if (isNew && !values.clientSecret) problems.clientSecret = 'required';
  for (const key of ['apiBaseUrl', 'authBaseUrl'] as const) {
    const text = values[key].trim();
    if (text && !/^https?:\/\/[^\s/]+/.test(text)) problems[key] = 'url';
  }
  return problems;
}

export function teamleaderStartInput(
  values: TeamleaderFormValues,
  id?: string,
): CallInput<'connections.startTeamleaderAuth'> {
  return {
    ...(id ? { id } : {}),
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
    clientId: values.clientId.trim(),
    ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    ...(values.apiBaseUrl.trim() ? { apiBaseUrl: values.apiBaseUrl.trim() } : {}),
    ...(values.authBaseUrl.trim() ? { authBaseUrl: values.authBaseUrl.trim() } : {}),
  };
}

export function teamleaderFormValues(connection?: ConnectionView): TeamleaderFormValues {
  if (connection?.kind !== 'teamleader')
    return { name: '', clientId: '', clientSecret: '', apiBaseUrl: '', authBaseUrl: '' };
  return {
    name: connection.name,
    clientId: connection.config.clientId,
    clientSecret: '',
    apiBaseUrl: connection.config.apiBaseUrl,
    authBaseUrl: connection.config.authBaseUrl,
  };
}
