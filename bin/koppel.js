#!/usr/bin/env node
// The command line runs from the TypeScript sources through tsx, so it is never stale against them.
'use strict';
require('tsx/cjs/api').register();
require('../main/hosts/cli/index.ts');
