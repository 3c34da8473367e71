/**
 * Builds the add-in into dist/:
 *   taskpane.html   one page for the shared runtime: loads office.js, the task pane
 *                   bundle (+ vendors chunk) and the custom-functions bundle
 *   functions.js    custom functions (self-contained; the manifest's Script URL)
 *   functions.json  custom-functions metadata generated from the JSDoc in
 *                   src/functions/functions.ts
 *   manifest.xml, assets/   copied (URLs optionally rebased, see ADDIN_ORIGIN)
 *   office-js/      office.js and the Excel files it loads, copied from
 *                   @microsoft/office-js so the add-in runs without internet
 *
 * Switches (CLI `--env name=value` or environment variable):
 *   --env cdn            | OFFICE_JS=cdn      reference the public CDN office.js instead
 *                                             of the local copy (store deployment)
 *   --env origin=URL     | ADDIN_ORIGIN=URL   rewrite https://localhost:3000/ in the copied
 *                                             manifest to URL (must end with /)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { FunctionsMetadataPlugin } = require('./scripts/functions-metadata-plugin');

const DEV_ORIGIN = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * The parts of @microsoft/office-js that Excel needs: the loader, the Excel host
 * scripts, the custom-functions runtime, locale strings, telemetry shims and the
 * error page. Debug builds, other hosts (Word, Outlook, …) and webauth are left out
 * (about 13 MB instead of 86 MB).
 */
function isOfficeJsFile(rel) {
  const p = rel.split(path.sep).join('/');
  if (/\.debug(-vsdoc)?\.js$/.test(p) || /vsdoc/.test(p) || p.endsWith('.d.ts')) return false;
  if (/^(office|o15apptofilemappingtable|es6-promise|custom-functions-runtime|html2canvas)\.js$/.test(p)) return true;
  if (/^excel[^/]*\.js$/.test(p)) return true;
  if (/^[a-z]{2,3}(-[a-z0-9]{2,4}){1,2}\/office_strings\.js$/.test(p)) return true;
  if (/^(telemetry|ariatelemetry|agaveerrorux)\//.test(p)) return true;
  return false;
}

/** Certificates installed by `npx office-addin-dev-certs install` (Office only trusts those). */
function devHttpsOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const crt = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(crt) && fs.existsSync(key)) {
    return { cert: fs.readFileSync(crt), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) };
  }
  console.warn('dev-server: 未找到 Office 开发证书，使用临时自签名证书 (no Office dev certificate; run `npx office-addin-dev-certs install`)');
  return undefined;
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const cdn = Boolean(env.cdn) || process.env.OFFICE_JS === 'cdn';
  const origin = env.origin || process.env.ADDIN_ORIGIN || DEV_ORIGIN;
  if (!/^https:\/\/.+\/$/.test(origin)) throw new Error(`ADDIN_ORIGIN must be an https URL ending with "/": ${origin}`);

  const rebase = (text) => (origin === DEV_ORIGIN ? text : text.split(DEV_ORIGIN).join(origin));
  const copies = [
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (buf) => (origin === DEV_ORIGIN ? buf : Buffer.from(rebase(buf.toString('utf8')), 'utf8')),
    },
    {
      // The task-pane-only variant for Excel without shared runtime / custom functions.
      from: 'manifest-taskpane.xml',
      to: 'manifest-taskpane.xml',
      transform: (buf) => (origin === DEV_ORIGIN ? buf : Buffer.from(rebase(buf.toString('utf8')), 'utf8')),
    },
    { from: 'assets', to: 'assets', globOptions: { ignore: ['**/*.svg', '**/.*'] } },
    // IIS reads its settings (CORS, .json MIME type) from web.config in the served folder.
    { from: 'deploy/iis/web.config', to: 'web.config' },
  ];
  if (!cdn) {
    copies.push({
      from: OFFICE_JS_DIST,
      to: 'office-js',
      filter: (abs) => isOfficeJsFile(path.relative(OFFICE_JS_DIST, abs)),
      info: { minimized: true },
    });
  }

  return {
    mode,
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // functions.js is named in the manifest; the other bundles are found through taskpane.html.
      filename: (data) => (data.chunk && data.chunk.name === 'functions' ? '[name].js' : dev ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // ES modules so webpack can tree-shake; type checking is `tsc --noEmit`'s job.
          options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: dev } },
        },
        {
          // Third-party code above the browser floor (README "Browser floor") is brought down
          // to ES2020; test/build checks every shipped bundle with scripts/syntax-floor.js.
          test: /\.[cm]?js$/,
          include: /node_modules/,
          loader: path.resolve(__dirname, 'scripts/downlevel-loader.js'),
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React, Fluent UI and friends: only the task pane uses them; the functions bundle stays self-contained.
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            chunks: (chunk) => chunk.name === 'taskpane',
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : 'warning',
      maxEntrypointSize: 1.5 * 1024 * 1024,
      maxAssetSize: 1.5 * 1024 * 1024,
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith('office-js/'),
    },
    plugins: [
      new FunctionsMetadataPlugin({ input: './src/functions/functions.ts', output: 'functions.json', transform: rebase }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/index.html',
        // Shared runtime: the same page hosts the task pane and the custom functions.
        chunks: ['taskpane', 'functions'],
        scriptLoading: 'defer',
        templateParameters: { officeJsUrl: cdn ? CDN_OFFICE_JS : 'office-js/office.js' },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? { type: 'https', options: devHttpsOptions() } : 'https',
      static: false,
    },
  };
};

module.exports.isOfficeJsFile = isOfficeJsFile;
module.exports.CDN_OFFICE_JS = CDN_OFFICE_JS;
