/** Engineer D's real disclosure plan for the 巨鹿 人社局 fixture (Node only: reads the .xlsx). */
import * as path from 'path';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { buildDisclosurePlan } from '../../src/model/layout';
import type { WorkbookPlan } from '../../src/model/plan';

export const RSJ = path.join(__dirname, '..', 'fixtures', 'juluxian-rsj.xlsx');

export async function realPlan(): Promise<WorkbookPlan> {
  const analysis = analyzeWorkbook(await readWorkbookGrids(RSJ));
  const u = analysis.units[0];
  const { narrative: _n, ...plan } = buildDisclosurePlan({ unit: { code: u.code, name: u.name ?? '' }, year: u.year ?? '2023', tables: u.tables, projects: analysis.projects });
  return plan;
}
