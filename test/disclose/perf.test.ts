/**
 * Target: a unit with 50 projects converts in under 2 s. Asserted on CPU time, which
 * other processes on a shared 2-core machine do not inflate the way they do wall time;
 * both are printed.
 */
import ExcelJS from 'exceljs';
import { buildDisclosurePlan } from '../../src/model/layout';
import { WRITE_OPTIONS, writePlanToWorkbook } from '../../src/cli/write-plan';
import { seedTables, UNIT, YEAR } from './seed004';
import { manyProjects } from './projects';

it('builds and writes the package of a unit with 50 projects in under 2 s', async () => {
  const projects = manyProjects(50, 15);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects });
  const t1 = performance.now();
  const wb = new ExcelJS.Workbook();
  writePlanToWorkbook(plan, wb);
  const buf = await wb.xlsx.writeBuffer(WRITE_OPTIONS);
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`50 projects: plan ${(t1 - t0).toFixed(0)} ms, xlsx ${(t2 - t1).toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${plan.sheets.length} sheets, ${(buf.byteLength / 1024).toFixed(0)} KiB`);
  expect(plan.sheets).toHaveLength(13 + 50);
  expect(plan.narrative.amounts.find((a) => a.source === 'KPI.预算数合计')!.value).toBe((1.01 * (50 * 51) / 2).toFixed(2));
  expect(cpuMs).toBeLessThan(2000);
});

it('disclose converts a workbook of one unit with 50 绩效目标表 in under 2 s', async () => {
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

    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await disclose(input, path.join(dir, 'out.xlsx'), {});
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const ms = performance.now() - t0;
    console.log(`disclose, 50 projects × 15 indicators: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${r.sheets.length} sheets`);
    expect(r.sheets.filter((s) => s.startsWith('绩效'))).toHaveLength(50);
    expect(cpuMs).toBeLessThan(2000);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
