/**
 * The main flows under each client profile of the Excel double (test/double/profiles.ts):
 * detect → check (model) → report (write-back) → disclosure (applyPlan), where every
 * Office.js member above the client's requirement sets fails with ApiNotFound as in real
 * Excel. The features' declared sets (src/taskpane/excel/capabilities.ts) and the task-pane
 * manifest's ExcelApi version are checked against the sets of the members each flow
 * really calls, looked up in the table generated from @types/office-js.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { buildDisclosurePlan } from '../../src/model/layout';
import { unitKpiTemplate } from '../../src/model/templates';
import type { WorkbookPlan } from '../../src/model/plan';
import { createWorkbookPort } from '../../src/taskpane/excel';
import { FEATURES, feature } from '../../src/taskpane/excel/capabilities';
import { ExcelDouble, PROFILES, type ProfileId } from '../double';
import { loadXlsx } from '../double/from-xlsx';
import { MEMBER_SETS, cmpVersion, needs } from '../double/profiles';

const ROOT = path.resolve(__dirname, '../..');
const RSJ = path.join(ROOT, 'test', 'fixtures', 'juluxian-rsj.xlsx');

let plan: WorkbookPlan;
beforeAll(async () => {
  const analysis = analyzeWorkbook(await readWorkbookGrids(RSJ));
  const u = analysis.units[0];
  const { narrative: _n, ...p } = buildDisclosurePlan({ unit: { code: u.code, name: u.name ?? '' }, year: u.year ?? '2023', tables: u.tables, projects: analysis.projects });
  // Plus the unit 绩效目标 template, whose 指标 columns carry drop-down lists.
  plan = { ...p, sheets: [...p.sheets, { ...unitKpiTemplate(), key: 'KPI.TEMPLATE' }] };
});

/** Runs detect → check → report → disclosure on `xl`; returns what happened at each step. */
async function mainFlows(xl: ExcelDouble) {
  const port = createWorkbookPort(xl.run, { supports: xl.requirements.isSetSupported });
  const out: Record<string, string> = {};
  try {
    const d = await port.detect();
    const analysis = analyzeWorkbook({ sheets: d.sheets });
    out.detect = `${d.tables.length} tables, ${analysis.findings.length} findings`;
    await port.writeFindings(analysis.findings.map((f) => [f.rule, f.severity, `${f.sheet ?? ''}!${f.cell ?? ''}`, f.message]));
    out.report = 'ok';
  } catch (e) {
    out.detect ??= `refused: ${(e as Error).message}`;
    out.report ??= `refused: ${(e as Error).message}`;
  }
  try {
    const r = await port.applyPlan(plan);
    out.disclose = `${r.created.length} sheets${r.notes?.length ? `; ${r.notes.join(' | ')}` : ''}`;
  } catch (e) {
    out.disclose = `refused: ${(e as Error).message}`;
  }
  out.missing = (port.capabilities?.() ?? []).map((f) => f.key).join(',');
  return out;
}

/** The highest set version among members used (ExcelApi only). */
function highest(used: Map<string, boolean>, filter: (member: string) => boolean = () => true): string {
  let max = '1.1';
  for (const [m, write] of used) {
    const n = needs(m, write);
    if (n && n.set === 'ExcelApi' && filter(m) && cmpVersion(n.version, max) > 0) max = n.version;
  }
  return max;
}

describe('requirement sets of the flows, from the generated member table', () => {
  test('the table is generated from @types/office-js and matches the audit for the members we use', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const gen = require('../../scripts/gen-api-sets.js') as { text: () => string; OUT: string };
    expect(fs.readFileSync(gen.OUT, 'utf8')).toBe(gen.text());
    expect(MEMBER_SETS['Worksheet.getRangeByIndexes'].read).toBe('1.7');
    expect(MEMBER_SETS['Range.dataValidation'].read).toBe('1.8');
    expect(MEMBER_SETS['Worksheet.pageLayout'].read).toBe('1.9');
    expect(MEMBER_SETS['Worksheet.visibility']).toMatchObject({ read: '1.1', write: '1.2' });
  });

  test('each feature declares exactly the highest set its calls need; the task-pane manifest asks for detect + check + report', async () => {
    const xl = await loadXlsx(RSJ);
    const port = createWorkbookPort(xl.run);
    xl.usedMembers.clear();
    const d = await port.detect();
    const detectSet = highest(xl.usedMembers);
    xl.usedMembers.clear();
    const analysis = analyzeWorkbook({ sheets: d.sheets });
    expect(xl.usedMembers.size).toBe(0); // the check is pure model code
    await port.writeFindings(analysis.findings.map((f) => [f.rule, f.severity, f.cell ?? '', f.message]));
    await port.writeKeyFigures({ 收入总计: 1 });
    const reportSet = highest(xl.usedMembers);
    xl.usedMembers.clear();
    await port.applyPlan(plan);
    const dropdown = (m: string) => m.startsWith('DataValidation.') || m === 'Range.dataValidation';
    const print = (m: string) => m.startsWith('PageLayout.') || m.startsWith('HeaderFooter') || m === 'Worksheet.pageLayout';
    expect({
      detect: detectSet,
      writeback: reportSet,
      disclose: highest(xl.usedMembers, (m) => !dropdown(m) && !print(m)),
      dropdowns: highest(xl.usedMembers, dropdown),
      print: highest(xl.usedMembers, print),
    }).toEqual(Object.fromEntries(FEATURES.filter((f) => f.set === 'ExcelApi').map((f) => [f.key, f.version])));

    const manifest = fs.readFileSync(path.join(ROOT, 'manifest-taskpane.xml'), 'utf8');
    const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1];
    const lowest = [detectSet, reportSet].sort(cmpVersion).pop();
    expect(declared).toBe(lowest);
  });
});

describe('main flows under each client profile', () => {
  const expected: Record<ProfileId, { detect: RegExp; report: RegExp; disclose: RegExp; missing: string }> = {
    'excel2016-volume': {
      detect: /^refused: 识别表格需要 Excel 2019 或更新版本（ExcelApi 1\.7）/,
      report: /^refused/,
      disclose: /^refused: 生成公开表需要 Excel 2019 或更新版本/,
      missing: 'detect,writeback,disclose,dropdowns,print,functions',
    },
    'excel2019-volume': {
      detect: /^\d+ tables, \d+ findings$/,
      report: /^ok$/,
      disclose: /^\d+ sheets; 下拉列表需要较新版本的 Excel（ExcelApi 1\.8）.* \| 打印设置需要较新版本的 Excel（ExcelApi 1\.9）/,
      missing: 'dropdowns,print,functions',
    },
    'excel2019-retail': { detect: /^\d+ tables, \d+ findings$/, report: /^ok$/, disclose: /^\d+ sheets$/, missing: 'functions' },
    excel2021: { detect: /^\d+ tables, \d+ findings$/, report: /^ok$/, disclose: /^\d+ sheets$/, missing: '' },
    microsoft365: { detect: /^\d+ tables, \d+ findings$/, report: /^ok$/, disclose: /^\d+ sheets$/, missing: '' },
    web: { detect: /^\d+ tables, \d+ findings$/, report: /^ok$/, disclose: /^\d+ sheets$/, missing: '' },
  };

  for (const id of Object.keys(PROFILES) as ProfileId[]) {
    test(`${id}: ${PROFILES[id].label}`, async () => {
      const xl = (await loadXlsx(RSJ)).useProfile(id);
      const before = xl.snapshot();
      const out = await mainFlows(xl);
      const e = expected[id];
      expect(out.detect).toMatch(e.detect);
      expect(out.report).toMatch(e.report);
      expect(out.disclose).toMatch(e.disclose);
      expect(out.missing).toBe(e.missing);
      if (id === 'excel2016-volume') expect(xl.snapshot()).toEqual(before); // refused up front: nothing half-done
      if (id === 'excel2019-volume') {
        // The generated sheets have no drop-downs and no print settings, but all their cells.
        const created = xl.state.sheets.filter((s) => !before.sheets.some((b) => b.name === s.name) && s.name !== '_预算助手');
        expect(created.length).toBe(plan.sheets.length);
        expect(created.every((s) => s.validations.length === 0)).toBe(true);
      }
    }, 60_000);
  }

  test('under a profile, a member above its set fails at the call with ApiNotFound, as Office.js does', async () => {
    const xl = new ExcelDouble().useProfile('excel2019-volume');
    xl.addSheet('表');
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound', message: expect.stringMatching(/DataValidation\.rule is part of the ExcelApi 1\.8 requirement set/) });
    const old = new ExcelDouble().useProfile('excel2016-volume');
    old.addSheet('表');
    await expect(old.run(async (ctx) => void ctx.workbook.worksheets.getItem('表').getRangeByIndexes(0, 0, 1, 1))).rejects.toMatchObject({ code: 'ApiNotFound' });
    // Reading visibility is 1.1, setting it 1.2.
    await old.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      ws.load('visibility');
      await ctx.sync();
      expect(() => {
        ws.visibility = 'Hidden' as Excel.SheetVisibility;
      }).toThrow(/ExcelApi 1\.2/);
    });
    expect(old.requirements.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(old.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
    expect(feature('functions').set).toBe('CustomFunctionsRuntime');
  });
});
