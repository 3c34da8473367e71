import { parseBudgetTable, checkTable, createDictionary, readScaled } from '../../src/model/budget';
import { normalizeCode } from '../../src/model/budget/codes';
import { norm } from '../../src/model/text';
it('perf', () => {
  const grid: unknown[][] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上解上级支出', '经营支出', '对附属单位补助支出']];
  for (let i = 0; i < 2000; i++) grid.push([String(2010101 + i), '项', i / 100, i / 100, '', '', '', '']);
  const d = createDictionary();
  for (let k = 0; k < 8; k++) {
    let t0 = process.hrtime.bigint();
    const t = parseBudgetTable(grid, { dictionary: d, kind: 'T3' });
    const a = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    checkTable(t as any);
    const b = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    for (let i = 1; i < grid.length; i++) for (let c = 2; c < 8; c++) readScaled(grid[i][c]);
    const c1 = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    for (let i = 1; i < grid.length; i++) { normalizeCode(grid[i][0]); norm(grid[i][1]); }
    const c2 = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    for (let i = 1; i < 12000; i++) { new Proxy({}, {}); }
    const c3 = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(a.toFixed(1), b.toFixed(1), c1.toFixed(1), c2.toFixed(1), c3.toFixed(1));
  }
});
