/** Loading an .xlsx into the double (what the fixture-based tests rely on). */
import ExcelJS from 'exceljs';
import { addXlsx, loadXlsx } from '../double/from-xlsx';

async function sampleXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2.15收支总表');
  ws.addRow(['单位预算收支总表']);
  ws.addRow(['20801', '就业', 3889.89, { formula: 'C2*2', result: 7779.78 }]);
  ws.getCell('C2').numFmt = '0.00';
  ws.mergeCells('A1:D1');
  ws.getColumn(2).width = 30;
  wb.addWorksheet('隐藏').state = 'hidden';
  wb.definedNames.add("'2.15收支总表'!$A$1:$D$2", 'BT.收支总表');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('from-xlsx', () => {
  it('loads values, cached formula results, formats, merges, widths, visibility and names', async () => {
    const xl = await loadXlsx(await sampleXlsx());
    expect(xl.values('2.15收支总表', 'A2:D2')).toEqual([['20801', '就业', 3889.89, 7779.78]]);
    expect(xl.sheet('2.15收支总表').get(1, 3)?.formula).toBe('=C2*2');
    expect(xl.sheet('2.15收支总表').get(1, 2)?.nf).toBe('0.00');
    expect(xl.snapshot().sheets[0].merges).toEqual(['A1:D1']);
    expect(xl.snapshot().sheets[0].colWidths.B).toBe(157.5);
    expect(xl.sheet('隐藏').visibility).toBe('Hidden');
    expect(xl.nameFormula('BT.收支总表')).toBe("='2.15收支总表'!$A$1:$D$2");
    expect(xl.syncs + xl.journal.length).toBe(0);
  });

  it('combines files under new sheet names, names following', async () => {
    const buf = await sampleXlsx();
    const xl = await loadXlsx(buf);
    xl.state.names = [];
    const added = await addXlsx(xl, buf, (n) => `B-${n}`);
    expect(added).toEqual(['B-2.15收支总表', 'B-隐藏']);
    expect(xl.nameFormula('BT.收支总表')).toBe("='B-2.15收支总表'!$A$1:$D$2");
  });
});
