/**
 * A unit with 50 projects converts completely. The speed target (under 2 s) is measured
 * by `npm run bench`, not asserted here: a loaded CI machine must not turn a test red.
 */
import ExcelJS from 'exceljs';
import { buildDisclosurePlan } from '../../src/model/layout';
import { WRITE_OPTIONS, writePlanToWorkbook } from '../../src/cli/write-plan';
import { seedTables, UNIT, YEAR } from './seed004';
import { manyProjects } from './projects';

it('builds and writes the package of a unit with 50 projects', async () => {
  const projects = manyProjects(50, 15);
  const plan = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects });
  const wb = new ExcelJS.Workbook();
  writePlanToWorkbook(plan, wb);
  const buf = await wb.xlsx.writeBuffer(WRITE_OPTIONS);
  expect(buf.byteLength).toBeGreaterThan(10000);
  expect(plan.sheets).toHaveLength(13 + 50);
  expect(plan.narrative.amounts.find((a) => a.source === 'KPI.预算数合计')!.value).toBe((1.01 * (50 * 51) / 2).toFixed(2));
});

it('disclose converts a workbook of one unit with 50 绩效目标表', async () => {
  const { promises: fs } = await import('fs');
  const os = await import('os');
  const path = await import('path');
  const { disclose } = await import('../../src/cli/disclose');
  const { writeWorkbookAtomic } = await import('../../src/cli/write-plan');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-'));
  try {
    // Input: the 巨鹿 fixture plus 50 project sheets in the full header layout.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(__dirname, '..', 'fixtures', 'juluxian-rsj.xlsx'));
    const kpi = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: {}, projects: manyProjects(50, 15) }).sheets.filter((s) => s.key.startsWith('KPI-'));
    writePlanToWorkbook({ sheets: kpi, names: [] }, wb);
    const input = path.join(dir, 'in.xlsx');
    await writeWorkbookAtomic(wb, input);

    const r = await disclose(input, path.join(dir, 'out.xlsx'), {});
    expect(r.sheets.filter((s) => s.startsWith('绩效'))).toHaveLength(50);
    } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
