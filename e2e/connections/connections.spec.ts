import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, openApp, test } from '../fixtures/test';
import { startWebHost } from '../fixtures/web-host';
import { ConnectionsPage, sandboxAddresses, setMplusFaults } from './connections-page';

test.describe('connections', () => {
  test('shows the sandbox connections on first start, tests them and resets the sandbox', async ({
    page,
    host,
  }) => {
    const screen = new ConnectionsPage(page);
    await screen.open(host);
    const teamleader = screen.card('sandbox-teamleader');
    await expect(teamleader.getByRole('heading', { name: 'Sandbox Teamleader' })).toBeVisible();
    await expect(screen.card('sandbox-mplus')).toBeVisible();
    await expect(page.getByTestId('sandbox-state')).toHaveText('Running');

    await teamleader.getByRole('button', { name: 'Test' }).click();
    await expect(teamleader.getByText('The connection works.')).toBeVisible();
    await expect(teamleader.getByTestId('account-company')).toHaveText('Koppel Demo BV');
    await expect(teamleader.getByTestId('status-sandbox-teamleader')).toHaveText('Connected');
    const mplus = screen.card('sandbox-mplus');
    await mplus.getByRole('button', { name: 'Test' }).click();
    await expect(mplus.getByTestId('account-detail')).toContainText('API 1.0.0');
    // The licensee the twin seeds (seed 1): getLicenseInformation, shown as "Licensed to".
    await expect(mplus.getByTestId('account-company')).toHaveText('De Zoete Inval B.V., Amsterdam');
    await expect(mplus.getByText('Licensed to', { exact: true })).toBeVisible();
    await screen.shot('connections');
    // The mode and status badges sit side by side, under the name when it leaves them no room
    // (squeezed beside it, they stood one above the other: at 1440 px the cards are narrowest).
    await page.setViewportSize({ width: 1440, height: 900 });
    const [mode, status] = await Promise.all(
      [
        teamleader.locator('.cn-badges .badge').first(),
        teamleader.getByTestId('status-sandbox-teamleader'),
      ].map((badge) => badge.boundingBox()),
    );
    expect(Math.abs((mode?.y ?? 0) - (status?.y ?? 100))).toBeLessThan(2);
    await page.setViewportSize({ width: 1280, height: 800 });

    // An API user without the right to read the licence: the test still passes, with no company.
    await setMplusFaults(host, { refuse: ['getLicenseInformation'] });
    await mplus.getByRole('button', { name: 'Test' }).click();
    await expect(mplus.getByText('The connection works.')).toBeVisible();
    await expect(mplus.getByTestId('account-company')).toBeHidden();
    await expect(mplus.getByTestId('account-detail')).toContainText('API 1.0.0');

    const sandbox = page.getByTestId('sandbox-panel');
    await sandbox.getByRole('button', { name: 'Reset sandbox data' }).click();
    await sandbox.getByRole('group').getByRole('button', { name: 'Reset sandbox data' }).click();
    await expect(sandbox.getByText('The sandbox data is back to how it started.')).toBeVisible();

    // "Sandbox settings": the size and seed of the sample data, applied without a restart.
    await expect(page.getByTestId('sandbox-pending')).toBeHidden();
    const askFor = async (size: string, value: string) => {
      await sandbox.getByRole('link', { name: 'Sandbox settings' }).click();
      await page.getByTestId('settings-sandbox-size').selectOption(size);
      const seed = page.getByTestId('settings-sandbox-seed');
      await seed.fill(value);
      await seed.blur();
      await expect(page.getByText('Apply a new size or seed on the Connections screen')).toBeVisible();
      await page.getByRole('link', { name: 'Connections' }).click();
    };
    await askFor('medium', '7');
    await expect(page.getByTestId('sandbox-pending')).toContainText(
      'Settings ask for medium data with seed 7',
    );
    await expect(sandbox).toContainText('small, seed 1');
    await screen.shot('connections-sandbox-pending');
    await page.getByTestId('sandbox-apply').click();
    await expect(sandbox.getByText('The sandbox now runs medium data with seed 7.')).toBeVisible();
    await expect(sandbox).toContainText('medium, seed 7');
    await expect(page.getByTestId('sandbox-pending')).toBeHidden();
    // Back to the first data, as it was.
    await askFor('small', '1');
    await expect(page.getByTestId('sandbox-pending')).toContainText(
      'Settings ask for small data with seed 1',
    );
    await page.getByTestId('sandbox-apply').click();
    await expect(sandbox).toContainText('small, seed 1');

    // Dutch and dark: the same screen in the other language and theme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page, host, '/settings');
    await page.getByTestId('settings-language').selectOption('nl');
    await page.getByRole('link', { name: 'Koppelingen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Koppelingen' })).toBeVisible();
    await expect(teamleader.getByTestId('status-sandbox-teamleader')).toHaveText('Verbonden');
    await mplus.getByRole('button', { name: 'Testen' }).click();
    await expect(mplus.getByText('Licentie op naam van', { exact: true })).toBeVisible();
    await expect(mplus.getByTestId('account-company')).toHaveText('De Zoete Inval B.V., Amsterdam');
    await screen.shot('connections-nl-dark');
  });

  test('a wrong MplusKASSA secret shows the twin’s own fault message; the right one connects', async ({
    page,
    host,
  }) => {
    const screen = new ConnectionsPage(page);
    await screen.open(host);
    const twin = new URL(sandboxAddresses(host).mplus.url);
    const form = await screen.addMplus({
      host: `http://${twin.hostname}`,
      port: twin.port,
      ident: 'koppel-sandbox',
      secret: 'not-the-secret',
    });
    await expect(form.getByTestId('mplus-test-error')).toContainText(
      'MplusKASSA: Authentication failed: unknown ident or wrong secret',
    );
    const card = screen.card('mplus');
    await expect(card.getByTestId('status-mplus')).toHaveText('Needs reconnecting');
    await screen.shot('connections-mplus-wrong-secret');

    // Fixing the secret updates the same connection (no second copy) and connects it.
    await form.getByLabel('Secret').fill('koppel-sandbox-secret');
    await form.getByRole('button', { name: 'Save and test' }).click();
    await expect(form).toBeHidden();
    await expect(card.getByTestId('status-mplus')).toHaveText('Connected');
    await expect(card.getByTestId('account-detail')).toContainText('API 1.0.0 · server 67.1.3');
    await expect(card.getByTestId('account-company')).toHaveText('De Zoete Inval B.V., Amsterdam');
    await expect(page.locator('[data-testid^="connection-card-mplus-"]')).toHaveCount(0);

    // Disconnect deletes the secrets; the connection stays, waiting to be reconnected.
    await card.getByRole('button', { name: 'Disconnect' }).click();
    await card.getByRole('group').getByRole('button', { name: 'Disconnect' }).click();
    await expect(card.getByTestId('status-mplus')).toHaveText('Needs reconnecting');
    await expect(card.getByText('None stored')).toBeVisible();
    await card.getByRole('button', { name: 'Delete' }).click();
    await card.getByRole('group').getByRole('button', { name: 'Delete' }).click();
    await expect(card).toBeHidden();
  });

  test('Teamleader OAuth round trip: approve on the twin’s authorize page, the screen shows the account', async ({
    page,
    host,
  }) => {
    const screen = new ConnectionsPage(page);
    await screen.open(host);
    const twin = sandboxAddresses(host).teamleader;
    await screen.section('teamleader').getByTestId('add-teamleader').click();
    const form = page.getByTestId('teamleader-form');
    await form.getByLabel('Client ID').fill('koppel-sandbox');
    await form.getByLabel('Client secret').fill('koppel-sandbox-secret');
    await form.getByText('Other Teamleader addresses (advanced)').click();
    await form.getByLabel('API address').fill(twin.apiUrl);
    await form.getByLabel('Sign-in address').fill(twin.authUrl);
    const opened = page.waitForEvent('popup');
    await form.getByRole('button', { name: 'Connect with Teamleader' }).click();
    await expect(form.getByTestId('teamleader-auth-pending')).toBeVisible();

    // The page the app opened: Teamleader's consent page (the twin's), with state and PKCE in its URL.
    const consent = await opened;
    const authorize = new URL(consent.url());
    expect(authorize.pathname).toBe('/oauth2/authorize');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    await expect(consent.getByRole('heading', { name: 'Authorize Koppel' })).toBeVisible();
    await consent.getByRole('button', { name: 'Approve' }).click();
    // The loopback listener received the code and answered the browser.
    await expect(consent).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await consent.close();

    const card = screen.card('teamleader');
    await expect(card.getByTestId('status-teamleader')).toHaveText('Connected');
    await expect(card.getByTestId('account-company')).toHaveText('Koppel Demo BV');
    await expect(card.getByTestId('account-detail')).toContainText('@');
    await expect(card.getByText('In the OS keychain')).toBeVisible();
    await screen.shot('connections-teamleader-connected');
  });

  test('without a keychain it says so plainly and offers nothing weaker', async ({ page }) => {
    // No session bus anywhere: the Secret Service cannot be reached.
    const host = await startWebHost({
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/koppel-no-bus' },
    });
    try {
      const screen = new ConnectionsPage(page);
      await screen.open(host);
      const notice = page.getByTestId('keychain-unavailable');
      await expect(notice).toContainText('No keychain available');
      await expect(notice).toContainText('The OS keychain is not available');
      await expect(page.getByTestId('add-mplus')).toBeDisabled();
      await expect(page.getByTestId('add-teamleader')).toBeDisabled();
      // The sandbox needs no secrets and keeps working.
      await screen.card('sandbox-mplus').getByRole('button', { name: 'Test' }).click();
      await expect(screen.card('sandbox-mplus').getByText('The connection works.')).toBeVisible();
      await screen.shot('connections-no-keychain');
    } finally {
      await host.stop();
    }
  });

  test('a connection added or removed by `koppel` in a terminal shows here without a reload', async ({
    page,
    host,
  }) => {
    const screen = new ConnectionsPage(page);
    await screen.open(host);
    // A process of its own on the host's data folder; the secrets from variables, as on a server.
    const koppel = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [path.resolve(__dirname, '../../bin/koppel.js'), ...args, '--data-dir', host.dataDir],
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            KOPPEL_SECRET_SHOP_IDENT: 'shop-ident',
            KOPPEL_SECRET_SHOP_SECRET: 'shop-secret',
          },
          timeout: 20_000,
        },
      );
    const added = koppel(
      'connections',
      'add-mplus',
      '--host',
      'http://127.0.0.1',
      '--port',
      '1',
      '--id',
      'shop',
      '--name',
      'Shop till',
    );
    // Saved; its test cannot reach port 1 (exit 3).
    expect(added.stdout).toContain('Saved Shop till as "shop"');
    const card = screen.card('shop');
    await expect(card.getByRole('heading', { name: 'Shop till' })).toBeVisible();
    // The command's own test of it failed, and the card says so (the result is stored in the settings).
    await expect(page.getByTestId('status-shop')).toHaveText('Error');
    await screen.shot('connections-added-in-terminal');
    await expect(screen.card('sandbox-mplus')).toBeVisible();

    const removed = koppel('connections', 'remove', 'shop');
    expect(removed.status).toBe(0);
    await expect(card).toBeHidden();
    await expect(screen.card('sandbox-mplus')).toBeVisible();
  });
});
