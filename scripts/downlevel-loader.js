/**
 * Webpack loader for third-party JavaScript: modules already within the browser floor
 * (scripts/syntax-floor.js: ECMAScript 2020) pass through untouched; a module using newer
 * syntax (class static blocks, `??=`, class fields …, as current Fluent UI / tabster
 * releases ship) is transpiled down to ES2020 with the TypeScript compiler the project
 * already uses. Keeps the build fast: only the few modules above the floor are rewritten.
 */
'use strict';
const acorn = require('acorn');
const ts = require('typescript');
const { FLOOR } = require('./syntax-floor');

function withinFloor(source) {
  try {
    acorn.parse(source, { ecmaVersion: FLOOR.ecmaVersion, sourceType: 'module', allowHashBang: true, allowAwaitOutsideFunction: false });
    return true;
  } catch {
    return false;
  }
}

module.exports = function downlevelLoader(source, map) {
  if (withinFloor(source)) return this.callback(null, source, map);
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: {
      allowJs: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      // Keep `import`/`export` as they are for webpack; no helpers library to resolve.
      importHelpers: false,
      useDefineForClassFields: true,
      sourceMap: false,
    },
  });
  return this.callback(null, out.outputText);
};

module.exports.withinFloor = withinFloor;
