import type { Connection } from '../connection';

/** A live MplusKASSA connection as the settings keep it, never tested: for tests of the settings document. */
export const tillConnection = {
  id: 'till',
  kind: 'mplus',
  mode: 'live',
  name: 'Till',
  status: 'new',
  createdAt: '2026-12-05T03:00:00.000Z',
  config: { host: 'till.example', port: 44322, url: 'https://till.example:44322/' },
} satisfies Connection;
