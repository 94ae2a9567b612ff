// Bundles the command line into out/cli/koppel.js for plain Node 20 (bin/koppel.js runs it while it
// is up to date with the sources). Dependencies stay in node_modules: native and wasm packages
// load their files from there, and libxml2-wasm is imported at run time.
// `node scripts/build-cli.mjs [entry outfile]`: the command line by default; the engine bench
// (`npm run bench -- engine --bundled`) bundles itself with it too, so both are built alike.
import { build } from 'esbuild';

const [entry = 'main/hosts/cli/index.ts', outfile = 'out/cli/koppel.js'] = process.argv.slice(2);

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
