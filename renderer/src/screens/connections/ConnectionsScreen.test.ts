import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserFixture, type BrowserFixture } from '../../testing/browser-fixture';

const DUTCH_LOAD = 'Koppel gaf een ongeldig antwoord op connections.list.';
const ENGLISH_LOAD = 'Koppel produced an invalid answer for connections.list.';

describe('the Connections screen shows a failed call in the UI language (Chromium)', () => {
  let fixture: BrowserFixture;

  beforeAll(async () => {
    fixture = await openBrowserFixture(new URL('./testing/connections-fixture.tsx', import.meta.url));
    await fixture.page.waitForFunction(() => window.connectionsFixture !== undefined);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('words the refused load in Dutch, and again in English after the language changes', async () => {
    const { page } = fixture;
    await page.evaluate(() => window.connectionsFixture?.mountScreen());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Koppelingen');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(DUTCH_LOAD);
    await page.evaluate(() => window.connectionsFixture?.language('en'));
    await expect.poll(() => alert.textContent()).toBe(ENGLISH_LOAD);
    await page.evaluate(() => window.connectionsFixture?.language('nl'));
    await expect.poll(() => alert.textContent()).toBe(DUTCH_LOAD);
    expect(fixture.pageErrors).toEqual([]);
  });

  it('words a refused sandbox reset (component state) in Dutch', async () => {
    const { page } = fixture;
    await page.evaluate(() => window.connectionsFixture?.mountSandboxPanel());
    await page.getByRole('button', { name: 'Sandboxgegevens herstellen' }).click();
    // The inline confirmation's own button has the same name.
    await page.getByRole('button', { name: 'Sandboxgegevens herstellen' }).last().click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Onbekende aanroep "sandbox.reset".');
    await page.evaluate(() => window.connectionsFixture?.language('en'));
    await expect.poll(() => alert.textContent()).toBe('Unknown call "sandbox.reset".');
    expect(fixture.pageErrors).toEqual([]);
  });
});
