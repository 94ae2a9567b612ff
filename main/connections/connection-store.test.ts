import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import type { MplusConnection } from '../../shared/connections/connection';
import { ConnectionStore } from './connection-store';
import { tempDataDir, testSettings } from './testing/fixtures';
import { koppelErrorOf } from '../../shared/api/testing/koppel-error-of';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A store on a fresh settings file, and a second one on the same file (another process). */
function stores(): [ConnectionStore, ConnectionStore] {
  const dir = tempDataDir();
  dirs.push(dir);
  return [new ConnectionStore(testSettings(dir)), new ConnectionStore(testSettings(dir))];
}

function shop(id: string): MplusConnection {
  const url = 'https://api.mpluskassa.nl:44281/';
  return {
    id,
    name: 'Shop',
    kind: 'mplus',
    mode: 'live',
    status: 'new',
    createdAt: new Date().toISOString(),
    config: { host: 'api.mpluskassa.nl', port: 44281, url },
  };
}

describe('connection store refusals, as codes that read in Dutch', () => {
  it('names the unknown id and the known ones', () => {
    const [store] = stores();
    const none = koppelErrorOf(() => store.get('shop'));
    expect(none).toMatchObject({
      code: 'not_found',
      message: 'No connection "shop" (none is set up yet).',
      text: { code: 'connectionNotFound', params: { id: 'shop' } },
    });
    expect(apiMessageIn(none, 'nl')).toBe('Geen koppeling "shop" (er is er nog geen ingesteld).');

    store.save(shop('mplus'));
    store.save(shop('mplus-2'));
    const other = koppelErrorOf(() => store.get('shop'));
    expect(other.message).toBe('No connection "shop" (known: mplus, mplus-2).');
    expect(apiMessageIn(other, 'nl')).toBe('Geen koppeling "shop" (bekend: mplus, mplus-2).');
  });

  it('keeps sandbox ids for the sandbox', () => {
    const [store] = stores();
    expect(store.newId('mplus')).toBe('mplus');
    const error = koppelErrorOf(() => store.newId('mplus', 'sandbox-shop'));
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'Ids starting with "sandbox-" belong to the sandbox.',
      text: { code: 'connectionIdReserved' },
    });
    expect(apiMessageIn(error, 'nl')).toBe('Id\'s die met "sandbox-" beginnen, horen bij de sandbox.');
  });

  it('refuses to update a connection another process removed', () => {
    const [here, elsewhere] = stores();
    const saved = here.save(shop('mplus'));
    elsewhere.remove('mplus');
    const error = koppelErrorOf(() => here.update(saved, (current) => ({ ...current, name: 'Renamed' })));
    expect(error).toMatchObject({
      code: 'not_found',
      message: 'Connection "mplus" was removed meanwhile.',
      text: { code: 'connectionRemovedMeanwhile' },
    });
    expect(apiMessageIn(error, 'nl')).toBe('Koppeling "mplus" is intussen verwijderd.');
    expect(here.list()).toEqual([]);
  });
});
