import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { envSecretName } from './env-secrets';
import { createOsKeychain, keychainHint } from './keychain';
import { requireTestKeychain } from './test-keychain';
import { accountName, Vault } from './vault';

// A service of its own, so the tests never touch a developer's real "Koppel" secrets.
const service = `Koppel-test-${randomBytes(4).toString('hex')}`;
const keychain = createOsKeychain(service);
const connectionId = 'mplus-test';

describe('vault on the real OS keychain', () => {
  let ready = false;
  beforeAll(async () => {
    await requireTestKeychain(keychain);
    ready = true;
  });

  afterAll(async () => {
    if (ready)
      await new Vault({ keychain, env: {} }).deleteAll(connectionId, ['ident', 'secret', 'refreshToken']);
  });

  it('reports the keychain as available after a real round trip', async () => {
    expect(await new Vault({ keychain, env: {} }).status()).toEqual({ available: true });
  });

  it('stores, reads and deletes a secret under service + "<connection>/<field>"', async () => {
    const vault = new Vault({ keychain, env: {} });
    await vault.set(connectionId, 'secret', 's3cr3t-ü-✓');
    expect(await vault.get(connectionId, 'secret')).toBe('s3cr3t-ü-✓');
    expect(await keychain.get(accountName(connectionId, 'secret'))).toBe('s3cr3t-ü-✓');
    expect(await vault.read(connectionId, 'secret')).toEqual({ value: 's3cr3t-ü-✓', source: 'keychain' });
    await vault.delete(connectionId, 'secret');
    expect(await vault.get(connectionId, 'secret')).toBeUndefined();
    expect(await keychain.get(accountName(connectionId, 'secret'))).toBeNull();
  });

  it('overwrites a secret in place', async () => {
    const vault = new Vault({ keychain, env: {} });
    await vault.set(connectionId, 'ident', 'first');
    await vault.set(connectionId, 'ident', 'second');
    expect(await vault.get(connectionId, 'ident')).toBe('second');
    await vault.deleteAll(connectionId, ['ident', 'secret']);
    expect(await vault.get(connectionId, 'ident')).toBeUndefined();
  });

  it('lets an environment variable win and never writes it to the keychain', async () => {
    const env = { [envSecretName(connectionId, 'refreshToken')]: 'from-env' };
    const vault = new Vault({ keychain, env });
    expect(await vault.read(connectionId, 'refreshToken')).toEqual({
      value: 'from-env',
      source: 'environment',
    });
    // A rotated refresh token replaces the environment's for this process only.
    await vault.set(connectionId, 'refreshToken', 'rotated');
    expect(await vault.read(connectionId, 'refreshToken')).toEqual({ value: 'rotated', source: 'memory' });
    expect(await keychain.get(accountName(connectionId, 'refreshToken'))).toBeNull();
    expect(await new Vault({ keychain, env }).get(connectionId, 'refreshToken')).toBe('from-env');
  });
});

describe('environment variable names', () => {
  it('upper-cases the id and splits camelCase fields', () => {
    expect(envSecretName('mplus-shop', 'secret')).toBe('KOPPEL_SECRET_MPLUS_SHOP_SECRET');
    expect(envSecretName('teamleader', 'refreshToken')).toBe('KOPPEL_SECRET_TEAMLEADER_REFRESH_TOKEN');
    expect(envSecretName('tl.2', 'clientSecret')).toBe('KOPPEL_SECRET_TL_2_CLIENT_SECRET');
  });

  it('reads an environment secret with no keychain at all', async () => {
    const broken = {
      get: () => Promise.reject(new KoppelError('keychain_unavailable', 'none')),
      set: () => Promise.reject(new KoppelError('keychain_unavailable', 'none')),
      delete: () => Promise.reject(new KoppelError('keychain_unavailable', 'none')),
    };
    const vault = new Vault({ keychain: broken, env: { KOPPEL_SECRET_MPLUS_IDENT: 'id-1' } });
    expect(await vault.get('mplus', 'ident')).toBe('id-1');
    await expect(vault.get('mplus', 'secret')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });
});

describe('a keychain that takes secrets but does not give them back', () => {
  // What a misbehaving Secret Service provider does; the real keychain cannot be made to.
  const forgetful = {
    get: () => Promise.resolve(null),
    set: () => Promise.resolve(),
    delete: () => Promise.resolve(false),
  };

  it('reports it unavailable, and refuses as a code that reads in Dutch', async () => {
    const vault = new Vault({ keychain: forgetful, env: {} });
    const status = await vault.status();
    expect(status).toMatchObject({
      available: false,
      message: 'The OS keychain accepted a secret but did not return it.',
    });
    const error = await vault.requireKeychain().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (!(error instanceof KoppelError)) throw new Error(`expected a KoppelError, got ${String(error)}`);
    expect(error).toMatchObject({
      code: 'keychain_unavailable',
      message: 'The OS keychain accepted a secret but did not return it.',
      detail: { hint: keychainHint() },
      text: { code: 'keychainNotReturned' },
    });
    expect(apiMessageIn(error, 'nl')).toBe(
      'De sleutelhanger van het besturingssysteem nam een geheim aan, maar gaf het niet terug.',
    );
  });
});
