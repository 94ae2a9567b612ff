import type { Page } from '@playwright/test';

/**
 * A screenshot of the whole screen: the app scrolls inside its main area (not the document), so
 * Playwright's fullPage sees only the window; the window is made as tall as the content instead.
 */
export async function tallScreenshot(page: Page, file: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.locator('#main').evaluate((main) => main.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 6000)) });
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
}
