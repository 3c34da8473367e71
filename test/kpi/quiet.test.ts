/**
 * How loud the validator is on the seed fixtures. The 11 projects of 巨鹿县人社局本级
 * (seed 004) are well-formed: they must stay quiet apart from two management-measure
 * notes. The per-seed totals are pinned so they cannot creep up unnoticed; a change that
 * lowers one (a false positive fixed) should lower the pin too. README states the figures.
 */
import * as path from 'path';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeKpi } from '../../src/model/kpi';
import { summarize } from '../../src/model/findings';
import { readFileSync } from 'fs';
import { loudnessMarkdown, withLoudness } from '../../scripts/kpi-loudness';

const seed = (id: string) => path.join(__dirname, '..', 'fixtures', 'kpi', `seed${id}.xlsx`);

describe('findings on the seed fixtures', () => {
  it('the 巨鹿 局本级 projects produce no error, and warnings only on their three real flaws', async () => {
    const wb = await readWorkbookGrids(seed('004'));
    const rsj = wb.sheets.filter((s) => !s.name.startsWith('中心'));
    expect(rsj).toHaveLength(11);
    const { projects, findings } = analyzeKpi(rsj);
    expect(projects).toHaveLength(11);
    expect(summarize(findings)).toEqual({ error: 0, warning: 3, info: 2 });
    // #2 `应急周转金补足次数 ≤1 次` (an output count written as a ceiling) and #3/#4
    // `失业人员再就业 = 失业人员再就业` (the value repeats the name): the audit's clear misses.
    expect(findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual([
      ['2', 'E5', 'KPI-DIR-02'],
      ['2', 'C7', 'KPI-MGMT-01'],
      ['3', 'E9', 'KPI-VAL-02'],
      ['4', 'E9', 'KPI-VAL-02'],
      ['10', 'C7', 'KPI-MGMT-01'],
    ]);
  });

  // Flawed seeds: most findings are real flaws (test/fixtures/kpi/FLAWS.md); the pins bound the noise.
  it.each([
    ['000', { error: 16, warning: 45, info: 75 }],
    ['001', { error: 5, warning: 86, info: 31 }],
    ['002', { error: 4, warning: 20, info: 10 }],
    ['003', { error: 3, warning: 33, info: 0 }],
    ['004', { error: 1, warning: 10, info: 7 }],
  ])('seed %s stays at its pinned counts', async (id, pinned) => {
    const wb = await readWorkbookGrids(seed(id));
    const s = summarize(analyzeKpi(wb.sheets).findings);
    expect(s).toEqual(pinned);
  });

  it('README states the same counts (npm run docs regenerates the table)', async () => {
    const root = path.join(__dirname, '..', '..');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toBe(withLoudness(readme, await loudnessMarkdown(root)));
  });
});
