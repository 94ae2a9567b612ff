import fs from 'node:fs';
import path from 'node:path';

let cachedRoot: string | undefined;

/**
 * The folder holding Koppel's package.json: the repository when running from source, `app.asar` in
 * a packaged build. Bundled resources (renderer, templates, API specs) are found from here.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown };
      if (pkg.name === 'koppel') return (cachedRoot = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Koppel's package.json above ${__dirname}.`);
    dir = parent;
  }
}

export const rendererDir = (): string => path.join(appRoot(), 'out', 'renderer');
/**
 * Bundled data (API specs, templates): `resources/` in the repository; in a packaged desktop app
 * electron-builder copies them next to the asar (`process.resourcesPath`).
 */
export function resourcesDir(): string {
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, 'specs'))) return packaged;
  return path.join(appRoot(), 'resources');
}
