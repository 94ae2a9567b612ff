// Electronegativity over the Electron sources (the shell, the preload and the page they load).
// Its CLI is broken on current npm trees (it relies on a hoisted commander@2), so the runner is called
// directly. Fails on any HIGH-severity finding; lists the rest so the README can explain each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const root = path.resolve(import.meta.dirname, '..');

// Scan a copy holding only what runs in Electron, plus package.json for the Electron version.
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-electronegativity-'));
for (const part of [
  'main/hosts/electron',
  'main/preload',
  'main/hosts/web/security.ts',
  'renderer/index.html',
  'package.json',
]) {
  fs.cpSync(path.join(root, part), path.join(scanDir, part), { recursive: true });
}
for (const file of fs.readdirSync(scanDir, { recursive: true })) {
  if (String(file).endsWith('.test.ts')) fs.rmSync(path.join(scanDir, String(file)));
}

const result = await run(
  { input: scanDir, isRelative: true, severitySet: 'informational', confidenceSet: 'tentative' },
  false,
);
fs.rmSync(scanDir, { recursive: true, force: true });

const issues = result.issues ?? [];
const high = issues.filter((issue) => issue.severity?.name === 'HIGH');
for (const issue of issues) {
  const where = issue.file ? ` ${issue.file}:${issue.location?.line ?? 0}` : '';
  console.log(`${issue.severity?.name ?? '?'}\t${issue.confidence?.name ?? '?'}\t${issue.id}${where}`);
}
if (result.errors?.length)
  console.log(`parser errors: ${result.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
console.log(
  `electronegativity: ${result.globalChecks + result.atomicChecks} checks, ${issues.length} findings, ${high.length} of high severity`,
);
process.exit(high.length ? 1 : 0);
