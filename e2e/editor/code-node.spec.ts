import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage } from '../pages/flows-page';

// A common laptop screen: the editor needs room for palette, canvas and inspector.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('code node', () => {
  test('types the input record for autocompletion and tests code in the sandbox, in Dutch and dark', async ({
    page,
    host,
  }) => {
    // Monaco and its TypeScript worker load on first use: the slowest part of the editor.
    test.setTimeout(90_000);
    const flows = new FlowsPage(page);
    const editor = new EditorPage(page);
    await openApp(page, host, '/settings');
    await page.getByTestId('settings-language').selectOption('nl');
    await page.getByTestId('settings-theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('link', { name: 'Flows' }).click();
    await flows.create('Code proberen');

    await editor.addByDrag('core.transform.code', { x: 300, y: 120 });
    // A problem of the flow, in Dutch.
    await editor.select('core.transform.code');
    await expect(page.getByTestId('node-problems')).toContainText(
      'Op de invoer van node "Code" is niets aangesloten.',
    );
    await editor.connect('core.trigger.manual', 'core.transform.code');
    await editor.select('core.transform.code');
    await expect(page.getByTestId('sample-bar')).toContainText('startrecord');
    const code = page.getByTestId('code-editor');
    await expect(code.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });

    // The record's fields come from the upstream schema: typing `record.` offers them.
    await code.locator('.view-lines').click();
    await page.keyboard.press('Control+a');
    // Whole text goes in with insertText (like a paste); the member access is typed key by key.
    await page.keyboard.insertText('const started = ');
    await page.keyboard.type('record.');
    await expect(page.locator('.suggest-widget').first()).toContainText('startedAt', {
      timeout: 15_000,
    });
    await page.keyboard.press('Escape');

    // An error is shown with its line (and marked there).
    await page.keyboard.insertText(
      'startedAt;\nreturn { started, day: started.slice(0, 10), broken: record.nope.deep };',
    );
    await page.getByTestId('code-test').click();
    await expect(page.getByTestId('code-result')).toContainText('Regel 2');
    await editor.shot('editor-code-error-nl-dark');

    // Typed key by key, Space and Backspace belong to the code, not to the canvas around it (which
    // pans on Space and deletes the selected node on Backspace).
    await code.locator('.view-lines').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('return record;x');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await expect(code.locator('.view-lines')).toHaveText('return record;');
    await page.getByTestId('code-test').click();
    await expect(page.getByTestId('code-result')).toContainText('"trigger": "manual"');

    // A syntax error is a problem of the flow as it is typed (the flow cannot run), in Dutch.
    await code.locator('.view-lines').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('return record.;');
    await expect(page.getByTestId('node-problems')).toContainText(
      'veld "Code": syntaxfout op regel 1, kolom 15: onverwacht teken.',
    );
    // A brace closed once too often is found after the code: the problem says what to look for.
    // (The editor closes what is opened as it is typed; a pasted or imported flow may not.)
    await code.locator('.view-lines').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('return record;\n}');
    await expect(page.getByTestId('node-problems')).toContainText(
      'veld "Code": syntaxfout aan het eind van de code (regel 2): een haakje, accolade of aanhalingsteken dat de code opent, wordt niet gesloten, of er wordt er één te veel gesloten (onverwacht teken).',
    );
    await editor.shot('editor-code-unclosed-nl-dark');

    await code.locator('.view-lines').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('return { trigger: record.trigger, day: record.startedAt.slice(0, 10) };');
    await page.getByTestId('code-test').click();
    await expect(page.getByTestId('code-result')).toContainText('"trigger": "manual"');
    await expect(page.getByTestId('canvas-empty')).toHaveCount(0);
    await editor.shot('editor-code-nl-dark');

    // A schedule trigger without a name of its own is named by the flow's schedule, and follows it.
    await editor.addByDrag('core.trigger.schedule', { x: 300, y: 330 });
    await editor.select('core.trigger.schedule');
    await page.getByTestId('schedule-kind').selectOption('interval');
    const title = editor.node('core.trigger.schedule').locator('.ed-node-title');
    await expect(title).toHaveText('Elke 15 minuten');
    const minutes = page.getByLabel('Elke (minuten)');
    await minutes.fill('5');
    await expect(title).toHaveText('Elke 5 minuten');
    // Out of bounds: said so, and the flow keeps its last fitting value (it used to become 1 unsaid).
    await minutes.fill('0');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Vul een heel getal in van 1 tot 10080.' }),
    ).toBeVisible();
    await expect(minutes).toHaveAttribute('aria-invalid', 'true');
    await expect(title).toHaveText('Elke 5 minuten');
    await editor.shot('editor-schedule-minutes-invalid-nl-dark');
    // A cleared field stays empty while typing ("30", not "130").
    await minutes.fill('');
    await minutes.pressSequentially('30');
    await expect(title).toHaveText('Elke 30 minuten');
    await expect(minutes).toHaveAttribute('aria-invalid', 'false');
    // Leaving the field with no fitting number puts the last one back.
    await minutes.fill('');
    await minutes.blur();
    await expect(minutes).toHaveValue('30');
    await editor.shot('editor-schedule-trigger-nl-dark');
  });
});
