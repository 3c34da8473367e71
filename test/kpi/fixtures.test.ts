/**
 * The KPI model over B2's seed fixtures (test/fixtures/kpi: grids laid out the way
 * the workbooks are, merges as nulls, number formats): every project is found where
 * the generator put it, and the kpi.md seed flaws are found with the expected rule.
 */
import { parseA1 } from '../../src/model/address';
import type { Finding } from '../../src/model/findings';
import { analyzeKpi, parseKpiGrid, validateKpiRows } from '../../src/model/kpi';
import { SEED_IDS, SEEDS, seedSheets, type SeedId, type SheetSpec } from '../fixtures/kpi/make-kpi-fixtures';

function formats(s: SheetSpec): string[][] {
  const g = s.values.map((r) => r.map(() => ''));
  for (const [addr, f] of Object.entries(s.numFmts)) {
    const p = parseA1(addr);
    if (p && g[p.row]) g[p.row][p.col] = f;
  }
  return g;
}

const SHEETS = new Map<SeedId, SheetSpec[]>(SEED_IDS.map((id) => [id, seedSheets(SEEDS[id])]));
const all = SEED_IDS.flatMap((id) => SHEETS.get(id)!.map((s) => [id, s] as const));

function findings(id: SeedId, sheet: string): Finding[] {
  const s = SHEETS.get(id)!.find((x) => x.name === sheet)!;
  return analyzeKpi([{ name: s.name, values: s.values, origin: { row: 0, col: 0 }, formats: formats(s) }]).findings;
}

/** Rules found on the row of the first cell whose text is `value` (the 指标值 cell). */
function rulesOnValue(id: SeedId, sheet: string, level3: string): string[] {
  const s = SHEETS.get(id)!.find((x) => x.name === sheet)!;
  const row = s.values.findIndex((r) => r.some((c) => c === level3));
  expect(row).toBeGreaterThanOrEqual(0);
  return findings(id, sheet)
    .filter((f) => f.cell && parseA1(f.cell)!.row === row)
    .map((f) => f.rule);
}

describe.each(all.map(([id, s]) => [`${id}/${s.name}`, id, s] as const))('%s', (_, __, s) => {
  const res = parseKpiGrid(s.values, { formats: formats(s), sheet: s.name });

  it('finds the projects where the generator put them', () => {
    expect(res.projects).toHaveLength(s.projects.length);
    res.projects.forEach((p, i) => {
      const placed = s.projects[i];
      expect(p.layout).toBe(s.layout);
      const filled = placed.dataRows.filter((r) => s.values[r].some((c) => c !== null && c !== ''));
      expect(p.indicators.map((x) => x.row)).toEqual(filled);
      expect(res.rowKinds[placed.headerRow]).toBe('header');
      for (const r of placed.repeatedHeaderRows) expect(res.rowKinds[r]).toBe('header');
    });
  });

  it('annotates every row once (KPI.VALIDATE)', () => {
    const out = validateKpiRows(s.values, 'rows', { formats: formats(s) }) as string[][];
    expect(out).toHaveLength(s.values.length);
  });
});

describe('kpi.md seed flaws in the fixtures', () => {
  it('000: rates in persons, counts in %, money for persons, garbage, yes/no given a number', () => {
    for (const sheet of ['4', '8', '16', '20', '21']) expect(rulesOnValue('000', sheet, '养老金待遇发放率')).toContain('KPI-UNIT-01');
    expect(rulesOnValue('000', '9', '享受补贴人员数量')).toContain('KPI-MIS-01');
    expect(rulesOnValue('000', '9', '补贴标准')).toContain('KPI-MIS-02');
    expect(rulesOnValue('000', '9', '再就业人数')).toContain('KPI-UNIT-04');
    expect(rulesOnValue('000', '13', '总体就业率')).toContain('KPI-VAL-01');
    expect(rulesOnValue('000', '14', '补贴是否发放')).toContain('KPI-UNIT-03');
    expect(findings('000', '18').filter((f) => f.rule === 'KPI-VAL-01')).toEqual([]);
  });

  it('001: ≥0.95 百分比, a deadline on an error rate, a count in %, placeholder goals', () => {
    for (const sheet of ['17', '19', '22', '23']) {
      expect(rulesOnValue('001', sheet, '发放率')).toContain('KPI-PCT-02');
      expect(rulesOnValue('001', sheet, '养老金待遇发放差错率')).toContain('KPI-QUAL-01');
    }
    expect(rulesOnValue('001', '20', '开展宣传方式的数量')).toContain('KPI-MIS-01');
    expect(findings('001', '3').map((f) => f.rule)).toContain('KPI-GOAL-02');
  });

  it('001 #12/#13 and 004 #3/#4 raise no error or warning', () => {
    for (const [id, sheet] of [['001', '12'], ['001', '13'], ['004', '3'], ['004', '4']] as [SeedId, string][]) {
      const loud = findings(id, sheet).filter((f) => f.severity !== 'info');
      // 004 #3/#4 give `失业人员再就业` as the value of the indicator `失业人员再就业` (the audit's
      // VALUE_NOT_TARGET): only that row may speak.
      expect(loud.filter((f) => !(id === '004' && f.rule === 'KPI-VAL-02' && f.cell === 'E9')).map((f) => [sheet, f.cell, f.rule])).toEqual([]);
    }
  });

  it('003: arithmetic, tier direction, tier gap, tier without operator, quarterly plan', () => {
    const calc = findings('003', '2').filter((f) => f.rule === 'KPI-CALC-01');
    expect(calc.map((f) => f.expected)).toContain('4354560');
    expect(rulesOnValue('003', '11', '故障降低率(％)')).toContain('KPI-TIER-01');
    expect(rulesOnValue('003', '12', '故障降低率(％)')).not.toContain('KPI-TIER-01');
    expect(rulesOnValue('003', '20', '资金发放到位率')).toContain('KPI-TIER-02');
    expect(rulesOnValue('003', '26', '受训人员满意度')).toContain('KPI-TIER-04');
    expect(findings('003', '17').map((f) => f.rule)).toContain('KPI-PLAN-02');
  });
});
