import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../fixtures/test';

const shots = path.resolve(__dirname, '../../test-results/screens');

/**
 * The Electron shell cannot start here (no Electron binary), so this page talks to the real web host
 * with one answer changed: `app.info` says the host is the desktop app, as the shell's would. Every
 * other call (the settings read and written) is the host's own.
 */
async function actAsDesktopApp(page: Page): Promise<void> {
  await page.routeWebSocket(/\/api\?token=/, (ws) => {
    const server = ws.connectToServer();
    const infoCalls = new Set<number>();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { id?: number; name?: string };
      if (call.name === 'app.info' && call.id !== undefined) infoCalls.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const answer = JSON.parse(String(message)) as {
        t?: string;
        id?: number;
        result?: { ok: boolean; output?: Record<string, unknown> };
      };
      if (
        answer.t === 'result' &&
        answer.id !== undefined &&
        infoCalls.delete(answer.id) &&
        answer.result?.output
      ) {
        answer.result.output.host = 'electron';
        ws.send(JSON.stringify(answer));
        return;
      }
      ws.send(message);
    });
  });
}

test.describe('desktop settings', () => {
  test('the web host has no window to keep open: no desktop section', async ({ page, host }) => {
    await openApp(page, host, '/settings');
    await expect(page.getByTestId('settings-version')).toBeVisible();
    await expect(page.getByTestId('settings-desktop')).toHaveCount(0);
  });

  test('the desktop app keeps running in the notification area by default; both choices are kept', async ({
    page,
    host,
  }) => {
    await actAsDesktopApp(page);
    await openApp(page, host, '/settings');
    const section = page.getByRole('group', { name: 'On this PC' });
    await expect(section).toBeVisible();
    await expect(page.getByText('v0.1.0 · electron')).toBeVisible();
    const keepRunning = section.getByTestId('settings-keep-running');
    const openAtLogin = section.getByTestId('settings-open-at-login');
    await expect(keepRunning).toBeChecked();
    await expect(openAtLogin).not.toBeChecked();
    await section.screenshot({ path: path.join(shots, 'settings-desktop.png') });

    await openAtLogin.click();
    await expect(openAtLogin).toBeChecked();
    await expect(section).toContainText('It starts in the notification area, without a window.');
    await keepRunning.click();
    await expect(keepRunning).not.toBeChecked();
    await expect(section).toContainText('Closing the window quits Koppel');
    await expect(section).toContainText('It starts with its window open.');
    await section.screenshot({ path: path.join(shots, 'settings-desktop-off.png') });

    // Stored in the settings file, and shown so after a reload.
    await expect
      .poll(() => JSON.parse(fs.readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8')).desktop)
      .toEqual({ keepRunning: false, openAtLogin: true });
    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('settings-keep-running')).not.toBeChecked();
    await expect(page.getByTestId('settings-open-at-login')).toBeChecked();

    await page.getByTestId('settings-language').selectOption('nl');
    await expect(page.getByRole('group', { name: 'Op deze pc' })).toBeVisible();
    await expect(page.getByTestId('settings-desktop')).toContainText('Het venster sluiten sluit Koppel af');

    // The desktop app can show its log folder in the file manager (the web host behind this page
    // cannot, and says so without an error).
    const openLogs = page.getByTestId('settings-open-logs');
    await expect(openLogs).toHaveText('Map met logbestanden openen');
    await openLogs.click();
    await expect(page.getByTestId('settings-diagnostics-result')).toHaveCount(0);
  });
});
