/**
 * `npm run build:wps`: the ready WPS add-in folder and its deployment files. CI builds
 * dist-wps/ before the tests (.ci/run); without it the build runs here once, into a
 * temporary directory. main.js is then loaded in a sandbox with the WPS double as `wps`
 * and `Application`, the way WPS loads the entry page, and its registrations are used.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { DOMParser } from '@xmldom/xmldom';
import { WpsDouble } from '../wps-double';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require(path.join(ROOT, 'package.json')) as { version: string };
const FOLDER = `budget-helper_${version}`;

let out = path.join(ROOT, 'dist-wps');
let tmp: string | null = null;

beforeAll(async () => {
  if (fs.existsSync(path.join(out, FOLDER, 'ribbon.xml'))) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-dist-'));
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [cli, '--config', path.join(ROOT, 'webpack.wps.config.js'), '--mode', 'production', '--env', `out=${tmp}`, '--env', 'url=http://10.1.2.3/budget-helper/', '--no-color'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`build:wps failed:\n${stdout}\n${stderr}`)) : resolve()),
    ),
  );
  out = tmp;
}, 400_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const addin = (rel: string) => path.join(out, FOLDER, rel);
const read = (p: string) => fs.readFileSync(p, 'utf8');

function xml(p: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(read(p), 'text/xml');
  expect([p, errors]).toEqual([p, []]);
  return doc as unknown as Document;
}

describe('dist-wps/', () => {
  it('holds the add-in folder and the deployment files', () => {
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'functions.json', 'taskpane.html', 'images/pane.png', 'images/check.png', 'images/disclose.png']) {
      expect([f, fs.existsSync(addin(f))]).toEqual([f, true]);
    }
    for (const f of ['publish.xml', 'jsplugins.xml', 'install-windows.bat', 'install-linux.sh', '安装说明.txt']) expect([f, fs.existsSync(path.join(out, f))]).toEqual([f, true]);
  });

  it('index.html loads main.js; taskpane.html loads its bundles and no office.js', () => {
    expect(read(addin('index.html'))).toMatch(/<script[^>]+src="main\.js"/);
    const html = read(addin('taskpane.html'));
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.some((s) => /^taskpane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
    expect(scripts.every((s) => fs.existsSync(addin(s)))).toBe(true);
    expect(html).not.toMatch(/office\.js/);
    expect(html).toMatch(/lang="zh-CN"/);
  });

  it('ribbon.xml, manifest.xml, publish.xml and jsplugins.xml are well-formed and point at what exists', () => {
    const ribbon = xml(addin('ribbon.xml'));
    expect(ribbon.getElementsByTagName('tab')[0].getAttribute('label')).toBe('预算助手');
    expect(ribbon.getElementsByTagName('button')).toHaveLength(3);
    const manifest = xml(addin('manifest.xml'));
    expect(manifest.documentElement.tagName).toBe('JsPlugin');
    expect(manifest.getElementsByTagName('Uri')[0].textContent).toBe('/functions.json');
    expect(manifest.getElementsByTagName('Namespace')[0].textContent).toBe('BUDGET');
    const publish = xml(path.join(out, 'publish.xml')).getElementsByTagName('jsplugin')[0];
    expect([publish.getAttribute('name'), publish.getAttribute('type'), publish.getAttribute('url'), publish.getAttribute('version')]).toEqual(['budget-helper', 'et', FOLDER, version]);
    const online = xml(path.join(out, 'jsplugins.xml')).getElementsByTagName('jspluginonline')[0];
    expect(online.getAttribute('type')).toBe('et');
    expect(online.getAttribute('url')).toMatch(/^https?:\/\/.+\/$/);
    expect(read(path.join(out, 'install-linux.sh'))).toContain(`.local/share/Kingsoft/wps/jsaddons`);
    expect(read(path.join(out, 'install-windows.bat'))).toContain('%APPDATA%\\kingsoft\\wps\\jsaddons');
  });

  it('functions.json lists the BUDGET functions in the wpsjs format', () => {
    const meta = JSON.parse(read(addin('functions.json'))) as { functions: { name: string; description: string; parameters: { type: string }[]; result: { type: string } }[] };
    expect(meta.functions.map((f) => f.name)).toEqual(['CHECKSUM', 'SUBJECT', 'FINGERPRINT', 'KPI_VALIDATE', 'KPI_PARSE']);
    for (const f of meta.functions) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.type).toMatch(/^(any\[\]\[\]|string|bool|number|any)\??$/);
    }
  });

  it('main.js, loaded like WPS loads the entry page, registers the functions and the ribbon callbacks', () => {
    const w = new WpsDouble();
    w.addSheet('Sheet1');
    const alerts: string[] = [];
    const sandbox: Record<string, unknown> = {
      wps: w.wpsGlobal(),
      Application: w.Application,
      location: { href: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/budget-helper_0.1.0/index.html', search: '' },
      alert: (s: string) => alerts.push(s),
      console,
      setTimeout,
      clearTimeout,
    };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(read(addin('main.js')), sandbox, { filename: 'main.js' });
    expect([...w.customFunctions.keys()].sort()).toEqual(['BUDGET.CHECKSUM', 'BUDGET.FINGERPRINT', 'BUDGET.KPI_PARSE', 'BUDGET.KPI_VALIDATE', 'BUDGET.SUBJECT', 'KPI.PARSE', 'KPI.VALIDATE']);
    expect(w.callFunction('BUDGET.SUBJECT', '2080101')).toBe('行政运行');
    expect(w.callFunction('KPI.PARSE', '≥95%')).toEqual([['≥', 95, '%', expect.any(String)]]);
    const ribbon = sandbox.ribbon as { OnAddinLoad(x: unknown): boolean; OnAction(c: { Id: string }): boolean; GetImage(c: { Id: string }): string };
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.OnAction({ Id: 'btnBudgetCheck' })).toBe(true);
    expect(w.taskPanes[0]).toMatchObject({ url: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/budget-helper_0.1.0/taskpane.html?view=checks', Visible: true });
    for (const id of ['btnBudgetPane', 'btnBudgetCheck', 'btnBudgetDisclose']) expect(fs.existsSync(addin(ribbon.GetImage({ Id: id })))).toBe(true);
    expect(alerts).toEqual([]);
  });
});
