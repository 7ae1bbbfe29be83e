#!/usr/bin/env node
// The `credal` command: a launcher for the bundled CLI (built by `npm run bundle`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'out', 'cli.cjs');
if (!fs.existsSync(bundle)) {
    process.stderr.write(`credal: ${path.relative(process.cwd(), bundle)} is missing; run \`npm run bundle\` first\n`);
    process.exit(2);
}
require(bundle);
