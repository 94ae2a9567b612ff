import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openApp, test } from '../fixtures/test';
import { startWebHost, type WebHost } from '../fixtures/web-host';
import { TestApi } from '../runs/api-client';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage, screensDir } from '../pages/flows-page';

const root = path.resolve(__dirname, '../..');
// As a service would keep it across restarts (the address and its bookmarks stay valid).
const token = 'e2e-stable-token-0123456789-abcdefghij';

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('the web host going away', () => {
  test('says so while it is down, picks up by itself when it is back, and asks for the new address after a restart with a new key', async ({
    page,
  }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-e2e-host-'));
    let host: WebHost = await startWebHost({ dataDir, env: { KOPPEL_SERVE_TOKEN: token } });
    try {
      const port = Number(new URL(host.url).port);
      expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
      const flows = new FlowsPage(page);
      await openApp(page, host, '/flows');
      await expect(page.getByTestId('screen-flows')).toBeVisible();
      await expect(flows.row('Made while away')).toHaveCount(0);

      // Stopped: every screen says so at its top, and keeps trying.
      await host.stop();
      const lost = page.getByTestId('host-lost');
      await expect(lost).toContainText('Koppel does not answer.');
      await page.screenshot({ path: path.join(screensDir, 'host-lost.png') });
      await page.getByTestId('nav-runs').click();
      await expect(lost).toBeVisible();
      await page.getByTestId('nav-flows').click();
      await expect(page.getByTestId('screen-flows')).toContainText('Cannot reach the Koppel web host.');

      // Meanwhile a flow is added from the command line; the host comes back with the same key.
      const file = path.join(dataDir, 'away.flow.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          schemaVersion: 2,
          id: 'made-while-away',
          name: 'Made while away',
          nodes: [
            { id: 'start', kind: 'core.trigger.manual', version: 1, position: { x: 0, y: 0 }, config: {} },
          ],
        }),
      );
      const imported = spawnSync(
        process.execPath,
        [path.join(root, 'bin/koppel.js'), 'flows', 'import', file, '--data-dir', dataDir],
        {
          encoding: 'utf8',
          env: { ...process.env, LC_ALL: 'C.UTF-8' },
        },
      );
      expect(imported.status, imported.stderr).toBe(0);
      host = await startWebHost({ dataDir, port, env: { KOPPEL_SERVE_TOKEN: token } });
      // Connected again: the banner goes and the screen loads afresh, with no click (the new flow is there).
      await expect(lost).toBeHidden({ timeout: 15_000 });
      await expect(flows.row('Made while away')).toBeVisible();
      await expect(page.getByTestId('screen-flows')).not.toContainText('Cannot reach the Koppel web host.');

      // Started again with a new key: this page cannot open it any more, and says what to do.
      await host.stop();
      host = await startWebHost({ dataDir, port });
      const expired = page.getByTestId('host-expired');
      await expect(expired).toContainText('Koppel was started again.', { timeout: 15_000 });
      await expect(expired).toContainText('open the address it printed when it started');
      await page.screenshot({ path: path.join(screensDir, 'host-expired.png') });
      // Reloaded with its old key, the page cannot start, and says why in the same words.
      await page.reload();
      await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'failed');
      await expect(page.getByRole('alert')).toContainText(
        'Koppel’s web host was restarted and no longer knows this page: open the address it printed',
      );
      await page.screenshot({ path: path.join(screensDir, 'host-expired-start.png') });
      // The address it printed opens it.
      await openApp(page, host, '/flows');
      await expect(expired).toHaveCount(0);
      await expect(flows.row('Made while away')).toBeVisible();
    } finally {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('keeps a flow being edited: downloaded from the banner, imported at the new address', async ({
    page,
  }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-e2e-host-'));
    let host: WebHost = await startWebHost({ dataDir });
    try {
      const api = await TestApi.connect(host);
      const { flow } = await api.call('flows.create', { name: 'Kept while away' });
      api.close();
      await openApp(page, host, `/flows/${flow.id}`);
      const editor = new EditorPage(page);
      await editor.addByDrag('core.transform.filter', { x: 320, y: 140 });
      await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

      // Restarted with a new key: the edit cannot be saved here, but it can be kept.
      const port = Number(new URL(host.url).port);
      await host.stop();
      host = await startWebHost({ dataDir, port });
      const expired = page.getByTestId('host-expired');
      await expect(expired).toContainText('“Kept while away” has changes that are not saved', {
        timeout: 15_000,
      });
      await page.screenshot({ path: path.join(screensDir, 'host-expired-unsaved.png') });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('host-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe('kept-while-away.flow.json');
      const file = await download.path();
      const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string; nodes: { kind: string }[] };
      expect(kept.id).toBe(flow.id);
      expect(kept.nodes.map((node) => node.kind).sort()).toEqual([
        'core.transform.filter',
        'core.trigger.manual',
      ]);

      // At the new address: imported in place of the saved version, the edit is there.
      const flows = new FlowsPage(page);
      await openApp(page, host, '/flows');
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-replace').click();
      await expect(page.getByTestId('toast-success').last()).toContainText('Replaced “Kept while away”');
      await flows.row('Kept while away').getByRole('link').click();
      await expect(editor.node('core.transform.filter')).toHaveCount(1);
    } finally {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
