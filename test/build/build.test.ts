/**
 * The build output. CI runs `npm run build` before `npm test`, so dist/ is normally
 * there and is checked as is. Without dist/ (a fresh checkout running only the tests)
 * the production build runs once here, into a temporary directory.
 *
 * Also loads dist/functions.js in a sandbox with a stand-in CustomFunctions runtime,
 * the way the shared runtime loads it, and calls the registered functions.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { measure } from '../../scripts/bundle-size';

const ROOT = path.resolve(__dirname, '../..');
const NAMES = ['BUDGET.CHECKSUM', 'BUDGET.SUBJECT', 'BUDGET.FINGERPRINT', 'KPI.VALIDATE', 'KPI.PARSE'];

async function buildInto(outDir: string): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const webpack = require('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const config = makeConfig({}, { mode: 'production' });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: 'error' };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
}

let dist = path.join(ROOT, 'dist');
let tmp: string | null = null;

beforeAll(async () => {
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'addin-dist-'));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await buildInto(tmp);
    } finally {
      process.chdir(cwd);
    }
    dist = tmp;
  }
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const read = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');
const exists = (rel: string) => fs.existsSync(path.join(dist, rel));

describe('dist/', () => {
  test('has the files the manifest names', () => {
    for (const f of ['taskpane.html', 'functions.js', 'functions.json', 'manifest.xml', 'assets/help.html']) expect([f, exists(f)]).toEqual([f, true]);
    for (const size of [16, 32, 64, 80, 128]) expect(exists(`assets/icon-${size}.png`)).toBe(true);
  });

  test('functions.json lists all five functions', () => {
    const meta = JSON.parse(read('functions.json')) as { functions: { id: string }[] };
    expect(meta.functions.map((f) => f.id)).toEqual(NAMES);
  });

  test('functions.json carries allowErrorForDataTypeAny (else Excel never calls a function over a range with #N/A)', () => {
    const meta = JSON.parse(read('functions.json')) as { allowErrorForDataTypeAny?: boolean };
    expect(meta.allowErrorForDataTypeAny).toBe(true);
  });

  test('taskpane.html loads office.js first, then the task pane and the functions bundles', () => {
    const html = read('taskpane.html');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toMatch(/^(office-js\/office\.js|https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js)$/);
    expect(scripts).toContain('functions.js');
    expect(scripts.some((s) => /^taskpane(\.[0-9a-f]{8})?\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /^vendors(\.[0-9a-f]{8})?\.js$/.test(s))).toBe(true);
    expect(html).toMatch(/lang="zh-CN"/);
  });

  (fs.existsSync(path.join(ROOT, 'dist/office-js')) || !fs.existsSync(path.join(ROOT, 'dist/taskpane.html')) ? test : test.skip)(
    'office.js and the Excel files it loads are served locally',
    () => {
      for (const f of ['office.js', 'custom-functions-runtime.js', 'o15apptofilemappingtable.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js', 'telemetry/oteljs_agave.js']) {
        expect([f, exists(`office-js/${f}`)]).toEqual([f, true]);
      }
      expect(exists('office-js/office.debug.js')).toBe(false);
      expect(exists('office-js/word-win32-16.01.js')).toBe(false);
      expect(read('taskpane.html')).not.toMatch(/appsforoffice\.microsoft\.com/);
    },
  );

  test('the copied manifest keeps the source URLs (dev origin) and the functions bundle is self-contained', () => {
    expect(read('manifest.xml')).toBe(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
    const js = read('functions.js');
    // Registration goes through the guarded associateAll, never the plugin's unguarded append.
    expect(js).not.toMatch(/CustomFunctions\.associate\("/);
    expect(js).not.toMatch(/react|@fluentui/i);
  });

  test('bundle budgets: functions.js < 200 KiB, task pane first load < 1.5 MiB', () => {
    const r = measure(dist);
    expect(r.problems).toEqual([]);
    expect(r.functions!.bytes).toBeLessThan(200 * 1024);
    expect(r.firstLoad).toBeLessThan(1.5 * 1024 * 1024);
    expect(r.initial).toContain('functions.js');
  });
});

describe('functions.js in a stand-in shared runtime', () => {
  class CfError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const registered = new Map<string, (...args: unknown[]) => unknown>();

  beforeAll(() => {
    // office.js defines only CustomFunctions.associate when the page's scripts run; the
    // host script it loads afterwards adds Error and ErrorCode.
    const cf: Record<string, unknown> = { associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn) };
    const sandbox: Record<string, unknown> = { console, CustomFunctions: cf };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    sandbox.globalThis = sandbox;
    vm.runInNewContext(read('functions.js'), sandbox, { filename: 'functions.js' });
    cf.Error = CfError;
    cf.ErrorCode = { invalidValue: '#VALUE!', notAvailable: '#N/A' };
  });

  test('registers all five functions', () => {
    expect([...registered.keys()].sort()).toEqual([...NAMES].sort());
  });

  test('a bad range gives #VALUE! with a Chinese message through CustomFunctions.Error', () => {
    let thrown: unknown;
    try {
      registered.get('BUDGET.CHECKSUM')!([[null, ''], ['', null]], null, null, { parameterAddresses: ['Sheet1!A1:B2'] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CfError);
    expect((thrown as CfError).code).toBe('#VALUE!');
    expect((thrown as CfError).message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('KPI.PARSE answers one row of four cells', () => {
    const out = registered.get('KPI.PARSE')!('≥95%') as unknown[][];
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(4);
    expect(out[0].slice(0, 3)).toEqual(['≥', 95, '%']);
  });
});

describe('webpack.config.js switches', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  type Plugin = { constructor: { name: string }; userOptions?: { templateParameters?: { officeJsUrl: string } }; patterns?: { from: string; to: string }[] };
  const officeJsUrl = (cfg: { plugins: Plugin[] }) => cfg.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin')!.userOptions!.templateParameters!.officeJsUrl;
  const copies = (cfg: { plugins: Plugin[] }) => cfg.plugins.find((p) => p.constructor.name === 'CopyPlugin')!.patterns!.map((p) => p.to);
  const saved = { ...process.env };
  afterEach(() => {
    process.env.OFFICE_JS = saved.OFFICE_JS;
    process.env.ADDIN_ORIGIN = saved.ADDIN_ORIGIN;
    if (saved.OFFICE_JS === undefined) delete process.env.OFFICE_JS;
    if (saved.ADDIN_ORIGIN === undefined) delete process.env.ADDIN_ORIGIN;
  });

  test('default: office.js from the add-in origin, copied into office-js/', () => {
    delete process.env.OFFICE_JS;
    const cfg = makeConfig({}, { mode: 'production' });
    expect(officeJsUrl(cfg)).toBe('office-js/office.js');
    expect(copies(cfg)).toContain('office-js');
  });

  test('--env cdn or OFFICE_JS=cdn: the public CDN, nothing copied', () => {
    for (const cfg of [makeConfig({ cdn: true }, { mode: 'production' }), (process.env.OFFICE_JS = 'cdn', makeConfig({}, { mode: 'production' }))]) {
      expect(officeJsUrl(cfg)).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(copies(cfg)).not.toContain('office-js');
    }
  });

  test('origin must be an https URL ending with a slash', () => {
    expect(() => makeConfig({ origin: 'http://intranet/addin/' }, { mode: 'production' })).toThrow(/https/);
    expect(() => makeConfig({ origin: 'https://intranet/addin' }, { mode: 'production' })).toThrow(/ending/);
    expect(() => makeConfig({ origin: 'https://intranet/addin/' }, { mode: 'production' })).not.toThrow();
  });

  test('origin rebases the copied manifest; the rebased manifest still validates against the build', () => {
    const cfg = makeConfig({ origin: 'https://budget.example.gov.cn/addin/' }, { mode: 'production' });
    type Pattern = { to: string; transform: (b: Buffer) => Buffer };
    const copy = cfg.plugins.find((p: Plugin) => p.constructor.name === 'CopyPlugin').patterns.find((p: Pattern) => p.to === 'manifest.xml') as Pattern;
    const rebased = copy.transform(fs.readFileSync(path.join(ROOT, 'manifest.xml'))).toString('utf8');
    expect(rebased).not.toContain('https://localhost:3000/');
    expect(rebased).toContain('<SourceLocation DefaultValue="https://budget.example.gov.cn/addin/taskpane.html"/>');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { validateManifest } = require(path.join(ROOT, 'scripts/validate-manifest.js'));
    expect(validateManifest(rebased, { root: ROOT, dist }).errors).toEqual([]);
  });

  test('the office-js filter keeps the Excel files and drops debug builds and other hosts', () => {
    const keep: (rel: string) => boolean = makeConfig.isOfficeJsFile;
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'custom-functions-runtime.js', 'zh-cn/office_strings.js', 'telemetry/oteljs_agave.js']) expect([f, keep(f)]).toEqual([f, true]);
    for (const f of ['office.debug.js', 'excel-win32-16.01.debug.js', 'word-win32-16.01.js', 'outlook-15.js', 'zh-cn/outlook_strings.js', 'webauth/webauth.implicit.js', 'office.d.ts']) expect([f, keep(f)]).toEqual([f, false]);
  });
});
