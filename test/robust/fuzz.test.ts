/**
 * Issue 9: random workbooks through the whole analyzeWorkbook path — titles, headers,
 * codes and indicator words mixed with merged blanks, error values, formulas as text,
 * huge, negative and fractional numbers — never throw and finish in bounded time.
 */
import fc from 'fast-check';
import { analyzeWorkbook } from '../../src/model/analyze';
import { detectTables } from '../../src/model/detect';
import { CATALOGUE } from '../../src/model/catalogue';
import type { SheetGrid } from '../../src/model/workbook';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { SAMPLE, writeSample } from '../fixtures/make-sample';
import * as fs from 'fs';

const WORDS = [
  '单位预算收支总表', '单位预算支出总表', '单位预算收入总表', '单位预算财政拨款收支总表', '“三公”经费支出表', '单位：万元', '单位：元',
  '预算年度：2023', '323001巨鹿县人力资源和社会保障局本级', '科目编码', '科目名称', '合计', '基本支出', '项目支出', '栏次', '项目', '预算数',
  '一般公共预算拨款收入', '本年收入合计', '收入总计', '支出总计', '社会保障和就业支出', '208', '20801', '2080101', '301', '30101',
  '绩效目标表', '一级指标', '二级指标', '三级指标', '指标值', '产出指标', '数量指标', '质量指标', '效益指标', '满意度指标',
  '≥95%', '≤5%', '=100%', '5人', '≥3 次', '效果显著', '#N/A', '#DIV/0!', '=1+1', '@SUM(1,2)', '—', '3,889.89', '272，93', '４７５.４６',
  '项目名称', '预算数（万元）', '年度绩效目标', '1.提高就业率 2.减少失业', '设置', '规则', 'KPI-*', '否',
];

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.double({ noNaN: false, min: -1e300, max: 1e300 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 100_000_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, undefined, Infinity, -Infinity, new Date(Date.UTC(2023, 0, 1)), { error: '#REF!' }) },
);

const row = fc.array(cell, { minLength: 0, maxLength: 12 });
const sheet = fc.record({
  name: fc.constantFrom('2.15单位收支总表', '支出总表', 'Sheet1', '绩效1', '设置', '资产明细', '说明', '<img src=x>'),
  values: fc.array(row, { minLength: 0, maxLength: 40 }),
});
const workbook = fc.array(sheet, { minLength: 0, maxLength: 5 });

describe('analyzeWorkbook on random workbooks', () => {
  it('never throws, and every finding is a rule of the catalogue with a cell on a real sheet', () => {
    const ids = new Set(CATALOGUE.map((r) => r.id));
    fc.assert(
      fc.property(workbook, fc.constantFrom<'all' | 'kpi' | 'budget'>('all', 'kpi', 'budget'), (sheets, scope) => {
        const grids: SheetGrid[] = sheets.map((s) => ({ ...s, origin: { row: 0, col: 0 } }));
        const t = Date.now();
        const a = analyzeWorkbook({ sheets: grids }, { scope });
        for (const g of grids) detectTables(g);
        // A safety net against runaway loops, not a performance target (those are in npm run bench).
        expect(Date.now() - t).toBeLessThan(5000);
        for (const f of a.findings) {
          expect(ids.has(f.rule)).toBe(true);
          expect(f.message).not.toMatch(/\{\w+\}|undefined|NaN|\[object/);
          if (f.sheet) expect(grids.some((g) => g.name === f.sheet)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  /** Real tables, edited at random the way hands and exports damage them. */
  const edit = fc.oneof(
    fc.record({ op: fc.constant('set' as const), sheet: fc.nat(30), r: fc.nat(45), c: fc.nat(14), v: cell }),
    fc.record({ op: fc.constant('drop' as const), sheet: fc.nat(30), r: fc.nat(45) }),
    fc.record({ op: fc.constant('dup' as const), sheet: fc.nat(30), r: fc.nat(45) }),
    fc.record({ op: fc.constant('cut' as const), sheet: fc.nat(30), r: fc.nat(45) }),
    fc.record({ op: fc.constant('merge' as const), sheet: fc.nat(30), r: fc.nat(45), c: fc.nat(14), w: fc.integer({ min: 1, max: 6 }) }),
  );

  it('never throws on the sample workbook edited at random', async () => {
    if (!fs.existsSync(SAMPLE)) await writeSample();
    const base = await readWorkbookGrids(SAMPLE);
    const ids = new Set(CATALOGUE.map((r) => r.id));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const sheets: SheetGrid[] = base.sheets.map((s) => ({ ...s, values: s.values.map((r) => r.slice()), formats: undefined }));
        for (const e of edits) {
          const s = sheets[e.sheet % sheets.length];
          const r = e.r % Math.max(1, s.values.length);
          if (e.op === 'set') (s.values[r] ??= [])[e.c] = e.v;
          else if (e.op === 'drop') s.values.splice(r, 1);
          else if (e.op === 'dup') s.values.splice(r, 0, (s.values[r] ?? []).slice());
          else if (e.op === 'cut') s.values.length = r;
          // A merged area as Office.js reports it: only the top-left cell keeps its value.
          else for (let c = e.c + 1; c < e.c + e.w; c++) if (s.values[r]) s.values[r][c] = '';
        }
        const t = Date.now();
        const a = analyzeWorkbook({ sheets });
        expect(Date.now() - t).toBeLessThan(5000);
        for (const f of a.findings) {
          expect(ids.has(f.rule)).toBe(true);
          expect(f.message).not.toMatch(/\{\w+\}|undefined|NaN|\[object/);
        }
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });
});
