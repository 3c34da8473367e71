/**
 * Builds the browser-test harness into dist-harness/: the real task pane App over
 * the Excel test double (no office.js, no Office). Module rules and resolution come
 * from the add-in's own webpack.config.js so the harness compiles the UI exactly as
 * the add-in does; splitting mirrors it (vendors chunk + lazy view chunks), so the
 * sizes reported by the browser test are the add-in's.
 *
 *   npx webpack --config test/browser/webpack.harness.js
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dist-harness');

/** The add-in config's `module` and `resolve` (ts-loader with ES modules, transpile only). */
function sharedPieces(mode) {
  const main = require(path.join(ROOT, 'webpack.config.js'))({}, { mode });
  return { module: main.module, resolve: main.resolve };
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>预算公开表格助手（测试页）</title>
<style>html,body{margin:0;padding:0;height:100%}body{font-family:"Segoe UI","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}#root{min-height:100%}</style>
</head>
<body><div id="root"></div></body>
</html>`;

/** The WPS page: the task pane entry shows its boot messages in #boot-message, as in taskpane.html. */
const WPS_PAGE = PAGE.replace('<div id="root"></div>', '<div id="root"><div id="boot-message">正在加载预算公开表格助手…</div></div>');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const shared = sharedPieces(mode);
  return {
    mode,
    context: ROOT,
    devtool: false,
    entry: { harness: path.join(__dirname, 'harness.tsx'), wps: path.join(__dirname, 'harness-wps.tsx') },
    output: {
      path: OUT,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: shared.resolve,
    module: shared.module,
    optimization: {
      splitChunks: {
        cacheGroups: {
          vendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', chunks: (c) => c.name === 'harness' || c.name === 'wps', enforce: true },
        },
      },
    },
    performance: { hints: false },
    cache: { type: 'filesystem', cacheDirectory: path.join(ROOT, 'node_modules', '.cache', 'webpack-harness'), buildDependencies: { config: [__filename] } },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', templateContent: PAGE, scriptLoading: 'defer', chunks: ['harness'] }),
      new HtmlWebpackPlugin({ filename: 'wps.html', templateContent: WPS_PAGE, scriptLoading: 'defer', chunks: ['wps'] }),
    ],
  };
};

module.exports.OUT = OUT;
