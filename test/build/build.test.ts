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
    for (const f of ['taskpane.html', 'functions.js', 'functions.json', 'manifest.xml', 'manifest-taskpane.xml', 'web.config', 'assets/help.html']) expect([f, exists(f)]).toEqual([f, true]);
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

describe('browser floor (README "Browser floor")', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const floor = require(path.join(ROOT, 'scripts/syntax-floor.js')) as {
    FLOOR: { ecmaVersion: number };
    scanSource: (code: string, o?: { ecmaVersion?: number }) => { kind: string; message: string }[];
    scanDir: (dir: string) => { file: string; kind: string; message: string }[];
    inlineScripts: (html: string) => string[];
  };

  test('the scanner catches what the floor cannot parse (so the dist check can fail)', () => {
    expect(floor.scanSource('var a=/(?<=x)y/g;')).toEqual([expect.objectContaining({ kind: 'lookbehind' })]);
    expect(floor.scanSource('var b=new RegExp(`(?<!公共)预算收入${1}`,"g");')).toEqual([expect.objectContaining({ kind: 'lookbehind' })]);
    expect(floor.scanSource('var c=RegExp("(?<!" + "x)");')).toEqual([expect.objectContaining({ kind: 'lookbehind' })]);
    for (const above of ['class A{static{this.x=1}}', 'a??=b', 'class B{x=1}', 'var r=/x/d', '1_000']) {
      expect([above, floor.scanSource(above).map((p) => p.kind)]).toEqual([above, ['syntax']]);
    }
    for (const fine of ['a?.b??c', 'var r=/(?<year>\\d{4})/s', 'async function f(){for await (const x of y){}}', 'var n=10n', 'x=/a(?=b)(?!c)/g']) {
      expect([fine, floor.scanSource(fine)]).toEqual([fine, []]);
    }
  });

  test('no shipped bundle (dist/*.js) contains syntax above the floor', () => {
    const problems = floor.scanDir(dist);
    expect(problems.map((p) => `${p.file}: ${p.message.slice(0, 160)}`)).toEqual([]);
    expect(fs.readdirSync(dist).filter((f) => f.endsWith('.js')).length).toBeGreaterThanOrEqual(3);
  });

  describe('taskpane.html ES5 check', () => {
    const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko';
    const EDGE18 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
    const OLD_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko)';
    const CHROMIUM = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';

    /** Runs the page's inline scripts against a stand-in window; returns the boot message. */
    function boot(ua: string, modern: boolean): { text: string; flagged: string | null } {
      const el = { textContent: '正在加载预算公开表格助手…', attrs: {} as Record<string, string>, setAttribute(k: string, v: string) { this.attrs[k] = v; } };
      const win: Record<string, unknown> = {
        navigator: { userAgent: ua },
        document: { getElementById: (id: string) => (id === 'boot-message' ? el : null) },
        String: modern ? String : { prototype: {} },
        Promise: modern ? Promise : undefined,
        Symbol: modern ? Symbol : undefined,
      };
      if (modern) win.globalThis = win;
      for (const code of floor.inlineScripts(read('taskpane.html'))) vm.runInNewContext(code, { window: win });
      return { text: el.textContent, flagged: el.attrs['data-unsupported'] ?? null };
    }

    test('is plain ES5 and sits before any bundle runs', () => {
      const html = read('taskpane.html');
      const inline = floor.inlineScripts(html).filter((s) => s.trim());
      expect(inline).toHaveLength(1);
      expect(floor.scanSource(inline[0], { ecmaVersion: 5 })).toEqual([]);
      // Bundles are deferred, so the inline check (in <body>) runs first.
      for (const tag of html.match(/<script\b[^>]*\bsrc="(?!office-js|https:)[^"]+"[^>]*>/g) ?? []) expect(tag).toMatch(/\bdefer\b/);
    });

    test('IE11 and EdgeHTML: a Chinese message saying to install the WebView2 runtime', () => {
      for (const ua of [IE11, EDGE18]) {
        const r = boot(ua, false);
        expect(r.text).toMatch(/Microsoft Edge WebView2 Runtime/);
        expect(r.text).toMatch(/安装.*重新启动 Excel/);
        expect(r.flagged).toBe('true');
      }
    });

    test('an old Mac WebKit is told about Safari 14; a current webview sees the normal boot text', () => {
      expect(boot(OLD_MAC, false).text).toMatch(/Safari 14/);
      expect(boot(CHROMIUM, true)).toEqual({ text: '正在加载预算公开表格助手…', flagged: null });
    });
  });
});
