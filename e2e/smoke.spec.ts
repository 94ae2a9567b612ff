import path from 'node:path';
import { expect, openApp, test } from './fixtures/test';
import { startWebHost } from './fixtures/web-host';

const shots = path.resolve(__dirname, '../test-results/screens');

test.describe('app shell', () => {
  test('opens every screen and shows its content', async ({ page, host }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openApp(page, host, '/flows');

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const screens = [
      { link: 'Flows', heading: 'Flows', testId: 'screen-flows', shows: 'No flows yet' },
      { link: 'Runs', heading: 'Runs', testId: 'screen-runs', shows: 'No runs yet' },
      { link: 'Dashboard', heading: 'Dashboard', testId: 'screen-dashboard', shows: 'Nothing to report yet' },
      {
        link: 'Connections',
        heading: 'Connections',
        testId: 'screen-connections',
        shows: 'Teamleader Focus',
      },
      {
        link: 'Settings',
        heading: 'Settings',
        testId: 'screen-settings',
        shows: 'Keep run history for (days)',
      },
    ];
    for (const screen of screens) {
      await nav.getByRole('link', { name: screen.link }).click();
      const view = page.getByTestId(screen.testId);
      await expect(view.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      await expect(view.getByText(screen.shows).first()).toBeVisible();
      await expect(nav.getByRole('link', { name: screen.link })).toHaveAttribute('aria-current', 'page');
      await page.screenshot({ path: path.join(shots, `${screen.testId}.png`) });
    }
    expect(errors).toEqual([]);
  });

  test('the empty state leads somewhere real', async ({ page, host }) => {
    await openApp(page, host, '/runs');
    await page.getByRole('link', { name: 'Go to flows' }).click();
    await expect(page.getByTestId('screen-flows')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/flows');
  });

  test('opens in Dutch on a Dutch system the first time, and keeps English once chosen', async ({ page }) => {
    const host = await startWebHost({ env: { LC_ALL: 'nl_BE.UTF-8' } });
    try {
      await openApp(page, host, '/settings');
      await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
      await expect(page.getByTestId('settings-language')).toHaveValue('nl');
      await page.screenshot({ path: path.join(shots, 'settings-nl-first-start.png') });
      await page.getByTestId('settings-language').selectOption('en');
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await page.reload();
      await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    } finally {
      await host.stop();
    }
  });

  test('switches to Dutch and dark theme, and keeps them after a reload', async ({ page, host }) => {
    await openApp(page, host, '/settings');
    await page.getByTestId('settings-language').selectOption('nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
    await page.getByTestId('settings-theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: path.join(shots, 'settings-nl-dark.png') });

    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });

  test('removes the session token from the address bar', async ({ page, host }) => {
    await openApp(page, host, '/flows');
    expect(page.url()).not.toContain('token=');
  });

  test('a page without the token cannot reach the API', async ({ page, host, browser }) => {
    await page.goto(`${host.origin}/#/flows`);
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'failed');
    await expect(page.getByRole('alert')).toContainText('session token');
    // Before the settings are read the UI has no language of its own: a Dutch browser's is used.
    const dutch = await browser.newContext({ locale: 'nl-NL', colorScheme: 'dark' });
    const nl = await dutch.newPage();
    await nl.goto(`${host.origin}/#/flows`);
    const alert = nl.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('Koppel kon niet starten');
    await expect(alert.getByRole('paragraph')).toHaveText(
      'Deze pagina heeft het sessietoken nodig: open het volledige adres dat "koppel serve" toonde.',
    );
    // Nor its theme: the system's (dark here).
    await expect(nl.locator('html')).toHaveAttribute('data-theme', 'dark');
    await nl.screenshot({ path: path.join(shots, 'start-failure-nl.png') });
    // Trying again loads the page again (a host started again meanwhile is then found).
    await Promise.all([
      nl.waitForEvent('load'),
      alert.getByRole('button', { name: 'Opnieuw proberen' }).click(),
    ]);
    await expect(nl.locator('#root')).toHaveAttribute('data-app-state', 'failed');
    await dutch.close();
  });
});
