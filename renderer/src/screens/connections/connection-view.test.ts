import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../../shared/api/calls/connections';
import {
  accountSummary,
  connectionsOf,
  mplusFormProblems,
  mplusFormValues,
  mplusSaveInput,
  statusTone,
  teamleaderFormProblems,
  teamleaderStartInput,
} from './connection-view';

const mplus = (overrides: Partial<Extract<ConnectionView, { kind: 'mplus' }>> = {}): ConnectionView => ({
  id: 'mplus',
  name: 'Shop',
  kind: 'mplus',
  mode: 'live',
  status: 'connected',
  createdAt: '2026-01-01T00:00:00Z',
  config: { host: 'api.mpluskassa.nl', port: 44281, url: 'https://api.mpluskassa.nl:44281/' },
  credentials: 'stored',
  ...overrides,
});
const teamleader: ConnectionView = {
  id: 'sandbox-teamleader',
  name: 'Sandbox Teamleader',
  kind: 'teamleader',
  mode: 'sandbox',
  status: 'connected',
  createdAt: '2026-01-01T00:00:00Z',
  config: { apiBaseUrl: 'http://127.0.0.1:1', authBaseUrl: 'http://127.0.0.1:1', clientId: 'c' },
  credentials: 'sandbox',
  account: { companyName: 'Koppel Demo BV', userName: 'Anna', userEmail: 'anna@example.com' },
};

describe('connection view helpers', () => {
  it('colour statuses', () => {
    expect([
      statusTone('connected'),
      statusTone('new'),
      statusTone('needs_auth'),
      statusTone('error'),
    ]).toEqual(['ok', 'neutral', 'warn', 'danger']);
  });

  it('list a system’s connections, live ones first', () => {
    const list = [
      mplus({ id: 'sandbox-mplus', name: 'A', mode: 'sandbox' }),
      mplus({ id: 'b', name: 'B' }),
      teamleader,
    ];
    expect(connectionsOf(list, 'mplus').map((c) => c.id)).toEqual(['b', 'sandbox-mplus']);
  });

  it('say who a connection acts as, and which API answered', () => {
    expect(accountSummary(teamleader)).toEqual({
      company: 'Koppel Demo BV',
      detail: 'Anna <anna@example.com>',
    });
    expect(
      accountSummary(
        mplus({
          account: { apiVersion: '1.0.0', serviceVersion: '67.1.3', companyName: 'Bakkerij', city: 'Delft' },
        }),
      ),
    ).toEqual({ company: 'Bakkerij, Delft', detail: 'API 1.0.0 · server 67.1.3' });
    expect(accountSummary(mplus())).toEqual({ company: undefined, detail: undefined });
  });

  it('check the MplusKASSA form: secrets are required only for a new account', () => {
    const empty = mplusFormValues();
    expect(mplusFormProblems(empty, true)).toEqual({
      host: 'required',
      port: 'required',
      ident: 'required',
      secret: 'required',
    });
    expect(mplusFormProblems({ ...mplusFormValues(mplus()), port: '99999' }, false)).toEqual({
      port: 'port',
    });
    expect(mplusFormProblems(mplusFormValues(mplus()), false)).toEqual({});
  });

  it('never send back secrets it did not get, and leave out empty ones', () => {
    expect(mplusFormValues(mplus())).toMatchObject({ ident: '', secret: '' });
    expect(mplusSaveInput({ ...mplusFormValues(mplus()), secret: 'new' }, 'mplus')).toEqual({
      id: 'mplus',
      name: 'Shop',
      host: 'api.mpluskassa.nl',
      port: 44281,
      secret: 'new',
    });
  });

  it('check the Teamleader form and build the sign-in call', () => {
    const values = { name: '', clientId: ' abc ', clientSecret: 's', apiBaseUrl: 'ftp://x', authBaseUrl: '' };
    expect(teamleaderFormProblems(values, true)).toEqual({ apiBaseUrl: 'url' });
    expect(
      teamleaderFormProblems({ ...values, clientId: '', clientSecret: '', apiBaseUrl: '' }, true),
    ).toEqual({
      clientId: 'required',
      clientSecret: 'required',
    });
    expect(teamleaderStartInput({ ...values, apiBaseUrl: 'http://127.0.0.1:5/' })).toEqual({
      clientId: 'abc',
      clientSecret: 's',
      apiBaseUrl: 'http://127.0.0.1:5/',
    });
  });
});
