/** The published 绩效目标表 (layout 2) reads back through the KPI parser with every field intact. */
import { buildDisclosurePlan } from '../../src/model/layout';
import { parseKpiGrid } from '../../src/model/kpi';
import { seedTables, UNIT, YEAR } from './seed004';
import { employmentProject, personnelProject } from './projects';

it('parses the package 绩效目标表 back into the same project', () => {
  const src = [personnelProject(), employmentProject()];
  const plan = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: src });
  src.forEach((p, i) => {
    const sheet = plan.sheets.find((s) => s.key === `KPI-${i + 1}`)!;
    const formats = sheet.values.map((row, r) => row.map((_, c) => (r === 6 && c >= 1 ? '0%' : 'General')));
    const parsed = parseKpiGrid(sheet.values, { sheet: sheet.name, formats });
    expect(parsed.layout).toBe(2);
    expect(parsed.projects).toHaveLength(1);
    const q = parsed.projects[0];
    expect(q.name).toBe(p.name);
    // A project without 预算数 (and more than one project, so the tables cannot say) gets a marker.
    if (p.budget) expect(Number(q.budget)).toBe(24.3);
    else expect(q.budget).toBe(`【待填写：预算数：${p.name}】`);
    expect(q.plan?.map((x) => x.value)).toEqual(p.plan ? [25, 50, 75, 100] : undefined);
    expect(q.goals.length).toBe(p.goals.length);
    expect(q.indicators.map((x) => [x.level1, x.level2, x.level3, x.value, x.basis])).toEqual(p.indicators.map((x) => [x.level1, x.level2, x.level3, x.value, x.basis]));
  });
});
