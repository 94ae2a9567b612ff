#!/usr/bin/env node
// The bundled command line when it is up to date with the sources, else the TypeScript sources
// through tsx (see cli-entry.js): never stale, and quick to start after `npm run build`.
'use strict';
const path = require('node:path');
const { cliEntry } = require('./cli-entry.js');

const entry = cliEntry(path.resolve(__dirname, '..'), process.env);
if (entry.kind === 'source') {
  // tsx's own entry (as `node --import tsx`) hooks both require() and import(): the commands load
  // the app with import(), which Node resolves as ESM, and the sources' extensionless
  // specifiers resolve only through tsx.
  import('tsx').then(() => require(entry.file));
} else require(entry.file);
