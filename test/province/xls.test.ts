/**
 * `.xls` (BIFF8) workbooks read like `.xlsx`: the Hebei fixtures saved as .xls by
 * LibreOffice (test/fixtures/xls, see make-xls.sh) and written here by SheetJS give the
 * same grids and the same findings as the .xlsx, balanced and with an imbalance.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { main } from '../../src/cli/main';
import type { Finding } from '../../src/model/findings';
import type { WorkbookGrids } from '../../src/model/workbook';
import { JULUXIAN } from '../fixtures/juluxian-data';
import { perturb } from '../fixtures/make-juluxian';
import { writeXlsBuffer } from '../fixtures/xls/write-xls';
import { SHANGHAI_UNIT, provinceSheets } from '../fixtures/provinces/make-provinces';

const FIX = path.join(__dirname, '..', 'fixtures');
const at = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity} ${f.message}`);

/** Values only, trailing blank rows/columns dropped (the two readers may pad differently). */
function trimmed(wb: WorkbookGrids): unknown[][][] {
  return wb.sheets.map((s) => {
    const rows = s.values.map((r) => {
      const out = [...r];
      while (out.length && (out[out.length - 1] === '' || out[out.length - 1] === null)) out.pop();
      return out;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return rows;
  });
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xls-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(['rsj', 'sbzx'] as const)('Hebei fixture %s', (unit) => {
  it('the LibreOffice .xls reads as the same grid and gives the same findings as the .xlsx', async () => {
    const xlsx = await readWorkbookGrids(path.join(FIX, `juluxian-${unit}.xlsx`));
    const xls = await readWorkbookGrids(path.join(FIX, 'xls', `juluxian-${unit}.xls`));
    expect(xls.sheets.map((s) => s.name)).toEqual(xlsx.sheets.map((s) => s.name));
    expect(trimmed(xls)).toEqual(trimmed(xlsx));
    const a = analyzeWorkbook(xlsx).findings;
    const b = analyzeWorkbook(xls).findings;
    expect(at(b)).toEqual(at(a));
    expect(analyzeWorkbook(xls).units[0].tables.T3?.rows.length).toBeGreaterThan(5);
  });

  it('an imbalance written into a .xls is found at the same cell as in the grid', async () => {
    const u = JULUXIAN[unit];
    const sheets = u.sheets.map((s) => ({ name: s.name, values: s.rows.map((r) => [...r]) as unknown[][], merges: s.merges }));
    const t3 = u.sheets.findIndex((s) => s.kind === 'T3');
    sheets[t3].values = perturb(sheets[t3].values as (string | number)[][], 'E9', 0.1);
    const file = path.join(dir, `${unit}-bad.xls`);
    fs.writeFileSync(file, writeXlsBuffer(sheets));
    const fromXls = analyzeWorkbook(await readWorkbookGrids(file)).findings;
    const fromGrid = analyzeWorkbook({ sheets: sheets.map((s) => ({ name: s.name, values: s.values, origin: { row: 0, col: 0 } })) }).findings;
    expect(fromXls.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(at(fromXls)).toEqual(at(fromGrid));
  });
});

it('a Shanghai .xls keeps 款/项 codes stored as text and balances', async () => {
  const file = path.join(dir, 'shanghai.xls');
  fs.writeFileSync(file, writeXlsBuffer(provinceSheets(SHANGHAI_UNIT).map((s, i) => ({ ...s, merges: SHANGHAI_UNIT.sheets[i].merges }))));
  const wb = await readWorkbookGrids(file);
  const t2 = wb.sheets.find((s) => s.name === '单位收入总表')!;
  expect(t2.values[10].slice(0, 3)).toEqual([201, '03', '01']);
  const r = analyzeWorkbook(wb);
  expect(r.profile?.profile.id).toBe('shanghai');
  expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

it('the CLI checks a .xls and a broken .xls gets a Chinese message', async () => {
  const out: string[] = [];
  const err: string[] = [];
  expect(await main(['check', path.join(FIX, 'xls', 'juluxian-rsj.xls')], (s) => out.push(s), (s) => err.push(s))).toBe(0);
  const broken = path.join(dir, 'broken.xls');
  const good = fs.readFileSync(path.join(FIX, 'xls', 'juluxian-rsj.xls'));
  fs.writeFileSync(broken, good.subarray(0, 4096));
  expect(await main(['check', broken], (s) => out.push(s), (s) => err.push(s))).toBe(2);
  expect(err.join('\n')).toMatch(/juluxian|broken\.xls/);
});
