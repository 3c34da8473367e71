/**
 * Webpack plugin for the WPS build: emits the add-in's text files (index.html, ribbon.xml,
 * manifest.xml, functions.json) into the add-in folder and, after emit, the deployment
 * files (publish.xml, jsplugins.xml, install scripts, 安装说明.txt) next to it. The
 * contents come from src/wps/package.ts (loaded through TypeScript's transpiler, so the
 * ribbon buttons and the function list are the ones the add-in's code uses); the function
 * descriptions come from the same JSDoc generator as Excel's functions.json.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { sources } = require('webpack');

/** Loads a TypeScript module of src/ in Node (transpile only; types are tsc's job). */
function requireTs(file) {
  const previous = require.extensions['.ts'];
  require.extensions['.ts'] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
    });
    module._compile(out.outputText, filename);
  };
  try {
    return require(file);
  } finally {
    if (previous) require.extensions['.ts'] = previous;
    else delete require.extensions['.ts'];
  }
}

function excelMetadata(functionsSource) {
  const pluginDir = path.dirname(require.resolve('custom-functions-metadata-plugin/package.json'));
  const generate = require(require.resolve('custom-functions-metadata', { paths: [pluginDir] })).generateCustomFunctionsMetadata;
  return generate([functionsSource], false).then((r) => {
    if (r.errors && r.errors.length) throw new Error(`functions.json: ${r.errors.join('; ')}`);
    return JSON.parse(r.metadataJson);
  });
}

class WpsPackagePlugin {
  /** @param {{ root: string, version: string, url: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const name = 'WpsPackagePlugin';
    const { root, version, url } = this.options;
    const pkg = requireTs(path.join(root, 'src/wps/package.ts'));
    let opts = null;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name, stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const excelFunctions = await excelMetadata(path.join(root, 'src/functions/functions.ts'));
        opts = { version, url, excelFunctions };
        for (const [file, text] of Object.entries(pkg.addinFiles(opts))) compilation.emitAsset(file, new sources.RawSource(text));
      });
    });
    compiler.hooks.afterEmit.tap(name, (compilation) => {
      if (!opts) return;
      const parent = path.dirname(compilation.outputOptions.path);
      for (const [file, text] of Object.entries(pkg.deploymentFiles(opts))) {
        fs.writeFileSync(path.join(parent, file), text, file.endsWith('.sh') ? { mode: 0o755 } : undefined);
      }
    });
  }
}

module.exports = { WpsPackagePlugin, requireTs };
