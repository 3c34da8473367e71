/** Drop-down lists (ListValidation) through the Office adapter and the double's Range.dataValidation. */
import fc from 'fast-check';
import type { ListValidation, SheetPlan } from '../../src/model/plan';
import { KPI_LEVEL1, KPI_LEVEL2, KPI_OPS, emptyDraft, kpiProjectBlock, unitKpiTemplate } from '../../src/model/templates';
import { createWorkbookPort } from '../../src/taskpane/excel';
import { LIST_ALERT } from '../../src/taskpane/excel/render';
import { ExcelDouble } from '../double';
import { sheetPlan } from './plans';

const L1 = KPI_LEVEL1.join(',');
const L2 = KPI_LEVEL2.join(',');
const OPS = KPI_OPS.join(',');

/** [range, source, style] of a sheet's validations in the double. */
function dropDowns(xl: ExcelDouble, sheet: string): [string, unknown, string][] {
  const s = xl.snapshot().sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.validations.map((v) => [v.range, (v.rule.list as { source?: string } | undefined)?.source, v.errorAlert.style]);
}

function withLists(i: number, name: string, lists: ListValidation[]): SheetPlan {
  return { ...sheetPlan(i, name, 6), validations: lists };
}

function workbook(): ExcelDouble {
  const xl = new ExcelDouble();
  xl.addSheet('封面', [['2024年部门预算']]);
  return xl;
}

describe('drop-down lists on new sheets', () => {
  it('insertSheet renders the unit KPI template drop-downs in the same syncs (read, sheet, print settings)', async () => {
    const xl = workbook();
    const { name } = await createWorkbookPort(xl.run).insertSheet(unitKpiTemplate());
    expect(xl.syncs).toBe(unitKpiTemplate().page ? 3 : 2);
    expect(dropDowns(xl, name)).toEqual([
      ['A4:A15', L1, 'Warning'],
      ['B4:B15', L2, 'Warning'],
      ['F4:F15', OPS, 'Stop'],
    ]);
    const v = xl.snapshot().sheets.find((s) => s.name === name)!.validations;
    expect(v[0]).toEqual({ range: 'A4:A15', rule: { list: { inCellDropDown: true, source: L1 } }, errorAlert: { showAlert: true, style: 'Warning', title: LIST_ALERT.title, message: LIST_ALERT.warning }, ignoreBlanks: true });
    expect(v[2].errorAlert.message).toBe(LIST_ALERT.strict);
    // written in the sheet's own batch (sync 2), right after its values
    const writes = xl.writes().filter((j) => j.action.startsWith('dataValidation.'));
    expect(writes.map((j) => [j.sync, j.action, j.address])).toEqual([
      [2, 'dataValidation.rule', 'A4:A15'],
      [2, 'dataValidation.errorAlert', 'A4:A15'],
      [2, 'dataValidation.rule', 'B4:B15'],
      [2, 'dataValidation.errorAlert', 'B4:B15'],
      [2, 'dataValidation.rule', 'F4:F15'],
      [2, 'dataValidation.errorAlert', 'F4:F15'],
    ]);
    // no clear() on a sheet created in the same batch
    expect(xl.writes().some((j) => j.action === 'dataValidation.clear')).toBe(false);
  });

  it('applyPlan keeps N + 2 syncs and puts each sheet’s lists on that sheet', async () => {
    const xl = workbook();
    const plan = {
      sheets: [
        withLists(0, '甲', [{ range: 'H4:H9', list: ['是', '否'], strict: true }]),
        sheetPlan(1, '乙', 6),
        withLists(2, '丙', [{ range: '$B$4:$B$9', list: ['项目A', '项目B'] }, { range: 'H4', list: ['-'] }]),
      ],
      names: [],
    };
    const res = await createWorkbookPort(xl.run).applyPlan(plan);
    expect(xl.syncs).toBe(plan.sheets.some((p) => p.page) ? 5 : 4);
    expect(res.created.map((c) => c.name)).toEqual(['甲', '乙', '丙']);
    expect(dropDowns(xl, '甲')).toEqual([['H4:H9', '是,否', 'Stop']]);
    expect(dropDowns(xl, '乙')).toEqual([]);
    expect(dropDowns(xl, '丙')).toEqual([
      ['B4:B9', '项目A,项目B', 'Warning'],
      ['H4', '-', 'Warning'],
    ]);
    expect(dropDowns(xl, '封面')).toEqual([]);
  });

  it('rejects lists Excel cannot hold before touching the workbook', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    const plan = (lists: ListValidation[]) => ({ sheets: [withLists(0, '甲', lists)], names: [] });
    await expect(port.applyPlan(plan([{ range: 'A4:A9', list: ['一,二', '三'] }]))).rejects.toThrow(/方案有误.*下拉列表“A4:A9”的选项“一,二”为空或含逗号.*未做任何修改/);
    await expect(port.applyPlan(plan([{ range: 'A4:?', list: ['是'] }]))).rejects.toThrow(/下拉列表区域“A4:\?”无效/);
    await expect(port.applyPlan(plan([{ range: 'A4', list: [] }]))).rejects.toThrow(/下拉列表“A4”没有选项/);
    const long = Array.from({ length: 30 }, (_, i) => `第${i + 1}类专项资金`);
    await expect(port.applyPlan(plan([{ range: 'A4', list: long }]))).rejects.toThrow(/超过 Excel 上限 255/);
    expect(xl.syncs).toBe(0);
  });
});

describe('rollback removes drop-downs with their sheets', () => {
  const plan = () => ({
    sheets: [withLists(0, '甲', [{ range: 'A4:A9', list: ['一', '二'] }]), withLists(1, '乙', [{ range: 'B4:B9', list: ['三', '四'], strict: true }])],
    names: [{ name: 'BT.甲', sheetKey: 'T1', range: 'A4' }],
  });

  it('a failing validation write undoes the whole plan', async () => {
    const xl = workbook();
    const before = xl.snapshot({ view: true });
    xl.injectFailure({ when: (op) => op.member === 'DataValidation.errorAlert' && op.sync === 3 });
    await expect(createWorkbookPort(xl.run).applyPlan(plan())).rejects.toThrow(/^生成公开表失败：写入“乙”时出错.*已撤销已创建的工作表$/);
    // sheet 甲 (validations already applied at sync 2) is gone again
    expect(xl.snapshot({ view: true })).toEqual(before);
  });

  it('at any operation or sync of the cells (property; print settings are best effort)', async () => {
    const dry = workbook();
    const noPages = () => ({ ...plan(), sheets: plan().sheets.map((p) => ({ ...p, page: undefined as unknown as typeof p.page })) });
    await createWorkbookPort(dry.run).applyPlan(noPages());
    expect(dropDowns(dry, '甲')).toEqual([['A4:A9', '一,二', 'Warning']]);
    const totalOps = dry.ops;
    const totalSyncs = dry.syncs;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ atOp: fc.integer({ min: 1, max: totalOps }) }), fc.record({ atSync: fc.integer({ min: 1, max: totalSyncs }) })), async (spec) => {
        const xl = workbook();
        const before = xl.snapshot();
        xl.injectFailure(spec);
        await expect(createWorkbookPort(xl.run).applyPlan(plan())).rejects.toThrow(/已撤销已创建的工作表/);
        expect(xl.snapshot()).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('snapshot equality sees a drop-down left behind', async () => {
    // The rollback checks above can only fail if snapshots show validations on surviving sheets.
    const xl = workbook();
    const before = xl.snapshot();
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('封面').getRange('C3').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
      await ctx.sync();
    });
    expect(xl.snapshot()).not.toEqual(before);
    expect(dropDowns(xl, '封面')).toEqual([['C3', '是,否', 'Stop']]);
  });
});

describe('writeBlock with drop-downs', () => {
  const block = () => {
    const b = kpiProjectBlock(emptyDraft(), 4);
    return { values: b.values, styles: b.styles, merges: b.merges, validations: b.validations, headerRow: b.headerRow };
  };

  it('translates block-relative ranges to the target cell, in 2 syncs', async () => {
    const xl = workbook();
    const b = block();
    // block rows headerRow+1 … headerRow+4 are the indicator rows; columns A/B of the block
    expect(b.validations.map((v) => v.range)).toEqual([`A${b.headerRow + 2}:A${b.headerRow + 5}`, `B${b.headerRow + 2}:B${b.headerRow + 5}`]);
    const res = await createWorkbookPort(xl.run).writeBlock({ sheet: '封面', cell: 'C5' }, b);
    expect(xl.syncs).toBe(2);
    const top = 5 + b.headerRow + 1;
    expect(res.range).toMatch(new RegExp(`!C5:H${top + 3}$`));
    expect(dropDowns(xl, '封面')).toEqual([
      [`C${top}:C${top + 3}`, L1, 'Warning'],
      [`D${top}:D${top + 3}`, L2, 'Warning'],
    ]);
    expect(xl.values('封面', `C${top - 1}:D${top - 1}`)).toEqual([['一级指标', '二级指标']]);
  });

  it('replaces a user’s old validation under the drop-downs but not beside them', async () => {
    const xl = workbook();
    await xl.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('封面').getRange('A20:A30').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: '旧,选项' } };
      await ctx.sync();
    });
    xl.resetCounters();
    await createWorkbookPort(xl.run).writeBlock({ sheet: '封面', cell: 'A10' }, { values: [['一级指标'], [null], [null]], validations: [{ range: 'A2:A3', list: ['产出指标', '效益指标'] }] });
    expect(xl.syncs).toBe(2);
    expect(dropDowns(xl, '封面')).toEqual([
      ['A11:A12', '产出指标,效益指标', 'Warning'],
      ['A20:A30', '旧,选项', 'Stop'],
    ]);
    await createWorkbookPort(xl.run).writeBlock({ sheet: '封面', cell: 'A24' }, { values: [[null], [null]], validations: [{ range: 'A1:A2', list: ['新'] }] });
    expect(dropDowns(xl, '封面')).toEqual([
      ['A11:A12', '产出指标,效益指标', 'Warning'],
      ['A20:A23', '旧,选项', 'Stop'],
      ['A24:A25', '新', 'Warning'],
      ['A26:A30', '旧,选项', 'Stop'],
    ]);
    expect(xl.writes().filter((j) => j.action === 'dataValidation.clear').map((j) => j.address)).toEqual(['A11:A12', 'A24:A25']);
  });

  it('overwriting a block clears the old drop-downs in its area', async () => {
    const xl = workbook();
    const port = createWorkbookPort(xl.run);
    await port.writeBlock({ sheet: '封面', cell: 'B2' }, { values: [['a', null], [null, null], [null, null]], validations: [{ range: 'A2:A3', list: ['x'] }, { range: 'B2:B3', list: ['y'] }] });
    xl.resetCounters();
    await port.writeBlock({ sheet: '封面', cell: 'B2' }, { values: [['b', null], [null, null], [null, null]], validations: [{ range: 'A3', list: ['z'], strict: true }] }, { overwrite: true });
    expect(xl.syncs).toBe(2);
    expect(dropDowns(xl, '封面')).toEqual([['B4', 'z', 'Stop']]);
  });
});

describe('double: Range.dataValidation', () => {
  it('queues writes until sync and fails a bad rule at sync, not at the call', async () => {
    const xl = workbook();
    await xl.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('封面').getRange('B2:B4');
      r.dataValidation.rule = { list: { inCellDropDown: true, source: '甲,乙' } };
      expect(xl.snapshot().sheets[0].validations).toEqual([]);
      await ctx.sync();
      expect(dropDowns(xl, '封面')).toEqual([['B2:B4', '甲,乙', 'Stop']]);
      r.dataValidation.rule = { list: { inCellDropDown: true, source: 'x'.repeat(256) } };
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      r.dataValidation.rule = { list: { inCellDropDown: true, source: '甲' }, custom: { formula: '=TRUE' } } as Excel.DataValidationRule;
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(dropDowns(xl, '封面')).toEqual([['B2:B4', '甲,乙', 'Stop']]);
  });

  it('reads back type, rule and alert; a new rule resets the alert; clear() splits a region', async () => {
    const xl = workbook();
    const read = async (address: string) =>
      xl.run(async (ctx) => {
        const dv = ctx.workbook.worksheets.getItem('封面').getRange(address).dataValidation;
        dv.load('type,rule,errorAlert');
        await ctx.sync();
        return { type: dv.type, rule: dv.rule, style: dv.errorAlert?.style ?? null };
      });
    await xl.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('封面').getRange('C1:C10').dataValidation;
      dv.errorAlert = { showAlert: true, style: 'Warning', title: 't', message: 'm' }; // no rule yet: nothing to attach to
      dv.rule = { list: { inCellDropDown: true, source: '是,否' } };
      await ctx.sync();
    });
    expect(await read('C1:C10')).toEqual({ type: 'List', rule: { list: { inCellDropDown: true, source: '是,否' } }, style: 'Stop' });
    expect(await read('C5:D5')).toEqual({ type: 'MixedCriteria', rule: null, style: null });
    expect(await read('E1')).toEqual({ type: 'None', rule: {}, style: 'Stop' });
    await xl.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('封面');
      s.getRange('C4:C6').dataValidation.clear();
      s.getRange('C8').dataValidation.errorAlert = { showAlert: true, style: 'Information', title: '', message: '' };
      await ctx.sync();
    });
    expect(dropDowns(xl, '封面')).toEqual([
      ['C1:C3', '是,否', 'Stop'],
      ['C7', '是,否', 'Stop'],
      ['C8', '是,否', 'Information'],
      ['C9:C10', '是,否', 'Stop'],
    ]);
    expect(await read('C7:C8')).toMatchObject({ type: 'Inconsistent', rule: null });
    expect(xl.writes().map((j) => j.action)).toEqual(['dataValidation.errorAlert', 'dataValidation.rule', 'dataValidation.clear', 'dataValidation.errorAlert']);
  });

  it('inserted rows move drop-downs below them and grow ones across them', async () => {
    const xl = workbook();
    await xl.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('封面');
      s.getRange('A5:A6').dataValidation.rule = { list: { inCellDropDown: true, source: 'a' } };
      s.getRange('B2:B8').dataValidation.rule = { list: { inCellDropDown: true, source: 'b' } };
      s.getRange('C1:C2').dataValidation.rule = { list: { inCellDropDown: true, source: 'c' } };
      await ctx.sync();
    });
    xl.insertRows('封面', 4, 2);
    expect(dropDowns(xl, '封面').map(([r, s]) => [r, s])).toEqual([
      ['C1:C2', 'c'],
      ['B2:B10', 'b'],
      ['A7:A8', 'a'],
    ]);
  });
});
