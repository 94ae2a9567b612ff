#!/usr/bin/env node
// The bundled command line when it is up to date with the sources, else the TypeScript sources
// through tsx (see cli-entry.js): never stale, and quick to start after `npm run build`.
'use strict';
const path = require('node:path');
const { cliEntry } = require('./cli-entry.js');

const entry = cliEntry(path.resolve(__dirname, '..'), process.env);
if (entry.kind === 'source') require('tsx/cjs/api').register();
require(entry.file);
