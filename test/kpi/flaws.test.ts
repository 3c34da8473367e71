/**
 * Recall and precision of the validator over the seed fixtures, from the flaw records in
 * test/fixtures/kpi/flaws.ts (FLAWS.md is generated from them): every flaw the validator
 * claims to check is reported on its row by one of the expected rules, and every row listed
 * as clean gets no error or warning. Flaws deliberately left to a person carry a reason.
 */
import * as path from 'path';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import type { Finding } from '../../src/model/findings';
import { analyzeKpi, type KpiIndicator, type KpiProject } from '../../src/model/kpi';
import { norm } from '../../src/model/text';
import { CLEAN_ROWS, FLAWS, type FlawRecord, type SeedId } from '../fixtures/kpi/flaws';
import { flawsMarkdown } from '../fixtures/kpi/flaws-md';
import { readFileSync } from 'fs';

const SEEDS: SeedId[] = ['000', '001', '002', '003', '004'];
const data = new Map<SeedId, { projects: KpiProject[]; findings: Finding[] }>();

beforeAll(async () => {
  for (const id of SEEDS) {
    const wb = await readWorkbookGrids(path.join(__dirname, '..', 'fixtures', 'kpi', `seed${id}.xlsx`));
    data.set(id, analyzeKpi(wb.sheets));
  }
});

const rowOf = (cell: string | undefined) => (cell ?? '').replace(/^[A-Z]+/, '');

/** The project and (for a row) the indicator a record points at; throws when the record names nothing. */
function locate(seed: SeedId, sheet: string, at: string): { p: KpiProject; ind?: KpiIndicator } {
  const { projects } = data.get(seed)!;
  let onSheet = projects.filter((p) => p.sheet === sheet);
  const [name, projectNo] = at.split('@');
  if (projectNo) onSheet = [onSheet[sheet.split('-').indexOf(projectNo)]].filter(Boolean);
  if (name.startsWith(':')) {
    if (!onSheet.length) throw new Error(`${seed} ${sheet}: no project`);
    return { p: onSheet[0] };
  }
  // `发放及时率#2`: the second row of that name.
  const [base, nth] = name.split('#');
  const key = norm(base);
  for (const p of onSheet) {
    const hits = p.indicators.filter((i) => norm(i.level3) === key || (!i.level3 && norm(i.level2) === key));
    const ind = hits[nth ? Number(nth) - 1 : 0];
    if (ind) return { p, ind };
  }
  throw new Error(`${seed} ${sheet}: no row ${name}`);
}

function findingsAt(seed: SeedId, sheet: string, at: string): Finding[] {
  const { p, ind } = locate(seed, sheet, at);
  const all = data.get(seed)!.findings.filter((f) => f.sheet === p.sheet);
  if (!ind) return all.filter((f) => f.table === p.name && !p.indicators.some((i) => rowOf(i.cells.row) === rowOf(f.cell)));
  return all.filter((f) => rowOf(f.cell) === rowOf(ind.cells.row));
}

function caught(r: FlawRecord): boolean {
  const ids = r.expect.split('|');
  return findingsAt(r.seed, r.sheet, r.at).some((f) => ids.some((id) => f.rule.startsWith(id)));
}

function safeCaught(r: FlawRecord): boolean {
  try {
    return caught(r);
  } catch {
    return false;
  }
}

describe('seed flaws as data', () => {
  it('every record names a row or project of its fixture, and every unchecked flaw says why', () => {
    const bad: string[] = [];
    for (const r of FLAWS) {
      try {
        locate(r.seed, r.sheet, r.at);
      } catch (e) {
        bad.push((e as Error).message);
      }
      if (!r.expect) expect({ at: `${r.seed} ${r.sheet} ${r.at}`, why: !!r.why }).toEqual({ at: `${r.seed} ${r.sheet} ${r.at}`, why: true });
    }
    expect(bad).toEqual([]);
    for (const c of CLEAN_ROWS) expect(() => locate(c.seed, c.sheet, c.at)).not.toThrow();
  });

  it('recall: every flaw the validator checks is reported on its row by an expected rule', () => {
    const missed = FLAWS.filter((r) => r.expect && !safeCaught(r)).map((r) => `${r.seed} ${r.sheet} ${r.at} [${r.cls}] expected ${r.expect}`);
    expect(missed).toEqual([]);
    // The clear flaws are nearly all checked; the rest are named with a reason.
    const clear = FLAWS.filter((r) => r.tier === 'clear');
    const checked = clear.filter((r) => r.expect);
    expect(checked.length / clear.length).toBeGreaterThan(0.95);
  });

  it('precision: no error or warning on a row listed as clean', () => {
    for (const c of CLEAN_ROWS) {
      const loud = findingsAt(c.seed, c.sheet, c.at).filter((f) => f.severity !== 'info');
      expect({ row: `${c.seed} ${c.sheet} ${c.at}`, loud: loud.map((f) => f.rule) }).toEqual({ row: `${c.seed} ${c.sheet} ${c.at}`, loud: [] });
    }
  });

  it('FLAWS.md is generated from the records (npm run docs)', () => {
    const md = readFileSync(path.join(__dirname, '..', 'fixtures', 'kpi', 'FLAWS.md'), 'utf8');
    expect(md).toBe(flawsMarkdown());
  });
});
