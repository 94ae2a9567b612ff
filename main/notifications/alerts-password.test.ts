import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readAllFiles,
  tempDataDir,
  testKeychain,
  testSettings,
  testVault,
} from '../connections/testing/fixtures';
import { AlertsPassword } from './alerts-password';

/** Against the real keychain (a service of the test's own) and real settings files. */
describe('the e-mail alerts password', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = tempDataDir();
    folders.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is each data folder's own: another folder neither shows nor signs in with it", async () => {
    const vault = testVault(await testKeychain());
    const [shop, other] = [folder(), folder()];
    const mine = new AlertsPassword(vault, testSettings(shop));
    const theirs = new AlertsPassword(vault, testSettings(other));
    await mine.set('shop-secret-1');
    expect(await mine.state()).toBe('stored');
    expect(await theirs.state()).toBe('missing');
    expect(await theirs.get()).toBeUndefined();

    // The folder keeps its id (a new process reads the same entry); the secret is in no file.
    expect(await new AlertsPassword(vault, testSettings(shop)).get()).toBe('shop-secret-1');
    const id = testSettings(shop).get().folderId;
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(testSettings(other).get().folderId).not.toBe(id);
    for (const { file, text } of readAllFiles(shop)) expect(text, file).not.toContain('shop-secret-1');

    await mine.delete();
    expect(await mine.state()).toBe('missing');
  });

  it('moves the one entry an older Koppel kept for every folder to the first folder that looks', async () => {
    const vault = testVault(await testKeychain());
    await vault.set('email-alerts', 'password', 'from-before');
    const [first, second] = [
      new AlertsPassword(vault, testSettings(folder())),
      new AlertsPassword(vault, testSettings(folder())),
    ];
    expect(await first.state()).toBe('stored');
    expect(await first.get()).toBe('from-before');
    expect(await vault.get('email-alerts', 'password')).toBeUndefined();
    expect(await second.state()).toBe('missing');
    await first.delete();
  });

  it('is KOPPEL_SECRET_EMAIL_ALERTS_PASSWORD for every folder when set, whatever the keychain holds', async () => {
    const keychain = await testKeychain();
    const dir = folder();
    await new AlertsPassword(testVault(keychain), testSettings(dir)).set('in-the-keychain');
    const vault = testVault(keychain, { KOPPEL_SECRET_EMAIL_ALERTS_PASSWORD: 'from-env' });
    for (const password of [
      new AlertsPassword(vault, testSettings(dir)),
      new AlertsPassword(vault, testSettings(folder())),
    ]) {
      expect(await password.state()).toBe('environment');
      expect(await password.get()).toBe('from-env');
    }
    await new AlertsPassword(testVault(keychain), testSettings(dir)).delete();
  });
});
