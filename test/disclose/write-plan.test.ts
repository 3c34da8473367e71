import ExcelJS from 'exceljs';
import { buildDisclosurePlan } from '../../src/model/layout';
import { effectiveStyles, writePlanToWorkbook } from '../../src/cli/write-plan';
import { sheetToGrid } from '../../src/cli/read-xlsx';
import type { PlanValue } from '../../src/model/plan';
import { seedTables, UNIT, YEAR } from './seed004';
import { expectSeedPackage } from './golden';
import { personnelProject } from './projects';

const plan = () => buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [personnelProject()] });

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

/** A re-read sheet as plan values: blanks null, like the plan. */
function grid(ws: ExcelJS.Worksheet): PlanValue[][] {
  return sheetToGrid(ws).values.map((r) => r.map((v) => (v === '' ? null : (v as PlanValue))));
}

describe('writePlanToWorkbook (ExcelJS)', () => {
  let back: ExcelJS.Workbook;
  const p = plan();
  const keyToName = new Map<string, string>();

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const r = writePlanToWorkbook(p, wb);
    r.created.forEach((c) => keyToName.set(c.key, c.name));
    back = await roundTrip(wb);
  });
  const ws = (key: string) => back.getWorksheet(keyToName.get(key)!)!;

  it('re-reads as the seed 004 tables', () => {
    expect(back.worksheets.map((w) => w.name)).toEqual(p.sheets.map((s) => s.name));
    expectSeedPackage((k) => grid(ws(k)));
  });

  it('writes amounts as numbers formatted 0.00, codes as text, with thin borders', () => {
    const t3 = ws('T3');
    const c = t3.getCell('D7');
    expect(c.value).toBe(3798.89);
    expect(c.numFmt).toBe('0.00');
    expect(c.border).toEqual({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(t3.getCell('B7').value).toBe('208');
    expect(t3.getCell('B7').numFmt).toBe('@');
    expect(t3.getCell('E10').value).toBeNull(); // 2080105 has no 基本支出: blank, not 0
    expect(t3.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: '宋体' });
    expect(t3.getCell('C7').alignment).toMatchObject({ horizontal: 'left', wrapText: true });
  });

  it('merges, widths, heights, A4 landscape one page wide with repeated header rows', () => {
    const t2 = ws('T2');
    expect(t2.model.merges).toEqual(expect.arrayContaining(['A1:M1', 'F3:M3', 'B3:C3', 'A3:A4']));
    expect(t2.getColumn(3).width).toBe(p.sheets.find((s) => s.key === 'T2')!.columnWidths[2]);
    expect(t2.getRow(1).height).toBe(30);
    expect(t2.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:5' });
    const k = ws('KPI-1');
    expect(k.pageSetup).toMatchObject({ orientation: 'portrait', printTitlesRow: '9:9' });
    expect(k.getCell('B7').numFmt).toBe('0%');
    expect(k.getCell('B7').value).toBe(0.25);
  });

  it('defines the package names', () => {
    const names: Record<string, string[]> = {};
    back.definedNames.forEach((name, cell) => (names[name] ??= []).push(`${cell.sheetName}!${cell.address}`));
    expect(names['公开.收入总计']).toEqual(['表1 收支总表!C39']);
    expect(names['公开.基本支出']).toEqual(['表3 支出总表!E6']);
    expect(ws('T1').getCell('C39').value).toBe(3889.89);
  });

  it('applies style blocks in order, later blocks overriding only what they set', () => {
    const s = effectiveStyles({ ...p.sheets[0], styles: [
      { range: 'A1:B2', style: { bold: true, hAlign: 'left', numberFormat: '0.00' } },
      { range: 'B2', style: { hAlign: 'right' } },
    ] });
    expect(s.get('2,2')).toEqual({ bold: true, hAlign: 'right', numberFormat: '0.00' });
    expect(s.get('1,1')).toEqual({ bold: true, hAlign: 'left', numberFormat: '0.00' });
  });

  it('never replaces an existing sheet: a taken name gets a free variant', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').getCell('A1').value = '原有内容';
    wb.addWorksheet('表1 收支总表').getCell('A1').value = '原有收支总表';
    const r = writePlanToWorkbook(p, wb);
    expect(r.created.slice(0, 3)).toEqual([
      { key: '目录', name: '目录 (2)' },
      { key: '说明', name: '公开情况说明' },
      { key: 'T1', name: '表1 收支总表 (2)' },
    ]);
    const again = await roundTrip(wb);
    expect(again.getWorksheet('目录')!.getCell('A1').value).toBe('原有内容');
    expect(again.getWorksheet('表1 收支总表')!.getCell('A1').value).toBe('原有收支总表');
    expect(again.getWorksheet('表1 收支总表 (2)')!.getCell('A1').value).toBe('单位预算收支总表');
    const names: string[] = [];
    again.definedNames.forEach((name, cell) => name === '公开.收入总计' && names.push(`${cell.sheetName}!${cell.address}`));
    expect(names).toEqual(['表1 收支总表 (2)!C39']);
  });
});

describe('writePlanToFile', () => {
  it('writes through a temporary file: a failure at the last step leaves neither output nor temporary file', async () => {
    const { promises: fsp } = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const { writePlanToFile } = await import('../../src/cli/write-plan');
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'wp-'));
    const out = path.join(dir, 'out.xlsx');
    const spy = jest.spyOn(fsp, 'link').mockRejectedValueOnce(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    try {
      await expect(writePlanToFile(plan(), out)).rejects.toThrow('磁盘空间不足');
      expect(await fsp.readdir(dir)).toEqual([]);
      spy.mockRestore();
      const r = await writePlanToFile(plan(), out);
      expect(r.created).toHaveLength(plan().sheets.length);
      expect(await fsp.readdir(dir)).toEqual(['out.xlsx']);
    } finally {
      spy.mockRestore();
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
