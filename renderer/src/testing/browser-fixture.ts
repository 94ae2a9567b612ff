import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, as the end-to-end tests use it (Playwright's own browser cannot be downloaded here). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

export interface BrowserFixture {
  page: Page;
  /** Errors the page threw (a fixture that crashed says so rather than timing out). */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Component tests in a real browser, for what needs a DOM (effects, clicks, store updates after a
 * call): bundles a fixture module (it renders into `#root` and drives itself through `window`)
 * with esbuild and loads it into a blank Chromium page. Nothing is served: no port, no network.
 */
export async function openBrowserFixture(entry: URL): Promise<BrowserFixture> {
  const bundled = await build({
    entryPoints: [decodeURIComponent(entry.pathname)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    // Styles play no part in what these tests read.
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const script = bundled.outputFiles[0]?.text;
  if (!script) throw new Error(`esbuild produced nothing for ${entry.pathname}`);
  let browser: Browser | null = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div></body></html>',
    );
    await page.addScriptTag({ content: script });
    const opened = browser;
    browser = null;
    return { page, pageErrors, close: () => opened.close() };
  } finally {
    await browser?.close();
  }
}
