import { expect, openApp, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { TestApi } from '../runs/api-client';

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('saving a flow saved elsewhere in the meantime', () => {
  test('says how the other version differs, then keeps editing, replaces it, keeps both, or takes it', async ({
    page,
    host,
  }) => {
    // The test's socket stands for another window (or the flows list) saving the same flow.
    const api = await TestApi.connect(host);
    const { flow } = await api.call('flows.create', { name: 'Conflicts' });
    await openApp(page, host, `/flows/${flow.id}`);
    const editor = new EditorPage(page);
    const dialog = page.getByTestId('conflict-dialog');
    const saveState = page.getByTestId('save-state');
    const stored = async (id = flow.id) => (await api.call('flows.get', { id })).flow;

    // Edited here, renamed elsewhere: the save is refused and the dialog says how they differ.
    await editor.addByDrag('core.transform.filter', { x: 320, y: 140 });
    await api.call('flows.save', { flow: { ...(await stored()), name: 'Renamed elsewhere' } });
    await page.keyboard.press('Control+s');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('“Renamed elsewhere” was saved elsewhere (revision 2,');
    await expect(page.getByTestId('conflict-differences').getByRole('listitem')).toHaveText([
      'its name: “Renamed elsewhere” (yours: “Conflicts”)',
      'its nodes or their settings',
    ]);
    await editor.shot('editor-save-conflict');

    // Keep editing (the choice with the focus: Enter loses nothing): nothing saved, the changes still here.
    await expect(page.getByTestId('conflict-keep')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(saveState).toHaveText('Unsaved changes');
    expect((await stored()).revision).toBe(2);

    // Replace it with mine: saved over the other version (its name too).
    await page.getByTestId('save').click();
    await expect(dialog).toBeVisible();
    await page.getByTestId('conflict-overwrite').click();
    await expect(page.getByTestId('toast-success').last()).toContainText(
      'Saved (revision 3) in place of the version saved elsewhere.',
    );
    await expect(saveState).toContainText('Saved');
    const replaced = await stored();
    expect(replaced).toMatchObject({ name: 'Conflicts', revision: 3 });
    expect(replaced.nodes.map((node) => node.kind).sort()).toEqual([
      'core.transform.filter',
      'core.trigger.manual',
    ]);

    // Edited again, switched on elsewhere; the leave dialog's "Save and leave" meets the conflict too.
    await editor.addByDrag('core.transform.map', { x: 320, y: 320 });
    await api.call('flows.setEnabled', { id: flow.id, enabled: true });
    await page.getByTestId('editor-back').click();
    await page.getByTestId('leave-save').click();
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('conflict-differences').getByRole('listitem')).toHaveText([
      'its schedule is on there',
      'its nodes or their settings',
    ]);
    // Save mine as a copy: a new flow with my changes opens; the other stays as it was saved.
    await page.getByTestId('conflict-save-copy').click();
    await expect(page.getByTestId('toast-success').last()).toContainText(
      'Your version is saved as “Conflicts (copy)” (paused); “Conflicts” is as it was saved elsewhere.',
    );
    await expect(page.getByTestId('flow-title')).toHaveValue('Conflicts (copy)');
    await expect(saveState).toContainText('Saved');
    await expect(editor.nodes).toHaveCount(3);
    const copyId = /#\/flows\/([^/?]+)$/.exec(page.url())?.[1];
    expect(copyId).toBeDefined();
    expect(copyId).not.toBe(flow.id);
    expect(await stored(copyId)).toMatchObject({ name: 'Conflicts (copy)', enabled: false, revision: 1 });
    expect((await stored()).nodes).toHaveLength(2);
    expect((await stored()).enabled).toBe(true);
    const { flows } = await api.call('flows.list', {});
    expect(flows.map((listed) => listed.name).sort()).toEqual(['Conflicts', 'Conflicts (copy)']);

    // The copy, edited here and moved elsewhere: open that version, drop mine.
    await editor.addByDrag('core.transform.filter', { x: 520, y: 320 });
    await expect(editor.nodes).toHaveCount(4);
    const copy = await stored(copyId);
    await api.call('flows.save', {
      flow: {
        ...copy,
        nodes: copy.nodes.map((node) => ({ ...node, position: { x: node.position.x + 40, y: 0 } })),
      },
    });
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('conflict-differences').getByRole('listitem')).toHaveText([
      'its nodes or their settings',
    ]);
    await page.getByTestId('conflict-load-theirs').click();
    await expect(page.getByTestId('toast-info').last()).toContainText(
      'Opened revision 2; your changes were dropped.',
    );
    await expect(editor.nodes).toHaveCount(3);
    await expect(saveState).toContainText('Saved (revision 2)');

    // In Dutch and dark, as another user would have it: the same dialog, its four choices on screen.
    await api.call('settings.update', { language: 'nl', theme: 'dark' });
    await expect(saveState).toContainText('Opgeslagen (versie 2)');
    await editor.addByDrag('core.transform.map', { x: 520, y: 120 });
    await api.call('flows.setEnabled', { id: copyId ?? '', enabled: true });
    await page.keyboard.press('Control+s');
    await expect(dialog.getByRole('heading')).toHaveText('Intussen elders opgeslagen');
    await expect(page.getByTestId('conflict-differences').getByRole('listitem')).toHaveText([
      'het schema staat daar aan',
      'de nodes of hun instellingen',
    ]);
    for (const choice of ['keep', 'load-theirs', 'overwrite', 'save-copy'])
      await expect(page.getByTestId(`conflict-${choice}`)).toBeInViewport({ ratio: 1 });
    await editor.shot('editor-save-conflict-nl-dark');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(saveState).toHaveText('Niet opgeslagen');
    api.close();
  });

  test('a flow deleted elsewhere is saved again only when asked to, or left deleted', async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    const { flow } = await api.call('flows.create', { name: 'Deleted there' });
    await openApp(page, host, `/flows/${flow.id}`);
    const editor = new EditorPage(page);
    const dialog = page.getByTestId('conflict-dialog');

    // Edited here, deleted elsewhere: saving asks, and Keep editing has the focus.
    await editor.addByDrag('core.transform.filter', { x: 320, y: 140 });
    await api.call('flows.delete', { id: flow.id });
    await page.keyboard.press('Control+s');
    await expect(dialog.getByRole('heading')).toHaveText('Deleted elsewhere in the meantime');
    await expect(dialog).toContainText('“Deleted there” was deleted elsewhere after you opened it here.');
    await expect(page.getByTestId('conflict-keep')).toBeFocused();
    await editor.shot('editor-save-conflict-deleted');
    expect((await api.call('flows.list', {})).flows).toEqual([]);

    // Save it again: back under its own id, with the change.
    await page.getByTestId('conflict-save-again').click();
    await expect(page.getByTestId('toast-success').last()).toContainText('Saved again (revision 1).');
    await expect(page.getByTestId('save-state')).toContainText('Saved (revision 1)');
    const back = (await api.call('flows.get', { id: flow.id })).flow;
    expect(back.nodes.map((node) => node.kind).sort()).toEqual([
      'core.transform.filter',
      'core.trigger.manual',
    ]);

    // Deleted again while edited again: leave it deleted, and the flows list shows it gone.
    await editor.addByDrag('core.transform.map', { x: 320, y: 320 });
    await api.call('flows.delete', { id: flow.id });
    await page.getByTestId('save').click();
    await page.getByTestId('conflict-leave-deleted').click();
    await expect(page.getByTestId('toast-info').last()).toContainText(
      '“Deleted there” stays deleted; your changes were dropped.',
    );
    await expect(page.getByTestId('screen-flows')).toBeVisible();
    expect((await api.call('flows.list', {})).flows).toEqual([]);
    api.close();
  });
});
