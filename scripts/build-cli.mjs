// Bundles the command line into out/cli/koppel.js for plain Node 20 (bin/koppel.js runs it while it
// is up to date with the sources). Dependencies stay in node_modules: native and wasm packages
// load their files from there, and libxml2-wasm is imported at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['main/hosts/cli/index.ts'],
  outfile: 'out/cli/koppel.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
