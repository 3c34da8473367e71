/** Issue 9 (3): a sheet is a 绩效目标表 only on positive evidence. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type CliFinding } from '../../src/cli/main';
import { readWorkbookGrids } from '../../src/cli/read-xlsx';
import { analyzeWorkbook } from '../../src/model/analyze';
import { addAssetRegister, addPeopleList, loadSample, save, setSubjectName, unmergeIntoRepeatedText } from '../fixtures/bad-inputs';

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recog-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function checkJson(file: string): Promise<{ code: number; findings: CliFinding[] }> {
  const out: string[] = [];
  const code = await main(['check', file, '--json'], (s) => out.push(s));
  return { code, findings: JSON.parse(out.join('\n')) as CliFinding[] };
}

describe('ordinary sheets are not 绩效目标表', () => {
  let baseline: CliFinding[];
  let baseProjects = 0;
  beforeAll(async () => {
    const file = await save(await loadSample(), path.join(dir, 'base.xlsx'));
    baseline = (await checkJson(file)).findings;
    baseProjects = analyzeWorkbook(await readWorkbookGrids(file)).projects.length;
    expect(baseProjects).toBe(11);
  });

  it('a 20-row 资产明细 and a 人员名单 beside the tables change nothing', async () => {
    const wb = await loadSample();
    addAssetRegister(wb, 20);
    addPeopleList(wb, 10);
    const file = await save(wb, path.join(dir, 'detail20.xlsx'));
    const { code, findings } = await checkJson(file);
    expect(findings.filter((f) => f.sheet === '资产明细' || f.sheet === '人员名单')).toEqual([]);
    expect(findings.map((f) => f.rule)).toEqual(baseline.map((f) => f.rule));
    expect(code).toBe(0);
    expect(analyzeWorkbook(await readWorkbookGrids(file)).projects).toHaveLength(baseProjects);
  });

  it.each(['=1+1', '≥95%', '5人', '3 台', '100%'])('a 科目名称 of %s does not turn the 支出总表 into a project', async (text) => {
    const wb = await loadSample();
    setSubjectName(wb, text);
    const file = await save(wb, path.join(dir, `subject-${encodeURIComponent(text)}.xlsx`));
    const grids = await readWorkbookGrids(file);
    const a = analyzeWorkbook(grids);
    expect(a.projects).toHaveLength(baseProjects);
    expect(a.findings.filter((f) => f.rule.startsWith('KPI-') && /支出总表/.test(f.sheet ?? ''))).toEqual([]);
  });

  it('merged headers unmerged into repeated text are still budget tables, never 绩效目标表', async () => {
    const wb = await loadSample();
    unmergeIntoRepeatedText(wb);
    const file = await save(wb, path.join(dir, 'unmerged.xlsx'));
    const a = analyzeWorkbook(await readWorkbookGrids(file));
    expect(a.projects.filter((p) => !/^绩效/.test(p.sheet ?? ''))).toEqual([]);
    expect(a.units).toHaveLength(1);
    expect(Object.keys(a.units[0].tables).sort()).toEqual(Object.keys(analyzeWorkbook(await readWorkbookGrids(path.join(dir, 'base.xlsx'))).units[0].tables).sort());
    expect(a.findings.filter((f) => f.rule.startsWith('KPI-STRUCT') && !/^绩效/.test(f.sheet ?? ''))).toEqual([]);
  });
});
