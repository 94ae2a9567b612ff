import fs from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from '../fixtures/test';

const shots = path.resolve(__dirname, '../../test-results/screens');

test.describe('help and support', () => {
  test('the Settings screen saves a diagnostics file with the connections, flows and the web host’s log, and says where the logs are', async ({
    page,
    host,
  }) => {
    await openApp(page, host, '/settings');
    const section = page.getByRole('group', { name: 'Help and support' });
    await expect(section).toBeVisible();
    await expect(section.getByTestId('settings-log-dir')).toHaveText(path.join(host.dataDir, 'logs'));
    // A browser cannot open a folder of the server's computer: the path is shown instead.
    await expect(section.getByTestId('settings-open-logs')).toHaveCount(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByTestId('settings-diagnostics').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Koppel diagnostics \d{4}-\d\d-\d\d \d\d\.\d\d\.txt$/);
    await expect(section.getByTestId('settings-diagnostics-result')).toHaveText(
      `Saved as "${download.suggestedFilename()}".`,
    );
    const text = fs.readFileSync((await download.path()) ?? '', 'utf8');
    expect(text).toContain(', web host');
    expect(text).toContain(`data folder: ${host.dataDir}`);
    // The sandbox connections `koppel serve` made on its first start, and its own log.
    expect(text).toContain('"name": "Sandbox MplusKASSA"');
    expect(text).toMatch(
      /== Log koppel-web\.log \(last \d+ lines\)\n.*INFO Koppel \S+ started \{"host":"web".*\n.*INFO Sandbox started/,
    );
    fs.mkdirSync(shots, { recursive: true });
    await section.screenshot({ path: path.join(shots, 'settings-support.png') });
  });
});
