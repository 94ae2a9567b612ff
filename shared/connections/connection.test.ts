import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../settings/migrations';
import { Settings, SETTINGS_SCHEMA_VERSION } from '../settings/settings';
import { Connection } from './connection';

const mplus = {
  id: 'mplus',
  name: 'Shop',
  kind: 'mplus',
  mode: 'live',
  createdAt: '2026-01-01T00:00:00.000Z',
  config: { host: 'api.mpluskassa.nl', port: 44281, url: 'https://api.mpluskassa.nl:44281/' },
} as const;

describe('connection metadata', () => {
  it('parses a MplusKASSA connection and defaults its status to new', () => {
    expect(Connection.parse(mplus).status).toBe('new');
  });

  it('names the field of a bad Teamleader config', () => {
    const result = Connection.safeParse({
      ...mplus,
      id: 'teamleader',
      kind: 'teamleader',
      config: { apiBaseUrl: 'ftp://x', authBaseUrl: 'https://focus.teamleader.eu', clientId: 'c' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['config', 'apiBaseUrl']);
  });

  it('refuses an id that cannot name an environment variable cleanly', () => {
    expect(Connection.safeParse({ ...mplus, id: 'My Shop' }).success).toBe(false);
  });

  it('refuses two connections with one id in settings', () => {
    const doc = { schemaVersion: SETTINGS_SCHEMA_VERSION, connections: [mplus, mplus] };
    expect(Settings.safeParse(doc).error?.issues[0]?.message).toBe('connection ids must be unique');
  });

  it('migrates a schema 2 document to an empty connection list', () => {
    const migrated = migrateSettings({ schemaVersion: 2, language: 'nl', theme: 'dark' });
    expect(migrated).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      language: 'nl',
      connections: [],
    });
  });
});
