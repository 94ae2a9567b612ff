import fs from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from '../fixtures/test';
import { shotsDir } from '../runs/scene';

test.describe('data folder documents edited by hand', () => {
  test('a settings.json or flows.json that no longer reads is told on every screen, why, and gone once mended', async ({
    page,
    host,
  }) => {
    const settingsFile = path.join(host.dataDir, 'settings.json');
    const flowsFile = path.join(host.dataDir, 'flows.json');
    await openApp(page, host, '/settings');
    const banner = page.getByTestId('document-problems');
    await expect(page.getByTestId('settings-language')).toBeVisible();
    await expect(banner).toHaveCount(0);
    const goodSettings = fs.readFileSync(settingsFile, 'utf8');

    // Half an edit: the last good settings stay in use, and the user is told what that means.
    fs.writeFileSync(settingsFile, goodSettings.slice(0, goodSettings.indexOf('"language"') + 12));
    const settingsProblem = page.getByTestId('document-problem-settings');
    await expect(settingsProblem).toContainText('The settings file cannot be read.');
    await expect(settingsProblem).toContainText(
      'saving a setting is refused until the file can be read again',
    );
    // Why, in the words that name the file and its last good version.
    await expect(settingsProblem).toContainText(`Koppel cannot read ${settingsFile}: it is not valid JSON`);
    await expect(settingsProblem).toContainText(`put back ${settingsFile}.bak`);
    // A setting changed now is refused with the same words, and the file stays as the user left it.
    await page.getByTestId('settings-language').selectOption('nl');
    await expect(page.getByRole('alert').filter({ hasText: 'is not valid JSON' }).first()).toBeVisible();
    await expect(page.getByTestId('settings-language')).toHaveValue('en');
    expect(fs.readFileSync(settingsFile, 'utf8')).not.toBe(goodSettings);

    // flows.json too, seen from the flows list: both told, the list says why it is empty.
    fs.writeFileSync(flowsFile, '{ "flows": {');
    await page.getByTestId('nav-flows').click();
    const flowsProblem = page.getByTestId('document-problem-flows');
    await expect(flowsProblem).toContainText('The flows file cannot be read.');
    await expect(flowsProblem).toContainText('scheduled runs wait until it can be read again');
    await expect(flowsProblem).toContainText(`Koppel cannot read ${flowsFile}`);
    await expect(settingsProblem).toBeVisible();
    await page.screenshot({ path: path.join(shotsDir, 'documents-broken-by-hand.png') });

    // JSON again, but a setting Koppel cannot take: new words, and where the last good version is.
    fs.writeFileSync(settingsFile, goodSettings.replace(/"retentionDays": \d+/, '"retentionDays": "soon"'));
    await expect(settingsProblem).toContainText('Settings are invalid at retentionDays');
    await expect(settingsProblem).toContainText(
      `The last version Koppel read is kept as ${settingsFile}.bak`,
    );

    // Mended: each goes as its file reads again, without a reload.
    fs.writeFileSync(settingsFile, goodSettings);
    await expect(settingsProblem).toHaveCount(0);
    await expect(flowsProblem).toBeVisible();
    fs.writeFileSync(flowsFile, JSON.stringify({ flows: {} }));
    await expect(banner).toHaveCount(0);

    // A window opened while one is broken learns of it at once; in Dutch, in the user's language.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('nl');
    await expect(page.getByTestId('nav-settings')).toContainText('Instellingen');
    fs.writeFileSync(flowsFile, '[');
    await expect(flowsProblem).toContainText('Het flowsbestand is niet leesbaar.');
    const second = await page.context().newPage();
    await openApp(second, host, '/runs');
    await expect(second.getByTestId('document-problem-flows')).toContainText(
      'geplande runs wachten tot het weer leesbaar is',
    );
    await second.getByTestId('document-problems').screenshot({
      path: path.join(shotsDir, 'documents-broken-by-hand-nl.png'),
    });
    await second.close();
  });
});
