import { expect, test } from '../fixtures/test';
import { EditorPage } from '../pages/editor-page';
import { FlowsPage } from '../pages/flows-page';
import { TestApi } from '../runs/api-client';

// A common laptop screen: the editor needs room for palette, canvas and inspector.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('flow editor canvas', () => {
  test('adds nodes by keyboard and drag, refuses bad connections with the reason, undoes and redoes, copies and pastes', async ({
    page,
    host,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const flows = new FlowsPage(page);
    const editor = new EditorPage(page);
    await flows.open(host);
    await flows.create('Canvas checks');
    // A blank flow starts with its trigger.
    await expect(editor.node('core.trigger.manual')).toHaveCount(1);

    // Keyboard: search the palette, arrow down to the entry, Enter adds it in the middle.
    await page.getByTestId('palette-search').fill('filter');
    await page.getByTestId('palette-search').press('ArrowDown');
    await expect(editor.paletteItem('core.transform.filter')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor.node('core.transform.filter')).toHaveCount(1);
    await expect(editor.node('core.transform.filter').getByTestId('node-badge')).toHaveText(/Not set up/);
    await page.getByTestId('palette-search').fill('');

    await editor.addByDrag('core.transform.map', { x: 200, y: 440 });
    await editor.tidy();
    await editor.connect('core.trigger.manual', 'core.transform.filter');
    await editor.connect('core.transform.filter', 'core.transform.map');
    await expect(editor.edges).toHaveCount(2);

    // A loop is refused, and the user is told why.
    await editor.connect('core.transform.map', 'core.transform.filter');
    await expect(page.getByTestId('toast-error')).toContainText('round in circles');
    await expect(editor.edges).toHaveCount(2);

    // A record type the input does not take is refused, naming both types.
    await editor.addByDrag('mplus.source.sales', { x: 120, y: 40 });
    await editor.addByDrag('teamleader.target.customer', { x: 250, y: 440 });
    await editor.tidy();
    await editor.connect('mplus.source.sales', 'teamleader.target.customer');
    await expect(page.getByTestId('toast-error').last()).toContainText(
      'sends Sales order records, but “Teamleader company or contact” takes Customer records',
    );
    await expect(editor.edges).toHaveCount(2);
    // The refusals sit on the canvas: they cover neither the problems panel below nor the inspector.
    const canvas = await page.getByTestId('flow-canvas').boundingBox();
    expect(canvas).not.toBeNull();
    for (const toast of await page.getByTestId('toast-error').all()) {
      const box = await toast.boundingBox();
      expect(box).not.toBeNull();
      if (!box || !canvas) continue;
      expect(box.x).toBeGreaterThanOrEqual(canvas.x);
      expect(box.y).toBeGreaterThanOrEqual(canvas.y);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    await editor.shot('editor-refused-connection');

    // Undo takes back the tidy-up, then the last node; redo brings them back.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(editor.node('teamleader.target.customer')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(editor.node('teamleader.target.customer')).toHaveCount(1);
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await expect(editor.node('mplus.source.sales')).toHaveCount(0);
    await expect(editor.node('teamleader.target.customer')).toHaveCount(0);
    await page.getByTestId('redo').click();
    await expect(editor.node('mplus.source.sales')).toHaveCount(1);
    await expect(editor.edges).toHaveCount(2);

    // Copy and paste the selected filter; delete the copy again.
    await editor.select('core.transform.filter');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(editor.node('core.transform.filter')).toHaveCount(2);
    await page.keyboard.press('Delete');
    await expect(editor.node('core.transform.filter')).toHaveCount(1);

    // The problems panel lists what is wrong; choosing a problem selects its node.
    await page.getByTestId('bottom-tab-problems').click();
    const problem = page.getByTestId('problem').filter({ hasText: 'Filter' }).first();
    await problem.click();
    await expect(page.getByTestId('node-inspector')).toBeVisible();
    await editor.shot('editor-problems');
    expect(errors).toEqual([]);
  });

  test('the run log leaves the flow in sight on a laptop screen: no minimap over its nodes', async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    await EditorPage.openTemplate(page, host, api, 'orders-mplus-to-teamleader');
    const minimap = page.locator('.react-flow__minimap');
    await expect(minimap).toBeVisible();
    await page.getByTestId('bottom-tab-runLog').click();
    // The canvas is ~515 px high now; the minimap covered the template's fourth node there.
    await expect(minimap).toBeHidden();
    await page.getByRole('button', { name: 'Hide the panel' }).click();
    await expect(minimap).toBeVisible();
    api.close();
  });

  test('the settings panel is dragged wider, kept so after a reload, and put back with Home', async ({
    page,
    host,
  }) => {
    const api = await TestApi.connect(host);
    const { editor } = await EditorPage.openTemplate(page, host, api, 'orders-mplus-to-teamleader');
    await editor.select('rules.transform.order');
    const inspector = page.getByTestId('node-inspector');
    const splitter = page.getByTestId('inspector-splitter');
    const widthOf = async () => (await page.locator('.ed-inspector').boundingBox())?.width ?? 0;
    expect(await widthOf()).toBeCloseTo(340, 0);
    await expect(splitter).toHaveAttribute('aria-valuenow', '340');
    // Dragged 160 px to the left: the inspector (its tables of methods) gets the room.
    const line = await splitter.boundingBox();
    if (!line) throw new Error('the splitter is not on screen');
    const y = line.y + line.height / 2;
    await page.mouse.move(line.x + line.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(line.x + line.width / 2 - 160, y, { steps: 8 });
    await page.mouse.up();
    await expect(splitter).toHaveAttribute('aria-valuenow', '500');
    expect(await widthOf()).toBeCloseTo(500, 0);
    await expect(inspector).toBeVisible();
    await editor.shot('editor-inspector-wide');
    // Kept in the settings: the same width after a reload.
    await expect.poll(async () => (await api.call('settings.get', {})).inspectorWidth).toBe(500);
    await page.reload();
    await expect(page.getByTestId('inspector-splitter')).toHaveAttribute('aria-valuenow', '500');
    // A narrower window keeps the canvas 360 px: the inspector gives way, and takes its width
    // back when the window grows again.
    await page.setViewportSize({ width: 1000, height: 900 });
    await expect(page.getByTestId('inspector-splitter')).toHaveAttribute('aria-valuenow', '420');
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(page.getByTestId('inspector-splitter')).toHaveAttribute('aria-valuenow', '500');
    // From the keyboard: an arrow key narrows it by 16 px, Home puts the default back.
    await page.getByTestId('inspector-splitter').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('inspector-splitter')).toHaveAttribute('aria-valuenow', '484');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('inspector-splitter')).toHaveAttribute('aria-valuenow', '340');
    await expect.poll(async () => (await api.call('settings.get', {})).inspectorWidth).toBeNull();
    api.close();
  });
});
