// `npm start`: build, then open the desktop app. Where the Electron binary is missing (as on a
// machine without internet, where it cannot be downloaded), say so in one line and point to the web host.
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // In Node, require('electron') returns the path of the downloaded binary, or throws without it.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'The Electron binary is not installed (it is downloaded by "npm install"): run "npm run web" to open Koppel in your browser instead.',
  );
  process.exit(1);
}
const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
