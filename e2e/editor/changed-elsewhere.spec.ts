import { enableWithKoppel } from '../fixtures/koppel-cli';
import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { TestApi } from '../runs/api-client';

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('a flow changed elsewhere while it is open', () => {
  test('a clean editor shows the new version; one with changes says so and lets the user choose at once', async ({
    page,
    host,
  }) => {
    // The test's socket stands for another window saving the same flow.
    const api = await TestApi.connect(host);
    const { flow } = await api.call('flows.create', { name: 'Open here' });
    await openApp(page, host, `/flows/${flow.id}`);
    const editor = new EditorPage(page);
    const saveState = page.getByTestId('save-state');
    const stored = async () => (await api.call('flows.get', { id: flow.id })).flow;
    await expect(saveState).toContainText('Saved (revision 1)');

    // Nothing unsaved here: renamed elsewhere, the editor shows it, and says why.
    await api.call('flows.save', { flow: { ...(await stored()), name: 'Renamed there' } });
    await expect(page.getByTestId('flow-title')).toHaveValue('Renamed there');
    await expect(page.getByTestId('toast-info').last()).toContainText(
      '“Renamed there” was saved elsewhere: you now see its revision 2.',
    );
    await expect(saveState).toContainText('Saved (revision 2)');
    await expect(page.getByTestId('elsewhere-saved')).toBeHidden();

    // This window's own save is no news: no bar, no reload.
    await editor.addByDrag('core.transform.filter', { x: 320, y: 140 });
    const infos = await page.getByTestId('toast-info').count();
    await editor.save();
    await expect(saveState).toContainText('Saved (revision 3)');
    await expect(page.getByTestId('elsewhere-saved')).toBeHidden();
    expect(await page.getByTestId('toast-info').count()).toBe(infos);

    // Unsaved changes here, switched on by `koppel` in a process of its own: a bar says so.
    await editor.addByDrag('core.transform.map', { x: 320, y: 320 });
    expect(await enableWithKoppel(flow.id, host.dataDir)).toContain('Enabled "Renamed there"');
    const bar = page.getByTestId('elsewhere-saved');
    await expect(bar).toContainText(
      '“Renamed there” was saved elsewhere (revision 4) after you opened it here. Your changes are not saved yet',
    );
    await expect(saveState).toHaveText('Unsaved changes');
    await editor.shot('editor-changed-elsewhere');

    // Choosing now opens the same choice a save would meet; keep editing leaves the bar.
    await page.getByTestId('elsewhere-review').click();
    const dialog = page.getByTestId('conflict-dialog');
    await expect(page.getByTestId('conflict-differences').getByRole('listitem')).toHaveText([
      'its schedule is on there',
      'its nodes or their settings',
    ]);
    await page.getByTestId('conflict-keep').click();
    await expect(dialog).toBeHidden();
    await expect(bar).toBeVisible();
    // Replace it with mine: saved, and the bar goes.
    await page.getByTestId('elsewhere-review').click();
    await page.getByTestId('conflict-overwrite').click();
    await expect(saveState).toContainText('Saved (revision 5)');
    await expect(bar).toBeHidden();
    expect((await stored()).nodes).toHaveLength(3);

    // Deleted elsewhere: said at once, even with nothing unsaved; saving it again keeps it.
    await api.call('flows.delete', { id: flow.id });
    const deleted = page.getByTestId('elsewhere-deleted');
    await expect(deleted).toContainText('“Renamed there” was deleted elsewhere after you opened it here.');
    await page.getByTestId('elsewhere-review').click();
    await expect(dialog.getByRole('heading')).toHaveText('Deleted elsewhere in the meantime');
    await page.getByTestId('conflict-save-again').click();
    await expect(saveState).toContainText('Saved (revision 1)');
    await expect(deleted).toBeHidden();
    expect((await stored()).nodes).toHaveLength(3);

    // In Dutch, the bar as another user would read it.
    await api.call('settings.update', { language: 'nl' });
    await editor.addByDrag('core.transform.filter', { x: 520, y: 320 });
    await api.call('flows.setEnabled', { id: flow.id, enabled: false });
    await expect(bar).toContainText(
      '“Renamed there” is elders opgeslagen (versie 2) nadat u hem hier opende.',
    );
    await expect(page.getByTestId('elsewhere-review')).toHaveText('Kiezen wat u houdt…');
    await editor.shot('editor-changed-elsewhere-nl');
    api.close();
  });
});
