/**
 * `npm run build:wps`: the WPS 表格 add-in, ready to deploy, in dist-wps/:
 *   budget-helper_<version>/   the add-in folder WPS loads
 *     index.html, main.js      entry page: registers the functions, ribbon callbacks
 *     ribbon.xml               the 预算助手 tab
 *     manifest.xml, functions.json   custom-function metadata (namespace BUDGET)
 *     taskpane.html + chunks   the same React task pane as in Excel (no office.js)
 *     images/                  ribbon icons
 *   publish.xml                one PC, offline (copy both into WPS's jsaddons folder)
 *   jsplugins.xml              intranet (named by oem.ini's JSPluginsServer)
 *   install-windows.bat, install-linux.sh, 安装说明.txt
 *
 * Switch: --env url=http://intranet/budget-helper/ | WPS_ADDIN_URL — the address written
 * into jsplugins.xml (must end with /).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { WpsPackagePlugin } = require('./scripts/wps-package-plugin');
const { version } = require('./package.json');

const ROOT = __dirname;
const FOLDER = `budget-helper_${version}`;

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const out = path.resolve(env.out || process.env.WPS_OUT || path.join(ROOT, 'dist-wps'));
  const url = env.url || process.env.WPS_ADDIN_URL || 'http://127.0.0.1:8080/budget-helper/';
  if (!/^https?:\/\/.+\/$/.test(url)) throw new Error(`WPS add-in URL must be http(s) and end with "/": ${url}`);
  const main = require('./webpack.config.js')({}, { mode });
  const icon = path.join(ROOT, 'assets', 'icon-32.png');
  return {
    mode,
    context: ROOT,
    devtool: dev ? 'source-map' : false,
    entry: {
      main: './src/wps/main.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.join(out, FOLDER),
      filename: (data) => (data.chunk && data.chunk.name === 'main' ? 'main.js' : dev ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: main.resolve,
    module: main.module,
    optimization: {
      splitChunks: {
        cacheGroups: {
          vendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', chunks: (chunk) => chunk.name === 'taskpane', enforce: true },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/wps/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: ['pane', 'check', 'disclose'].map((n) => ({ from: icon, to: `images/${n}.png` })),
      }),
      new WpsPackagePlugin({ root: ROOT, version, url }),
    ],
  };
};

module.exports.FOLDER = FOLDER;
