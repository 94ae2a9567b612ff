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
export const resourcesDir = (): string => path.join(appRoot(), 'resources');
