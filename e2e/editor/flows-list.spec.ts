import fs from 'node:fs';
import { expect, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage } from '../pages/flows-page';

// A common laptop screen: the editor needs room for palette, canvas and inspector.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('flows list', () => {
  test('export and import round trip, rename, duplicate, delete with confirmation, unsaved changes kept', async ({
    page,
    host,
  }) => {
    const flows = new FlowsPage(page);
    const editor = new EditorPage(page);
    await flows.open(host);
    await flows.create('Round trip');
    await editor.addByDrag('core.transform.filter', { x: 300, y: 120 });
    await editor.connect('core.trigger.manual', 'core.transform.filter');
    await editor.save();

    // Leaving with unsaved changes asks first; "Stay" keeps them.
    await editor.addByDrag('core.transform.map', { x: 300, y: 300 });
    await page.getByTestId('editor-back').click();
    await expect(page.getByTestId('leave-dialog')).toBeVisible();
    await editor.shot('editor-leave-dialog');
    await page.getByTestId('leave-stay').click();
    await expect(editor.node('core.transform.map')).toHaveCount(1);
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('save-state')).toContainText('Saved');
    await page.getByTestId('editor-back').click();
    await expect(page.getByTestId('flows-table')).toBeVisible();

    // Export: the file is the flow as saved.
    const row = flows.row('Round trip');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Export Round trip as JSON' }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      name: string;
      nodes: { kind: string }[];
      edges: unknown[];
    };
    expect(exported.name).toBe('Round trip');
    expect(exported.nodes.map((node) => node.kind).sort()).toEqual([
      'core.transform.filter',
      'core.trigger.manual',
    ]);
    expect(exported.edges).toHaveLength(1);

    // Delete asks for confirmation; cancelling keeps the flow.
    await row.getByRole('button', { name: 'Delete Round trip' }).click();
    await expect(page.getByTestId('delete-dialog')).toContainText('Round trip');
    await page.getByTestId('delete-dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Delete Round trip' }).click();
    await page.getByTestId('delete-confirm').click();
    await expect(flows.row('Round trip')).toHaveCount(0);

    // Import the exported file: the same flow comes back.
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('toast-success').last()).toContainText('Imported “Round trip”');
    await flows.row('Round trip').getByRole('link').click();
    await expect(editor.nodes).toHaveCount(2);
    await expect(editor.edges).toHaveCount(1);
    await page.getByTestId('editor-back').click();

    // Rename and duplicate.
    await flows.row('Round trip').getByRole('button', { name: 'Rename Round trip' }).click();
    await page.getByTestId('rename-input').fill('Orders, renamed');
    await page.getByTestId('rename-save').click();
    await expect(page.getByTestId('toast-success').last()).toContainText(
      'Renamed “Round trip” to “Orders, renamed”.',
    );
    await expect(flows.row('Orders, renamed')).toBeVisible();
    await flows.row('Orders, renamed').getByRole('button', { name: 'Duplicate Orders, renamed' }).click();
    await expect(page.getByTestId('flows-table').getByRole('row')).toHaveCount(3);
    await flows.shot('flows-list');

    // The exported file again: it is the renamed flow's own, so the import asks first.
    const dialog = page.getByTestId('import-dialog');
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(dialog).toContainText('The file holds a version of “Orders, renamed”');
    await flows.shot('flows-import-same');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('flows-table').getByRole('row')).toHaveCount(3);
    // Replaced: the file's version (and its name) takes the flow's place; nothing is added.
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-replace').click();
    await expect(page.getByTestId('toast-success').last()).toContainText(
      "Replaced “Orders, renamed” with the file's version; it has 1 problem to fix before it can run.",
    );
    await expect(flows.row('Round trip')).toBeVisible();
    await expect(flows.row('Orders, renamed')).toHaveCount(0);
    await expect(page.getByTestId('flows-table').getByRole('row')).toHaveCount(3);
    // Added as a copy: a second flow beside it.
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(dialog).toContainText('The file holds a version of “Round trip”');
    await page.getByTestId('import-copy').click();
    await expect(page.getByTestId('toast-success').last()).toContainText('Imported “Round trip (copy)”');
    await expect(flows.row('Round trip (copy)')).toBeVisible();
    await expect(page.getByTestId('flows-table').getByRole('row')).toHaveCount(4);
  });
});
