import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { FlowDocument } from '../../shared/flow/flow-document';
import { openApp } from '../fixtures/test';
import type { WebHost } from '../fixtures/web-host';
import type { TestApi } from '../runs/api-client';
import { screensDir } from './flows-page';

/** The flow editor (`#/flows/:id`), driven by mouse drag and drop like a user. */
export class EditorPage {
  constructor(readonly page: Page) {}

  /** A new flow made from a shipped template, opened in the editor. */
  static async openTemplate(
    page: Page,
    host: WebHost,
    api: TestApi,
    templateId: string,
  ): Promise<{ flow: FlowDocument; editor: EditorPage }> {
    const { flow } = await api.call('flows.create', { templateId });
    await openApp(page, host, `/flows/${flow.id}`);
    return { flow, editor: new EditorPage(page) };
  }

  get canvas(): Locator {
    return this.page.getByTestId('flow-canvas');
  }

  get pane(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  get nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  get edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  /** The canvas node of a kind (each test flow has one per kind unless stated). */
  node(kind: string): Locator {
    return this.page.locator('.react-flow__node').filter({ has: this.page.locator(`[data-kind="${kind}"]`) });
  }

  paletteItem(kind: string): Locator {
    return this.page.getByTestId(`palette-${kind}`);
  }

  /** Drags a palette entry onto the canvas at a point of the pane (real HTML5 drag and drop). */
  async addByDrag(kind: string, at: { x: number; y: number }): Promise<void> {
    const before = await this.node(kind).count();
    await this.paletteItem(kind).dragTo(this.pane, { targetPosition: at });
    await expect(this.node(kind)).toHaveCount(before + 1);
    // A new node is selected; the canvas is wider again without a selection.
    await this.deselect();
  }

  /** Tidy layout, then waits for the zoom-to-fit animation to settle (handles must not move under the mouse). */
  async tidy(): Promise<void> {
    await this.page.getByTestId('tidy').click();
    await this.waitForStill();
  }

  /** Zoom to fit (the whole flow in view), settled. */
  async zoomToFit(): Promise<void> {
    await this.page.getByTestId('fit').click();
    await this.waitForStill();
  }

  /** Waits until the viewport transform stops changing (an animated fit is done). */
  async waitForStill(): Promise<void> {
    const viewport = this.page.locator('.react-flow__viewport');
    let previous = '';
    await expect
      .poll(
        async () => {
          const current = (await viewport.getAttribute('style')) ?? '';
          const still = current === previous;
          previous = current;
          return still;
        },
        { intervals: [100] },
      )
      .toBe(true);
  }

  /** Connects two nodes by dragging from an output handle to an input handle with the mouse. */
  async connect(fromKind: string, toKind: string, port = 'out'): Promise<void> {
    const from = this.node(fromKind).locator(`.react-flow__handle.source[data-handleid="${port}"]`);
    const to = this.node(toKind).locator('.react-flow__handle.target').first();
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error(`Handles of ${fromKind} → ${toKind} are not on screen.`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Escape: nothing is selected (the inspector shows the flow, and the canvas is wide again). */
  async deselect(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('flow-settings')).toBeVisible();
  }

  async select(kind: string): Promise<void> {
    const title = this.node(kind).locator('.ed-node-title');
    // A node outside the visible canvas (a long flow opens at a readable zoom, its ends out of
    // view): zoom to fit first, as a user would pan. Left to itself, Playwright scrolls the canvas'
    // overflow to reach it, and the click then missed the node now and then (CI, 2026-11-29).
    if (!(await this.inView(title))) {
      await this.page.getByRole('button', { name: 'Zoom to fit' }).click();
      await expect.poll(() => this.inView(title)).toBe(true);
    }
    await title.click();
    await expect(this.page.getByTestId('node-inspector')).toBeVisible();
  }

  /** Whether the element lies wholly inside the visible canvas. */
  private async inView(element: Locator): Promise<boolean> {
    const [pane, box] = await Promise.all([this.pane.boundingBox(), element.boundingBox()]);
    if (!pane || !box) return false;
    return (
      box.x >= pane.x &&
      box.y >= pane.y &&
      box.x + box.width <= pane.x + pane.width &&
      box.y + box.height <= pane.y + pane.height
    );
  }

  sourceField(path: string): Locator {
    return this.page.getByTestId(`source-field-${path}`);
  }

  targetField(path: string): Locator {
    return this.page.getByTestId(`target-field-${path}`);
  }

  /** Maps a field in the field mapper by dragging the source row onto the target row. */
  async mapByDrag(source: string, target: string): Promise<void> {
    const from = this.sourceField(source);
    const to = this.targetField(target);
    // Both rows in view before the button goes down, as a user would have them: a scroll during
    // the drag moves another row under the pointer, and Chromium then drags that one.
    await from.evaluate((element, other) => {
      const targetRow = document.querySelector(`[data-testid="target-field-${other}"]`);
      let box = element.parentElement;
      while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
      if (!box || !targetRow) return;
      const view = box.getBoundingClientRect();
      const a = element.getBoundingClientRect();
      const b = targetRow.getBoundingClientRect();
      const middle = (Math.min(a.top, b.top) + Math.max(a.bottom, b.bottom)) / 2;
      box.scrollTop += middle - (view.top + view.bottom) / 2;
    }, target);
    await expect(from).toBeInViewport({ ratio: 1 });
    await expect(to).toBeInViewport({ ratio: 1 });
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error(`Field mapper: ${source} or ${target} has no box to drag between.`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await this.page.mouse.up();
    // The target names the source it was mapped from, not just "mapped".
    await expect(to).toHaveAttribute('data-mapped', 'true');
    await expect(to).toContainText(`← ${source}`);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await expect(this.page.getByTestId('save-state')).toContainText(/Saved|Opgeslagen/);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(screensDir, `${name}.png`) });
  }
}
