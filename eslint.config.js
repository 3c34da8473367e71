/**
 * ESLint flat config: typescript-eslint's recommended rules for src/test/scripts, plus
 * the house boundary: src/model is pure TypeScript — no Office/Excel/custom-functions
 * globals, no DOM, and no imports of ExcelJS, React, Fluent UI or the adapters.
 */
const path = require('path');
const tseslint = require('typescript-eslint');
// @eslint/js ships with eslint; resolve it from there rather than relying on hoisting.
const js = require(require.resolve('@eslint/js', { paths: [path.dirname(require.resolve('eslint/package.json'))] }));

const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'exports', 'process', '__dirname', '__filename', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout'].map((g) => [g, 'readonly']),
);

const modelBoundary = 'src/model is pure TypeScript (no Office, Excel, DOM, ExcelJS or React): move this code to an adapter (src/taskpane/excel, src/cli, src/functions).';

module.exports = tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Published tables are full of ideographic spaces (U+3000); they are data, not layout.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/model/**/*.ts', 'src/model/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Excel', 'Office', 'OfficeExtension', 'CustomFunctions', 'window', 'document', 'navigator', 'localStorage', 'fetch', 'XMLHttpRequest'].map((name) => ({ name, message: modelBoundary })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'fs', 'path', 'http', 'https', 'net', 'child_process'].map((name) => ({ name, message: modelBoundary })),
          patterns: [
            { group: ['exceljs/*', 'react-dom/*', '@fluentui/*', '@microsoft/office-js', '@microsoft/office-js/*', 'node:*'], message: modelBoundary },
            { group: ['**/taskpane/**', '**/functions/**', '**/cli/**'], message: modelBoundary },
          ],
        },
      ],
    },
  },
);
