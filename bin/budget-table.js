#!/usr/bin/env node
// Compiled by `npm ci` (the package's `prepare` script builds lib/ from src/).
require('../lib/src/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`budget-table: ${err && err.message ? err.message : err}`); process.exitCode = 2; },
);
