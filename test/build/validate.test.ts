/**
 * scripts/validate-manifest.js: the real manifest passes; broken copies fail with a
 * message naming the problem. Run both against the sources (as before a build) and,
 * when dist/ exists, against the build output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { validateManifest, pngSize } from '../../scripts/validate-manifest';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const SCRIPT = path.join(ROOT, 'scripts/validate-manifest.js');

function check(xml: string, dist: string | null = null) {
  return validateManifest(xml, { root: ROOT, dist });
}

/** Replaces exactly one occurrence, so a test cannot silently edit nothing. */
function edit(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(xml.indexOf(from, at + 1)).toBe(-1);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

function runCli(xml: string, extra: string[] = ['--source']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  const file = path.join(dir, 'manifest.xml');
  fs.writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [SCRIPT, file, '--root', ROOT, ...extra], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

describe('manifest.xml as committed', () => {
  test('is valid against the sources, without warnings', () => {
    const r = check(MANIFEST, null);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.info.icons).toBe(8); // IconUrl, HighResolutionIconUrl, three ribbon sizes for the group and for the button
    expect(r.info.files).toBeGreaterThanOrEqual(7);
  });

  const distDir = path.join(ROOT, 'dist');
  (fs.existsSync(path.join(distDir, 'taskpane.html')) ? test : test.skip)('is valid against dist/ (built)', () => {
    const r = check(MANIFEST, distDir);
    expect(r.errors).toEqual([]);
    const copied = fs.readFileSync(path.join(distDir, 'manifest.xml'), 'utf8');
    expect(check(copied, distDir).errors).toEqual([]);
  });

  test('CLI exits 0 and prints a bilingual summary', () => {
    const r = runCli(MANIFEST);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/清单有效/);
    expect(r.stdout).toMatch(/manifest valid/);
  });

  test('declares no custom-functions Namespace and a long-lived shared runtime', () => {
    expect(MANIFEST).not.toMatch(/<Namespace\b/);
    expect(MANIFEST).toMatch(/<Runtime resid="Taskpane\.Url" lifetime="long"\/>/);
    expect(MANIFEST).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(MANIFEST).toMatch(/<DisplayName DefaultValue="预算公开表格助手"\/>/);
  });

  test('icons in assets/ are PNGs of the stated sizes', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(fs.readFileSync(path.join(ROOT, `assets/icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(pngSize(Buffer.from('GIF89a not a png at all'))).toBeNull();
  });
});

describe('broken copies are rejected', () => {
  const cases: [string, () => string, RegExp][] = [
    ['bad XML (unclosed element)', () => edit(MANIFEST, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteDocument'), /XML 格式错误.*not well-formed/],
    ['bad XML (unquoted attribute)', () => edit(MANIFEST, '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid=Taskpane.Url lifetime="long"/>'), /XML 格式错误/],
    ['missing resid attribute', () => edit(MANIFEST, '<SourceLocation resid="Functions.Metadata.Url"/>', '<SourceLocation/>'), /缺少 resid.*has no resid/],
    ['resid pointing at an unknown resource', () => edit(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Group.Caption"/>'), /“Group\.Caption” 不存在.*not defined in <Resources>/],
    ['resid pointing at the wrong kind of resource', () => edit(MANIFEST, '<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Description"/>'), /应指向 bt:ShortStrings.*must refer to bt:ShortStrings/],
    ['unknown resource collection', () => edit(MANIFEST, '<bt:ShortStrings>', '<bt:Strings><bt:String id="X" DefaultValue="x"/></bt:Strings>\n      <bt:ShortStrings>'), /未知的资源类别.*unknown resource collection/],
    ['missing icon file', () => edit(MANIFEST, 'assets/icon-80.png"/>', 'assets/icon-90.png"/>'), /文件不存在：assets\/icon-90\.png/],
    ['icon of the wrong size', () => edit(MANIFEST, '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>'), /尺寸应为 80×80 像素，实为 64×64/],
    ['http URL', () => edit(MANIFEST, '<bt:Url id="Functions.Script.Url" DefaultValue="https://localhost:3000/functions.js"/>', '<bt:Url id="Functions.Script.Url" DefaultValue="http://localhost:3000/functions.js"/>'), /应使用 https.*must use https/],
    ['URL to a file the build does not emit', () => edit(MANIFEST, 'https://localhost:3000/functions.json', 'https://localhost:3000/functions.metadata.json'), /不是构建产物.*does not emit/],
    ['Id not a GUID', () => edit(MANIFEST, '<Id>02508088-74b4-453d-8147-ca28e3cf6cb8</Id>', '<Id>budget-helper</Id>'), /<Id> 应为 GUID/],
    ['other permission', () => edit(MANIFEST, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>WriteDocument</Permissions>'), /应为 ReadWriteDocument/],
    ['missing SharedRuntime requirement', () => edit(MANIFEST, '<Set Name="SharedRuntime" MinVersion="1.1"/>', ''), /缺少 <Set Name="SharedRuntime">/],
    ['custom-functions Namespace declared', () => edit(MANIFEST, '</Metadata>\n          </ExtensionPoint>', '</Metadata>\n            <Namespace resid="Group.Label"/>\n          </ExtensionPoint>'), /不应声明 <Namespace>/],
    ['Page not on the shared runtime', () => edit(MANIFEST, '<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="Help.Url"/>'), /<Page> 应使用共享运行时/],
    ['short-lived runtime', () => edit(MANIFEST, 'lifetime="long"', 'lifetime="short"'), /lifetime 应为 long/],
    ['ShortString too long', () => edit(MANIFEST, 'DefaultValue="预算助手"/>', `DefaultValue="${'预'.repeat(126)}"/>`), /最多 125 个/],
    ['LongString too long', () => edit(MANIFEST, 'DefaultValue="打开任务窗格：', `DefaultValue="${'长'.repeat(251)}`), /最多 250 个/],
    ['missing required element', () => edit(MANIFEST, '<SupportUrl DefaultValue="https://localhost:3000/assets/help.html"/>', ''), /缺少必需元素 <SupportUrl>/],
    ['base elements out of order', () => edit(MANIFEST, '<Version>1.0.0.0</Version>\n  <ProviderName>预算公开表格助手项目组</ProviderName>', '<ProviderName>预算公开表格助手项目组</ProviderName>\n  <Version>1.0.0.0</Version>'), /顺序.*out of schema order/],
  ];

  test.each(cases)('%s', (_name, make, pattern) => {
    const xml = make();
    expect(xml).not.toBe(MANIFEST);
    const r = check(xml);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.join('\n')).toMatch(pattern);
  });

  test('CLI exits non-zero with Chinese and English messages', () => {
    const r = runCli(edit(MANIFEST, 'https://localhost:3000/assets/icon-16.png', 'http://localhost:3000/assets/icon-16.png'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/清单无效/);
    expect(r.stderr).toMatch(/manifest invalid/);
    expect(r.stderr).toMatch(/must use https/);
  });

  test('CLI reports a missing file as a usage error', () => {
    const r = spawnSync(process.execPath, [SCRIPT, path.join(os.tmpdir(), 'no-such-manifest.xml')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/找不到清单文件/);
  });
});

describe("Microsoft's manifest schema (xmllint, schemas/office-manifest)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { schemaValidate } = require('../../scripts/validate-manifest') as { schemaValidate: (f: string) => { ran: boolean; errors: string[] } };
  const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
  if (!hasXmllint) console.warn('xmllint 未安装，跳过 XSD 校验测试（apt-get install -y libxml2-utils; .ci/run installs it)');
  const xsdTest = hasXmllint ? test : test.skip;

  function schemaErrors(xml: string): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xsd-'));
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, xml);
    try {
      const r = schemaValidate(file);
      expect(r.ran).toBe(true);
      return r.errors;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  xsdTest('manifest.xml validates against the XSD', () => {
    expect(schemaErrors(MANIFEST)).toEqual([]);
  });

  xsdTest('the XSD rejects what Office would: a 33-character resid, elements out of order, a 126-character ShortString', () => {
    expect(schemaErrors(MANIFEST.split('Functions.Metadata.Url').join('Functions.Metadata.Url.TooLong.xx')).join()).toMatch(/maxLength/);
    expect(schemaErrors(edit(MANIFEST, '<Version>1.0.0.0</Version>\n  <ProviderName>预算公开表格助手项目组</ProviderName>', '<ProviderName>预算公开表格助手项目组</ProviderName>\n  <Version>1.0.0.0</Version>')).join()).toMatch(/not expected|Expected is/);
    expect(schemaErrors(edit(MANIFEST, 'DefaultValue="预算公开"', `DefaultValue="${'预'.repeat(126)}"`)).join()).toMatch(/maxLength/);
  });

  xsdTest('the CLI runs the XSD and fails on a schema violation', () => {
    const r = runCli(MANIFEST.split('Functions.Metadata.Url').join('Functions.Metadata.Url.TooLong.xx'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/不符合清单架构（XSD）/);
    expect(runCli(MANIFEST).stdout).toMatch(/\+ XSD/);
  });
});

describe('manifest-taskpane.xml (Excel without shared runtime / custom functions)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gen = require('../../scripts/make-taskpane-manifest.js') as { text: () => string; OUT: string; EXCEL_API: string };
  const VARIANT = fs.readFileSync(path.join(ROOT, 'manifest-taskpane.xml'), 'utf8');

  test('is generated from manifest.xml (committed copy up to date)', () => {
    expect(VARIANT).toBe(gen.text());
  });

  test('passes the project checks as a task-pane variant: no Runtimes, no custom functions, ExcelApi only', () => {
    const r = check(VARIANT, null);
    expect(r.errors).toEqual([]);
    expect((r.info as { variant?: string }).variant).toBe('taskpane');
    expect(VARIANT).not.toMatch(/<Runtimes>|CustomFunctions|SharedRuntime|functions\.js|functions\.json/);
    expect(VARIANT).toContain(`<Set Name="ExcelApi" MinVersion="${gen.EXCEL_API}"/>`);
    expect(/<Id>([^<]+)<\/Id>/.exec(VARIANT)![1]).not.toBe(/<Id>([^<]+)<\/Id>/.exec(MANIFEST)![1]);
    // A variant that kept the shared runtime would be caught.
    const bad = edit(VARIANT, '<Host xsi:type="Workbook">', '<Host xsi:type="Workbook">\n        <Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>');
    expect(check(bad, null).errors.join()).toMatch(/任务窗格版不应包含 <Runtimes>/);
  });

  (spawnSync('xmllint', ['--version']).status === 0 ? test : test.skip)("validates against Microsoft's XSD", () => {
    const r = runCli(VARIANT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\+ XSD/);
  });
});
