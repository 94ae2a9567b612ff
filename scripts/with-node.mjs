// `node scripts/with-node.mjs <version> [-- command …]`: runs a command in a copy of this checkout
// under another Node release, e.g. `24 -- npx vitest run` (the desktop app's main process is
// Electron 41's Node 24, while this machine and CI have Node 20) or `22 -- npm run bench -- engine`.
//
// The Node binary comes from the npm registry (the `node-<platform>-<arch>` packages hold the
// official builds and their headers), so it works where only the registry is reachable. The copy
// (in out/with-node/, beside the build output) has its own node_modules with better-sqlite3 rebuilt
// for that Node: a native module built for one Node release does not load in another. Tracked and
// new files are copied again on every call; node_modules only when package-lock.json changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: node scripts/with-node.mjs <version, e.g. 24 or 24.22.3> [-- command …] (default: node --version)';

function fail(message) {
  console.error(`with-node: ${message}`);
  process.exit(2);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function output(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

const [requested, separator, ...rest] = process.argv.slice(2);
if (!requested || !/^\d+(\.\d+){0,2}$/.test(requested) || (separator !== undefined && separator !== '--'))
  fail(USAGE);
const command = rest.length > 0 ? rest : ['node', '--version'];
if (process.platform === 'win32')
  fail('Windows is not supported (the package holds node.exe in another layout).');

// The newest release matching what was asked, e.g. 24 → 24.22.3.
const pkg = `node-${process.platform}-${process.arch}`;
const versions = [JSON.parse(output('npm', ['view', `${pkg}@${requested}`, 'version', '--json']) || '[]')]
  .flat()
  .sort((a, b) => {
    const [x, y] = [a, b].map((v) => v.split('.').map(Number));
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
const version = versions.at(-1);
if (!version) fail(`the npm registry has no ${pkg} release matching ${requested}.`);

const base = path.join(root, 'out', 'with-node');
const nodeDir = path.join(base, `node-${version}`);
if (!fs.existsSync(path.join(nodeDir, 'bin', 'node'))) {
  fs.mkdirSync(base, { recursive: true });
  const tarball = output('npm', ['pack', `${pkg}@${version}`, '--pack-destination', base], { cwd: base })
    .trim()
    .split('\n')
    .at(-1);
  const unpacked = path.join(base, `unpack-${version}`);
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.mkdirSync(unpacked);
  if (run('tar', ['xzf', path.join(base, tarball), '-C', unpacked]) !== 0)
    fail(`could not unpack ${tarball}.`);
  fs.rmSync(nodeDir, { recursive: true, force: true });
  fs.renameSync(path.join(unpacked, 'package'), nodeDir);
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.rmSync(path.join(base, tarball), { force: true });
}
const binDir = path.join(nodeDir, 'bin');
const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` };

// The checkout's files as they are now (tracked, and new ones git does not ignore).
const app = path.join(base, `app-${version}`);
const files = output('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
  .split('\0')
  .filter(Boolean);
const present = files.filter((file) => fs.existsSync(path.join(root, file))); // not deleted in the working tree
for (const file of present) {
  fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(app, file));
}
// Files copied last time and gone since (a deleted test must not run there).
const manifest = path.join(app, '.with-node-files');
const copied = new Set(present);
if (fs.existsSync(manifest))
  for (const file of fs.readFileSync(manifest, 'utf8').split('\n'))
    if (file && !copied.has(file)) fs.rmSync(path.join(app, file), { force: true });
fs.writeFileSync(manifest, present.join('\n'));

// node_modules: copied (not linked: the rebuild must not touch this checkout's better-sqlite3),
// and better-sqlite3 built against the other release's headers.
const lock = createHash('sha256')
  .update(fs.readFileSync(path.join(root, 'package-lock.json')))
  .digest('hex');
const marker = path.join(app, 'node_modules', '.with-node-lock');
if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== lock) {
  if (!fs.existsSync(path.join(root, 'node_modules'))) fail('run "npm install" in this checkout first.');
  fs.rmSync(path.join(app, 'node_modules'), { recursive: true, force: true });
  console.error(
    `with-node: copying node_modules and building better-sqlite3 for Node ${version} (about two minutes)…`,
  );
  if (run('cp', ['-a', path.join(root, 'node_modules'), path.join(app, 'node_modules')]) !== 0)
    fail('could not copy node_modules.');
  if (
    run('npm', ['rebuild', 'better-sqlite3'], { cwd: app, env: { ...env, npm_config_nodedir: nodeDir } }) !==
    0
  )
    fail(`better-sqlite3 did not build for Node ${version}.`);
  fs.writeFileSync(marker, lock);
}

console.error(`with-node: Node ${version} in ${path.relative(root, app)}: ${command.join(' ')}`);
process.exit(run(command[0], command.slice(1), { cwd: app, env }));
