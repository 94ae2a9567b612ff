import { describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { OAuthCallbackError, startLoopbackListener } from './oauth-loopback';

describe('OAuth loopback listener', () => {
  it('listens on 127.0.0.1, refuses a foreign state, accepts the right one once and closes', async () => {
    const listener = await startLoopbackListener({ state: 'expected', timeoutMs: 5_000 });
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const forged = await fetch(`${listener.redirectUri}?code=evil&state=other`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('not the one Koppel is waiting for');
    expect((await fetch(`${listener.redirectUri.replace('/callback', '/elsewhere')}`)).status).toBe(404);

    const real = await fetch(`${listener.redirectUri}?code=the-code&state=expected`);
    expect(real.status).toBe(200);
    expect(await listener.code).toBe('the-code');
    // Single use: the port no longer answers.
    await expect(fetch(`${listener.redirectUri}?code=again&state=expected`)).rejects.toThrow();
  });

  it('reports a refusal in words', async () => {
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 5_000 });
    await fetch(`${listener.redirectUri}?error=access_denied&state=s`);
    const error = await listener.code.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthCallbackError);
    expect((error as OAuthCallbackError).message).toBe(
      'Access was refused on the Teamleader authorisation page.',
    );
    expect(apiMessageIn(error as OAuthCallbackError, 'nl')).toBe(
      'De toegang is geweigerd op de autorisatiepagina van Teamleader.',
    );
  });

  it('words the page the browser shows in the UI language of the moment the browser arrives', async () => {
    let language: 'en' | 'nl' = 'en';
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 5_000, language: () => language });
    language = 'nl';
    const forged = await fetch(`${listener.redirectUri}?code=evil&state=other`);
    const forgedPage = await forged.text();
    expect(forgedPage).toContain('<html lang="nl">');
    expect(forgedPage).toContain(
      'Dit aanmeldadres is niet het adres waarop Koppel wacht. Begin opnieuw vanuit Koppel.',
    );
    const real = await fetch(`${listener.redirectUri}?code=the-code&state=s`);
    expect(real.status).toBe(200);
    expect(await real.text()).toContain('Koppel is verbonden met Teamleader. U kunt dit venster sluiten.');
    expect(await listener.code).toBe('the-code');

    const refused = await startLoopbackListener({ state: 's', timeoutMs: 5_000, language: () => 'nl' });
    const page = await fetch(`${refused.redirectUri}?error=access_denied&state=s`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain(
      'Teamleader heeft geen toegang gegeven. U kunt dit venster sluiten en het opnieuw proberen in Koppel.',
    );
    await expect(refused.code).rejects.toMatchObject({ reason: 'denied' });
  });

  it('gives up after the timeout', async () => {
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 50 });
    const error = await listener.code.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthCallbackError);
    expect((error as OAuthCallbackError).reason).toBe('timeout');
    await expect(fetch(`${listener.redirectUri}?code=late&state=s`)).rejects.toThrow();
  });

  it('can be cancelled', async () => {
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 5_000 });
    await listener.close();
    await expect(listener.code).rejects.toMatchObject({ reason: 'cancelled' });
  });
});
