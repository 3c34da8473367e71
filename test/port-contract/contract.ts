/**
 * The WorkbookPort contract, run unchanged against every host (hosts.ts): the Office.js
 * adapter over the Excel double and the WPS adapter over the WPS double. Each test seeds
 * a workbook with the Excel double's helpers, hands it to the host, and checks only what
 * the port promises — results, what the workbook holds afterwards, what was (not)
 * written, rollback — plus the host's own round-trip budget.
 */
import { charsToPoints, OWNED_SHEET, staleBindings } from '../../src/taskpane/excel';
import { LIST_ALERT } from '../../src/taskpane/excel/render';
import { KPI_LEVEL1, KPI_OPS, unitKpiTemplate } from '../../src/model/templates';
import { ExcelDouble, type WorkbookSnapshot } from '../double';
import { sheetPlan, twelveSheetPlan } from '../adapter/plans';
import { budgetGrid, clerkWorkbook, kpiGrid, thirtySheets, titleDetector } from '../adapter/workbooks';
import type { Host } from './hosts';

const FINDINGS = [
  ['BAL-003', '强制', "'2.1收支总表'!C12", '小计 861.59 ≠ 下级合计 861.49（差 0.10）'],
  ['KPI-UNIT-01', '提示', '绩效1!D4', '=100% 应写成 100%'],
];
const KPI = [
  ['323001', '就业补助', '产出指标', '数量指标', '发放人数', '≥', 135, '人', '正向', '✔'],
  ['323001', '就业补助', '产出指标', '质量指标', '准确率', '=', 100, '%', '正向', '⚠'],
];

function userSheets(s: WorkbookSnapshot) {
  return s.sheets.filter((x) => x.name !== OWNED_SHEET);
}

export function describeContract(host: Host): void {
  const L = host.limits;

  describe(`WorkbookPort contract — ${host.name}`, () => {
    describe('reading', () => {
      it('detects every table of a 30-sheet workbook within budget, writing nothing', async () => {
        const book = host.wrap(thirtySheets(), { detect: titleDetector });
        const before = book.xl.snapshot({ view: true });
        const res = await book.port.detect();
        expect(book.trips()).toBeLessThanOrEqual(L.detect(30, 0));
        expect(book.writes()).toEqual([]);
        expect(book.viewLog()).toEqual([]);
        expect(book.xl.snapshot({ view: true })).toEqual(before);
        expect(res.sheets).toHaveLength(30);
        expect(res.tables).toHaveLength(13);
        expect(res.tables.find((t) => t.sheet === '2.4财政拨款收支总表')?.range).toBe('C5:F21');
        expect(res.tables.find((t) => t.sheet === '绩效 2')?.range).toBe('B2:F6');
        expect(res.notes).toEqual([]);
      });

      it('gives each grid its origin on the sheet and the number formats of its numbers', async () => {
        const xl = new ExcelDouble();
        xl.addSheet('表', budgetGrid('单位预算收支总表', 2), { at: 'C5' });
        xl.sheet('表').cell(7, 4).nf = '0.00';
        xl.addSheet('绩效', [['指标', '值'], ['满意度', 0.95], ['准确率', 1], ['人数', 135]], { formats: [[], [null, '0%'], [null, '0.00%'], [null, 'General']] });
        const book = host.wrap(xl);
        const [g, k] = await book.port.readSheets();
        expect(g.origin).toEqual({ row: 4, col: 2 });
        expect(g.values[0][0]).toBe('单位预算收支总表');
        expect(g.values[3]).toEqual(['20801', '项目1', 100, '']);
        expect(g.formats?.[3][2]).toBe('0.00');
        expect(g.formats?.[4][2]).toBe('General');
        expect(k.formats?.slice(1).map((r) => r[1])).toEqual(['0%', '0.00%', 'General']);
        expect(book.writes()).toEqual([]);
      });

      it('reads only the named sheets, gives empty sheets an empty grid, skips the add-in sheet', async () => {
        const xl = thirtySheets();
        xl.addSheet(OWNED_SHEET, [['关键数字', '数值']], { visibility: 'Hidden' });
        const book = host.wrap(xl);
        const some = await book.port.readSheets(['Sheet空', '附表3']);
        expect(some.map((s) => [s.name, s.values.length, s.origin])).toEqual([
          ['Sheet空', 0, { row: 0, col: 0 }],
          ['附表3', 11, { row: 0, col: 0 }],
        ]);
        expect((await book.port.readSheets()).map((s) => s.name)).not.toContain(OWNED_SHEET);
        expect(book.writes()).toEqual([]);
      });

      it('ignores formatting around the values (the grid starts at the first value)', async () => {
        const xl = new ExcelDouble();
        xl.addSheet('表', [['标题', 1]], { at: 'B3' });
        xl.sheet('表').cell(0, 0).nf = '@';
        xl.sheet('表').cell(40, 9).fmt = { bold: true };
        const [g] = await host.wrap(xl).port.readSheets();
        expect(g.origin).toEqual({ row: 2, col: 1 });
        expect(g.values).toEqual([['标题', 1]]);
      });

      it('caps a used range blown up by one far-away cell, with a note', async () => {
        const xl = new ExcelDouble();
        xl.addSheet('大表', budgetGrid('单位预算收支总表', 3));
        xl.setCells('大表', 'D1048000', [['x']]);
        const res = await host.wrap(xl, { maxCellsPerSheet: 40_000 }).port.detect();
        expect(res.notes).toEqual([expect.stringContaining('工作表“大表”的已用区域过大（1048000 行 × 4 列），只读取了前 10000 行')]);
        expect(res.sheets[0].values.length).toBeLessThanOrEqual(10_000);
      });
    });

    describe('bindings', () => {
      function book() {
        const xl = new ExcelDouble();
        xl.addSheet('封面', [['2023 单位预算']]);
        xl.addSheet('2.15 收支总表', budgetGrid('单位预算收支总表', 5));
        return host.wrap(xl, { detect: titleDetector });
      }

      it('binds a detected table to BT.<kind>, within budget, touching no cell', async () => {
        const b = book();
        const { tables } = await b.port.detect();
        b.resetCounters();
        await b.port.bind(tables[0].kindName, tables[0].sheet, tables[0].range);
        expect(b.trips()).toBeLessThanOrEqual(L.bind);
        expect(b.xl.nameFormula('BT.收支总表')).toBe("='2.15 收支总表'!$A$1:$D$9");
        expect(b.writes().map((w) => w.kind)).toEqual(['name']);
        expect(await b.port.bindings()).toEqual({ 'BT.收支总表': "'2.15 收支总表'!A1:D9" });
      });

      it('follows rows the clerk inserts above, and re-binds a table that grew', async () => {
        const b = book();
        await b.port.bind('收支总表', '2.15 收支总表', 'A1:D9');
        b.xl.insertRows('2.15 收支总表', 1, 2);
        let res = await b.port.detect();
        expect(res.bindings['BT.收支总表']).toBe("'2.15 收支总表'!A3:D11");
        expect(staleBindings(res.tables, res.bindings)).toEqual([]);
        b.xl.typeCells('2.15 收支总表', 'A12', [['20899', '其他', '1.5', '']]);
        res = await b.port.detect();
        const stale = staleBindings(res.tables, res.bindings);
        expect(stale.map((s) => [s.bound, s.detected])).toEqual([["'2.15 收支总表'!A3:D11", "'2.15 收支总表'!A3:D12"]]);
        for (const s of stale) await b.port.bind(s.kindName, s.sheet, s.range);
        expect((await b.port.bindings())['BT.收支总表']).toBe("'2.15 收支总表'!A3:D12");
        expect(b.writes().filter((w) => w.kind === 'cells')).toEqual([]);
      });

      it('refuses a missing sheet or a bad range in Chinese, unbinds, reports broken names', async () => {
        const b = book();
        await expect(b.port.bind('收支总表', '没有', 'A1:B2')).rejects.toThrow('绑定失败：找不到工作表“没有”');
        await expect(b.port.bind('收支总表', '封面', 'A1:??')).rejects.toThrow(/不是有效的单元格区域/);
        await b.port.bind('收入总表', '封面', 'A1');
        await b.port.bind('支出总表', '2.15 收支总表', 'A1:D3');
        await b.port.unbind('收入总表');
        await b.port.unbind('从未绑定');
        expect(Object.keys(await b.port.bindings())).toEqual(['BT.支出总表']);
        b.xl.state.deleteSheet(b.xl.sheet('2.15 收支总表'));
        expect(await b.port.bindings()).toEqual({ 'BT.支出总表': '#REF!' });
      });
    });

    describe('write-back into the owned sheet', () => {
      async function writeAll(port: Host extends never ? never : ReturnType<Host['wrap']>['port']) {
        await port.writeFindings(FINDINGS);
        await port.writeKpiData(KPI);
        await port.writeKeyFigures({ 收入总计: 3889.89, 支出总计: 3889.89, 三公经费: 3.2, 自定义: 7 });
        await port.writeAcceptances({ 'BAL-009@2.1收支总表!C7': '上年数据口径不同', 'KPI-DIR-02@绩效1!D5': '' });
      }

      it('creates the hidden sheet, the blocks and their names, within budget, keeping the user’s view', async () => {
        const b = host.wrap(thirtySheets());
        const view = b.xl.snapshot({ view: true }).view;
        await b.port.writeFindings(FINDINGS);
        expect(b.trips()).toBeLessThanOrEqual(L.writeBack(0));
        expect(b.xl.sheet(OWNED_SHEET).visibility).toBe('Hidden');
        expect(b.xl.nameFormula('BUDGET.FINDINGS')).toBe('=_预算助手!$D$1:$G$3');
        expect(b.xl.values(OWNED_SHEET, 'D1:G3')).toEqual([['规则', '级别', '位置', '说明'], ...FINDINGS]);
        expect(b.xl.sheet(OWNED_SHEET).get(2, 6)?.nf).toBe('@');
        expect(b.xl.snapshot({ view: true }).view).toEqual(view);
      });

      it('is idempotent, keeps text as text, and writes nothing outside its blocks', async () => {
        const b = host.wrap(thirtySheets());
        const user = userSheets(b.xl.snapshot());
        await writeAll(b.port);
        const once = b.xl.snapshot();
        const mark = b.writes().length;
        await writeAll(b.port);
        expect(b.xl.snapshot()).toEqual(once);
        expect(userSheets(b.xl.snapshot())).toEqual(user);
        const second = b.writes().slice(mark);
        expect(second.length).toBeGreaterThan(0);
        for (const j of second) {
          if (j.kind === 'name') expect(j.name).toMatch(/^(BT\.|BUDGET\.|KPI\.)/);
          else expect(j).toMatchObject({ sheet: OWNED_SHEET, address: expect.stringMatching(/^(A|B|D|E|F|G|I|J|K|L|M|N|O|P|Q|R|T|U)\d*(:(A|B|D|E|F|G|I|J|K|L|M|N|O|P|Q|R|T|U)\d*)?$/) });
        }
        expect(b.xl.values(OWNED_SHEET, 'I2:K2')).toEqual([['323001', '就业补助', '产出指标']]);
        expect(b.xl.values(OWNED_SHEET, 'O2')).toEqual([[135]]);
      });

      it('shrinks a block in place and reads acceptances back', async () => {
        const b = host.wrap(thirtySheets());
        await writeAll(b.port);
        await b.port.writeFindings([FINDINGS[0]]);
        expect(b.xl.nameFormula('BUDGET.FINDINGS')).toBe('=_预算助手!$D$1:$G$2');
        expect(b.xl.values(OWNED_SHEET, 'D3:G3')).toEqual([['', '', '', '']]);
        expect(await b.port.readAcceptances()).toEqual({ 'BAL-009@2.1收支总表!C7': '上年数据口径不同', 'KPI-DIR-02@绩效1!D5': '' });
        await b.port.writeAcceptances({});
        expect(await b.port.readAcceptances()).toEqual({});
      });

      it('keeps key figures in fixed rows; a key not given again keeps its name and a blank cell', async () => {
        const b = host.wrap(thirtySheets());
        await b.port.writeKeyFigures({ 收入总计: 3889.89, 三公经费: 3.2, 自定义: 7 });
        expect(b.xl.nameFormula('BT.收入总计')).toBe('=_预算助手!$B$2');
        expect(b.xl.nameFormula('BT.三公经费')).toBe('=_预算助手!$B$8');
        expect(b.xl.nameFormula('BT.自定义')).toBe('=_预算助手!$B$9');
        expect(b.xl.nameFormula('BT.支出总计')).toBeUndefined();
        await b.port.writeKeyFigures({ 收入总计: 1 });
        expect(b.xl.values(OWNED_SHEET, 'A9:B9')).toEqual([['自定义', '']]);
        expect(b.xl.values(OWNED_SHEET, 'B2')).toEqual([[1]]);
        expect(b.xl.sheet(OWNED_SHEET).get(1, 1)?.nf).toBe('0.00');
        expect(await b.port.bindings()).toEqual({});
      });

      it('reads no acceptances from a fresh workbook, writing nothing', async () => {
        const b = host.wrap(thirtySheets());
        expect(await b.port.readAcceptances()).toEqual({});
        expect(b.writes()).toEqual([]);
      });
    });

    describe('navigation and user blocks', () => {
      const PROJECT = {
        values: [
          ['项目名称', '就业补助', null, null],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '发放人数', '≥135人'],
          ['产出指标', '质量指标', '准确率', '=100%'],
        ],
        styles: [{ range: 'A2:D2', style: { bold: true } }, { range: 'A1:D4', style: { border: true } }],
        merges: ['B1:D1'],
      };
      function book() {
        const xl = new ExcelDouble();
        xl.addSheet('封面', [['封面']]);
        xl.addSheet('2.15 收支总表', [['单位预算收支总表'], ['a', 1]]);
        xl.addSheet('旧表', [['x']], { visibility: 'Hidden' });
        return host.wrap(xl);
      }

      it('selects a cell on another sheet and reads the selection back', async () => {
        const b = book();
        await b.port.select('2.15 收支总表', 'C12');
        expect(b.trips()).toBeLessThanOrEqual(L.select);
        expect(b.xl.snapshot({ view: true }).view).toEqual({ active: '2.15 收支总表', selection: "'2.15 收支总表'!C12" });
        await b.port.select('封面', "'2.15 收支总表'!B2:C4");
        expect(await b.port.getSelection()).toEqual({ sheet: '2.15 收支总表', address: 'B2:C4' });
        expect(b.writes()).toEqual([]);
      });

      it('says in Chinese when a cell cannot be reached', async () => {
        const b = book();
        await expect(b.port.select('没有这张表', 'A1')).rejects.toThrow(/^无法定位到“没有这张表”!A1（工作表可能已改名、删除或隐藏）/);
        await expect(b.port.select('旧表', 'A1')).rejects.toThrow(/^无法定位到“旧表”!A1/);
        await expect(b.port.select('封面', '第三行')).rejects.toThrow('无法定位：“第三行”不是有效的单元格地址');
      });

      it('writes a block only into blank cells unless told to overwrite', async () => {
        const b = book();
        const res = await b.port.writeBlock({ sheet: '2.15 收支总表', cell: 'F2' }, PROJECT, { select: true });
        expect(res.range).toBe("'2.15 收支总表'!F2:I5");
        expect(b.xl.values('2.15 收支总表', 'F4:I4')).toEqual([['产出指标', '数量指标', '发放人数', '≥135人']]);
        expect(b.xl.values('2.15 收支总表', 'I5')).toEqual([['=100%']]);
        expect(b.xl.snapshot().sheets[1].merges).toEqual(['G2:I2']);
        expect(b.xl.snapshot({ view: true }).view).toEqual({ active: '2.15 收支总表', selection: "'2.15 收支总表'!F2" });
        const before = b.xl.snapshot();
        await expect(b.port.writeBlock({ sheet: '2.15 收支总表', cell: 'A1' }, PROJECT)).rejects.toThrow(/^目标区域 '2\.15 收支总表'!A1:D4 不是空白（'2\.15 收支总表'!A1:.+ 有内容），未写入/);
        expect(b.xl.snapshot()).toEqual(before);
        await b.port.writeBlock({ sheet: '2.15 收支总表', cell: 'F2' }, PROJECT, { overwrite: true });
        expect(b.xl.snapshot().sheets[1].merges).toEqual(['G2:I2']);
        await expect(b.port.writeBlock({ sheet: '无', cell: 'A1' }, PROJECT)).rejects.toThrow('写入失败：找不到工作表“无”');
      });
    });

    describe('applying a plan', () => {
      it('creates a 12-sheet plan with free names and its names, within budget, reporting progress', async () => {
        const b = host.wrap(clerkWorkbook());
        const progress: [number, number, string][] = [];
        const res = await b.port.applyPlan(twelveSheetPlan(), { onProgress: (d, t, s) => progress.push([d, t, s]) });
        expect(b.trips()).toBeLessThanOrEqual(L.applyPlan(12, 3, 1));
        expect(res.created[0]).toEqual({ key: 'T1', name: '收支总表 (2)' });
        expect(res.created[1]).toEqual({ key: 'T2', name: '表2' });
        expect(res.names.sort()).toEqual(['BT.公开支出表', 'BT.公开收入总计']);
        expect(progress).toHaveLength(12);
        expect(progress[11]).toEqual([12, 12, '表12']);
        expect(b.xl.state.sheets.map((s) => s.name).slice(0, 4)).toEqual(['收支总表', '表2 (2)', '说明', '收支总表 (2)']);
        expect(b.xl.state.sheets.map((s) => s.name).slice(-1)).toEqual(['表12']);
        expect(b.writes().filter((j) => ['收支总表', '表2 (2)', '说明'].includes(j.sheet ?? '') && j.action !== 'rename')).toEqual([]);
        expect(b.xl.snapshot({ view: true }).view?.active).toBe('收支总表 (2)');
        expect(b.xl.nameFormula('BT.公开支出表')).toBe('=表3!$A$3:$H$33');
      });

      it('renders values, text codes, formats, merges, sizes and page setup', async () => {
        const b = host.wrap(clerkWorkbook());
        await b.port.applyPlan({ sheets: [sheetPlan(0, '新表')], names: [] });
        const snap = b.xl.snapshot().sheets.find((s) => s.name === '新表')!;
        expect(b.xl.values('新表', 'A4:C4')).toEqual([['20801', '项目1', 100]]);
        expect(b.xl.values('新表', 'H4')).toEqual([['-']]);
        expect(snap.cells.A4).toMatchObject({ value: '20801', nf: '@' });
        expect(snap.cells.C4).toMatchObject({ value: 100, nf: '#,##0.00', fmt: { hAlign: 'Right' } });
        expect(snap.cells.A1).toMatchObject({ fmt: { bold: true, fontSize: 16, hAlign: 'Center' } });
        expect(snap.cells.A3).toMatchObject({ fmt: { fill: '#D9E1F2', vAlign: 'Center', wrap: true } });
        expect(snap.cells.B5).toMatchObject({ fmt: { borders: { top: { style: 'Continuous', weight: 'Thin' }, left: { style: 'Continuous', weight: 'Thin' } } } });
        expect(snap.merges).toEqual(['A1:H1', 'A2:F2']);
        expect(snap.colWidths).toEqual({ A: charsToPoints(10), B: charsToPoints(30), C: charsToPoints(12), D: charsToPoints(12), E: charsToPoints(12), F: charsToPoints(12), G: charsToPoints(12), H: charsToPoints(8) });
        expect(snap.rowHeights).toEqual({ 1: 30, 2: 18, 3: 30 });
        expect(snap.page).toMatchObject({
          orientation: 'Landscape',
          paperSize: 'A4',
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: '$3:$3',
          centerHorizontally: true,
          margins: { left: 36, right: 36, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 },
          headerFooter: { centerFooter: '第 &P 页，共 &N 页' },
        });
      });

      it('leaves the workbook exactly as before when a call fails halfway', async () => {
        const dry = host.wrap(clerkWorkbook());
        await dry.port.applyPlan(twelveSheetPlan());
        const total = dry.ops();
        for (const at of [1, Math.floor(total / 3), Math.floor(total / 2), total - 1]) {
          const b = host.wrap(clerkWorkbook());
          const before = b.xl.snapshot({ view: true });
          b.failAt(at);
          await expect(b.port.applyPlan(twelveSheetPlan())).rejects.toThrow(/^生成公开表失败：.*，已撤销已创建的工作表$/);
          expect(b.xl.snapshot({ view: true })).toEqual(before);
        }
      });

      it('stops on abort, undoes what was created, and says so', async () => {
        const b = host.wrap(clerkWorkbook());
        const before = b.xl.snapshot();
        const ac = new AbortController();
        const p = b.port.applyPlan(twelveSheetPlan(), { signal: ac.signal, onProgress: (done) => done === 5 && ac.abort() });
        await expect(p).rejects.toThrow('生成公开表失败：已取消，已撤销已创建的工作表');
        expect(b.xl.snapshot()).toEqual(before);
        const pre = new AbortController();
        pre.abort();
        await expect(b.port.applyPlan(twelveSheetPlan(), { signal: pre.signal })).rejects.toThrow('已取消，未做任何修改');
      });

      it('rejects a malformed plan before touching the workbook', async () => {
        const b = host.wrap(clerkWorkbook());
        const plan = twelveSheetPlan();
        plan.sheets[2].merges.push('A1:?');
        await expect(b.port.applyPlan(plan)).rejects.toThrow(/方案有误.*合并区域“A1:\?”无效.*未做任何修改/);
        expect(b.trips()).toBe(0);
      });

      it('inserts template sheets with free names and their drop-down lists', async () => {
        const b = host.wrap(clerkWorkbook());
        const a = await b.port.insertSheet(sheetPlan(0, '收支总表'));
        const { name } = await b.port.insertSheet(unitKpiTemplate(), { activate: false });
        expect(a.name).toBe('收支总表 (2)');
        expect(b.xl.snapshot({ view: true }).view?.active).toBe('收支总表 (2)');
        const v = b.xl.snapshot().sheets.find((s) => s.name === name)!.validations;
        expect(v.map((x) => [x.range, (x.rule.list as { source: string }).source, x.errorAlert.style])).toEqual([
          ['A4:A15', KPI_LEVEL1.join(','), 'Warning'],
          ['B4:B15', expect.any(String), 'Warning'],
          ['F4:F15', KPI_OPS.join(','), 'Stop'],
        ]);
        expect(v[0]).toEqual({ range: 'A4:A15', rule: { list: { inCellDropDown: true, source: KPI_LEVEL1.join(',') } }, errorAlert: { showAlert: true, style: 'Warning', title: LIST_ALERT.title, message: LIST_ALERT.warning }, ignoreBlanks: true });
      });
    });

    it('reads a KPI sheet the same way the model expects (percent formats included)', async () => {
      const xl = new ExcelDouble();
      xl.addSheet('绩效', kpiGrid());
      const [g] = await host.wrap(xl).port.readSheets();
      expect(g.values[2]).toEqual(['产出指标', '数量指标', '发放人数', '≥135人', '']);
    });
  });
}
