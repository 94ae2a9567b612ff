/**
 * `npm run bench -- <name> [args]`: runs bench/<name>.ts, which prints its own figures.
 * Benchmarks measure speed; tests check behaviour.
 */
import fs from 'node:fs';
import path from 'node:path';

const [name, ...rest] = process.argv.slice(2);
const available = fs
  .readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', path.join(import.meta.dirname, `${name}.ts`), ...rest];
// No top-level await: the package is CommonJS, where tsx cannot compile it.
import(`./${name}.ts`).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
