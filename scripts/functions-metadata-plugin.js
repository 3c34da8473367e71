/**
 * Webpack plugin: generates functions.json from the JSDoc `@customfunction` tags of
 * the functions source, with the same generator as Microsoft's
 * custom-functions-metadata-plugin (custom-functions-metadata's
 * generateCustomFunctionsMetadata).
 *
 * Why not that plugin itself: besides emitting the JSON it rewrites the functions
 * module, appending an unguarded `CustomFunctions.associate(...)` per function. Our
 * functions.ts registers its functions itself from the typed function table
 * (guarded, so the same module also loads in Node tests and in a plain browser),
 * and the appended calls would register every function twice and throw a
 * ReferenceError wherever `CustomFunctions` is absent.
 */
'use strict';
const path = require('path');
const { sources, WebpackError } = require('webpack');

/** custom-functions-metadata is a dependency of the plugin package; resolve it from there. */
function loadGenerator() {
  const pluginDir = path.dirname(require.resolve('custom-functions-metadata-plugin/package.json'));
  const modPath = require.resolve('custom-functions-metadata', { paths: [pluginDir] });
  return require(modPath).generateCustomFunctionsMetadata;
}

class FunctionsMetadataPlugin {
  /**
   * @param {{ input: string, output: string, transform?: (json: string) => string }} options
   *   input: functions source; output: asset name (functions.json); transform: applied to
   *   the JSON text (the build uses it to rebase help URLs onto the deployment origin).
   */
  constructor(options) {
    this.input = path.resolve(options.input);
    this.output = options.output;
    this.transform = options.transform || ((json) => json);
  }

  apply(compiler) {
    const name = 'FunctionsMetadataPlugin';
    const generate = loadGenerator();
    let result = null;
    compiler.hooks.beforeCompile.tapPromise(name, async () => {
      try {
        result = await generate([this.input], false);
      } catch (err) {
        result = { metadataJson: '', associate: [], errors: [String(err && err.message ? err.message : err)] };
      }
    });
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      // Rebuild the JSON when the JSDoc changes (watch / dev-server).
      compilation.fileDependencies.add(this.input);
      compilation.hooks.processAssets.tap(
        { name, stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          if (!result) return;
          if (result.errors.length > 0) {
            for (const e of result.errors) compilation.errors.push(new WebpackError(`${path.relative(process.cwd(), this.input)}: ${e}`));
            return;
          }
          if (!result.metadataJson) {
            compilation.errors.push(new WebpackError(`${this.input}: no @customfunction found`));
            return;
          }
          compilation.emitAsset(this.output, new sources.RawSource(this.transform(result.metadataJson)));
        },
      );
    });
  }
}

module.exports = { FunctionsMetadataPlugin, loadGenerator };
