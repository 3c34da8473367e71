/**
 * The 公开 view's plain logic: it reads and writes the same 说明输入 sheet the CLI reads,
 * and picks last year's package pasted into the workbook as the source of 上年数.
 */
import ExcelJS from 'exceljs';
import { readWorkbookGrids, sheetToGrid } from '../../src/cli/read-xlsx';
import * as path from 'path';
import { defaultUnit, departmentPlanFromWorkbook, emptyForm, formFromSheet, inputsBlock, planFromWorkbook, priorChoices, priorFromWorkbook } from '../../src/taskpane/ui/disclosure-input';
import { readInputsGrid } from '../../src/model/narrative';
import type { SheetGrid } from '../../src/model/workbook';
import { DEMO_INPUTS, PRIOR_SAMPLE, SAMPLE } from '../fixtures/make-sample';
import { DUTIES_2022 } from '../fixtures/juluxian-2022';

async function sheets(file: string, rename = (n: string) => n): Promise<SheetGrid[]> {
  return (await readWorkbookGrids(file)).sheets.map((s) => ({ ...s, name: rename(s.name) }));
}

it('fills the form from the 说明输入 sheet and plans the same package as the CLI (nothing left to fill)', async () => {
  const grids = await sheets(SAMPLE);
  const form = formFromSheet(grids, { ...emptyForm(), year: '2023' });
  expect(form.duties).toBe('沿用上年');
  expect(form.reasons.基本支出).toBe(DEMO_INPUTS.find(([k]) => k === '基本支出增减原因')![1]);
  // Without last year's figures every change asks for 上年数; with them only what the sheet answers.
  const prior = await sheets(PRIOR_SAMPLE, (n) => `上年 ${n}`);
  const all = [...grids, ...prior];
  const choices = priorChoices(all, '2023');
  expect(choices.map((c) => c.year)).toEqual(['2022']);
  const p = priorFromWorkbook(all, choices[0].key);
  expect(p.prior).toMatchObject({ 收支总计: '3098.98', 基本支出: '574.73', 三公经费: '1.00' });
  expect(p.duties).toBe(DUTIES_2022.join('\n'));
  const filled = { ...form, unitKey: '0', prior: p.prior, duties: p.duties!, organisation: p.organisation! };
  const { pending, plan } = planFromWorkbook(all, filled);
  expect(pending).toEqual([]);
  expect(plan.narrative.changes.find((c) => c.key === '收支总计')!.diff).toBe('790.91');
});

it('writes the form back over the sheet, keeping the rows the form does not show and clearing the old extent', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const existing = sheetToGrid(wb.getWorksheet('说明输入')!);
  const form = { ...emptyForm(), year: '2023', duties: '新的职责', reasons: { 三公经费: '新的原因' }, prior: { 收支总计: '3000' } };
  const block = inputsBlock(form, existing);
  expect(block.values.length).toBeGreaterThanOrEqual(existing.values.length);
  const back = readInputsGrid(block.values);
  expect(back.inputs.duties).toBe('新的职责');
  expect(back.inputs.reasons?.三公经费).toBe('新的原因');
  expect(back.inputs.reasons?.基本支出).toBe(DEMO_INPUTS.find(([k]) => k === '基本支出增减原因')![1]);
  expect(back.inputs.projectBudgets?.就业工作经费).toBe('20.00');
  expect(back.prior.收支总计).toBe('3000.00');
  // A longer old sheet: the rows below the new block are blanked down to its extent.
  const long = { ...existing, values: [...existing.values, ...Array.from({ length: 40 }, () => ['旧的行', '旧内容'])] };
  const cleared = inputsBlock(form, long);
  expect(cleared.values).toHaveLength(long.values.length);
  const filled = cleared.values.filter((r) => r[0] !== null).length;
  expect(cleared.values.slice(filled).every((r) => r.every((v) => v === null))).toBe(true);
  expect(filled).toBe(block.values.filter((r) => r[0] !== null).length);
});

it('汇总为部门公开表 over a workbook holding both units: balanced, equal to the sum, 部门 wording', async () => {
  const fix = path.join(__dirname, '..', 'fixtures');
  const both = [...(await sheets(path.join(fix, 'juluxian-rsj.xlsx'))), ...(await sheets(path.join(fix, 'juluxian-sbzx.xlsx'), (n) => `中心 ${n}`))];
  const { plan, units } = departmentPlanFromWorkbook(both, { ...emptyForm(), year: '2023' }, '巨鹿县人力资源和社会保障局');
  expect(units).toBe(2);
  expect(plan.figures.key.收入总计.value!.toFixed(2)).toBe('4370.99');
  expect(plan.narrative.title).toBe('巨鹿县人力资源和社会保障局2023年部门预算信息公开情况说明');
  expect(plan.sheets.every((s) => s.key.startsWith('部门:'))).toBe(true);
  expect(() => departmentPlanFromWorkbook(both.slice(0, 12), { ...emptyForm(), year: '2023' }, '部门')).toThrow('本年度的单位不足两个');
});

it('starts with the unit that has the most tables, the newest year on a tie', () => {
  expect(defaultUnit([{ key: '0', label: 'a', year: '2022', tables: 11 }, { key: '1', label: 'a', year: '2023', tables: 11 }])?.key).toBe('1');
  expect(defaultUnit([{ key: '0', label: 'a', year: '2023', tables: 11 }, { key: '1', label: 'a', year: '2024', tables: 1 }])?.key).toBe('0');
  expect(defaultUnit([])).toBeUndefined();
});
