import { Decimal } from '../../src/model/money';
import { norm } from '../../src/model/text';
import type { BudgetTable, UnitTables } from '../../src/model/budget/types';
import type { KpiProject } from '../../src/model/kpi/types';
import { buildNarrative, SECTION_HEADINGS, type Narrative, type PriorYear } from '../../src/model/narrative';
import { seedTables, table, UNIT, YEAR } from './seed004';
import { employmentProject, personnelProject } from './projects';

/** Every `X万元` the text states, in order. */
const AMOUNT_IN_TEXT = /(\d+(?:\.\d+)?)万元/g;

function allText(n: Narrative): string {
  return [n.title, n.intro, ...n.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
}

/**
 * Resolves an amount's source against the tables — written here independently of
 * the narrative's own figure code: rows by name (ordinal stripped), columns by header.
 */
function resolve(source: string, tables: UnitTables, projects: KpiProject[], prior: PriorYear = {}): Decimal {
  const minus = source.indexOf('-上年.');
  if (minus > 0) return resolve(source.slice(0, minus), tables, projects, prior).minus(new Decimal(prior[source.slice(minus + 4) as keyof PriorYear] as number)).abs();
  const [head, ...rest] = source.split('.');
  if (head === 'KPI') {
    const budgets = projects.map((p) => new Decimal(p.budget ?? 0));
    return rest[0] === '预算数合计' ? budgets.reduce((a, b) => a.plus(b), new Decimal(0)) : budgets[Number(rest[0]) - 1];
  }
  const t = tables[head as keyof UnitTables] as BudgetTable;
  const [rowName, colLabel] = rest;
  const key = (s: string) => norm(s).replace(/^[一二三四五六七八九十]+、/, '').replace(/^其中:/, '').replace(/"/g, '');
  const row = t.rows.find((r) => key(r.name) === key(rowName));
  if (!row) return new Decimal(0); // a line the table leaves out is blank, i.e. zero
  const col = colLabel ? t.columns.find((c) => norm(c.label).startsWith(norm(colLabel)))!.key : Object.keys(row.amounts)[0];
  return row.amounts[col] ?? new Decimal(0);
}

function expectAmountsTrace(n: Narrative, tables: UnitTables, projects: KpiProject[], prior?: PriorYear) {
  const text = allText(n);
  const stated = [...text.matchAll(AMOUNT_IN_TEXT)].map((m) => m[1]);
  expect(stated).toEqual(n.amounts.map((a) => a.value));
  for (const v of stated) expect(v).toMatch(/^\d+\.\d{2}$/);
  // Never an amount in 元 or with more than two decimals (seed 003 `67.68元`, seed 004 `790.913万元`).
  expect(text).not.toMatch(/\d元/);
  expect(text).not.toMatch(/\d+\.\d{3,}/);
  for (const a of n.amounts) expect([a.source, a.value]).toEqual([a.source, resolve(a.source, tables, projects, prior).toFixed(2)]);
}

describe('公开情况说明 from the seed 004 tables', () => {
  const tables = seedTables();

  it('has the nine sections in order and states every amount as in the tables', () => {
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables, projects: [] });
    expect(n.title).toBe('巨鹿县人力资源和社会保障局本级2023年单位预算信息公开情况说明');
    expect(n.sections.map((s) => s.heading)).toEqual([...SECTION_HEADINGS]);
    expectAmountsTrace(n, tables, []);
    const sources = n.amounts.map((a) => `${a.source}=${a.value}`);
    expect(sources).toEqual(
      expect.arrayContaining([
        'T1.收入总计=3889.89',
        'T1.一般公共预算拨款收入=3889.89',
        'T1.支出总计=3889.89',
        'T3.合计.基本支出=685.86',
        'T6.合计.人员经费=632.20',
        'T6.合计.公用经费=53.66',
        'T3.合计.项目支出=3204.03',
        'T9.“三公”经费小计.合计=0.00',
        'T11.资产总额.价值=92.71',
      ]),
    );
  });

  it('says 基本支出 = 人员经费 + 公用经费 and 机关运行经费 = 公用经费 by default', () => {
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables, projects: [] });
    const s2 = n.sections[1].paragraphs.join('');
    expect(s2).toContain('基本支出685.86万元，包括人员经费632.20万元和公用经费53.66万元');
    expect(n.sections[2].paragraphs[0]).toMatch(/^2023年本单位机关运行经费安排53\.66万元，主要用于其他交通费用、邮电费、培训费等日常运转支出。$/);
  });

  it('marks what only the clerk knows and lists it in missing', () => {
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables, projects: [] });
    expect(n.sections[0].paragraphs).toContain('【待填写：单位职责】');
    expect(n.missing).toEqual(
      expect.arrayContaining(['单位职责', '上年收支总计', '上年三公经费', '项目支出主要用途', '项目绩效目标（未找到绩效目标表）']),
    );
    for (const m of n.missing) expect(allText(n)).toContain(`【待填写：${m}】`);
  });

  it('uses the inputs instead of markers', () => {
    const n = buildNarrative({
      unit: UNIT,
      year: YEAR,
      tables,
      projects: [employmentProject()],
      inputs: {
        duties: '负责全县就业和社会保障工作。\n负责人事人才工作。',
        organisation: '本单位为行政单位，正科级，经费由财政拨款保障。',
        projectUse: '劳务派遣人员工资及就业补助资金',
        operatingCost: '21.76',
        operatingUse: '办公费、邮电费等日常运行支出',
        other: '无。',
      },
    });
    expect(n.sections[0].paragraphs).toEqual(['（一）单位职责', '负责全县就业和社会保障工作。', '负责人事人才工作。', '（二）机构设置', '本单位为行政单位，正科级，经费由财政拨款保障。']);
    expect(n.sections[1].paragraphs.join('')).toContain('项目支出3204.03万元，主要用于劳务派遣人员工资及就业补助资金。');
    expect(n.sections[2].paragraphs[0]).toBe('2023年本单位机关运行经费安排21.76万元，主要用于办公费、邮电费等日常运行支出。');
    expect(n.amounts.find((a) => a.label === '机关运行经费')).toEqual({ label: '机关运行经费', value: '21.76', source: '输入.机关运行经费' });
    expect(n.sections[8].paragraphs).toEqual(['无。']);
    expect(n.missing).not.toContain('单位职责');
    expect(n.missing).not.toContain('机构设置');
  });

  it('compares with last year: amounts, words and reasons (seed 004 would have said 790.91, not 790.913)', () => {
    const prior = { 收支总计: 3098.977, 基本支出: 574.727, 项目支出: 2524.25, 三公经费: 1, 公务接待费: 1 };
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables, projects: [], prior, inputs: { reasons: { 基本支出: '人员经费增加。', 三公经费: '压减公务接待' } } });
    const s = n.sections[1].paragraphs.at(-1)!;
    expect(s).toBe(
      '2023年本单位收支预算总计3889.89万元，比2022年增加790.91万元，增长25.52%，【待填写：收支总计增减原因】；基本支出比2022年增加111.13万元，增长19.34%，主要原因是人员经费增加；项目支出比2022年增加679.78万元，增长26.93%，【待填写：项目支出增减原因】。',
    );
    expect(n.sections[3].paragraphs[0]).toContain('“三公”经费比2022年减少1.00万元，下降100.00%，主要原因是压减公务接待；公务接待费比2022年减少1.00万元，下降100.00%，【待填写：公务接待费增减原因】。');
    expect(n.changes.map((c) => [c.key, c.diff, c.rate])).toEqual([
      ['收支总计', '790.91', '25.52'],
      ['基本支出', '111.13', '19.34'],
      ['项目支出', '679.78', '26.93'],
      ['三公经费', '-1.00', '-100.00'],
      ['公务接待费', '-1.00', '-100.00'],
    ]);
    expect(n.todo.filter((t) => t.key?.endsWith('增减原因')).map((t) => t.key)).toEqual(['收支总计增减原因', '项目支出增减原因', '公务接待费增减原因']);
    // prior amounts are read at two decimals like every table amount
    expectAmountsTrace(n, tables, [], { ...prior, 收支总计: 3098.98, 基本支出: 574.73 });
  });

  it('says 持平 when nothing changed', () => {
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables, projects: [], prior: { 三公经费: 0 } });
    expect(n.sections[3].paragraphs[0]).toMatch(/“三公”经费与2022年持平。$/);
  });

  it('states the 三公 items from T9 and the 绩效 total from the project tables', () => {
    const t = { ...tables } as UnitTables;
    const cols: [string, string][] = [['total', '合计'], ['gpb', '一般公共预算财政拨款']];
    const row = (name: string, v: number) => ({ name, line: name, amounts: { total: new Decimal(v), gpb: new Decimal(v) } });
    t.T9 = table('T9', cols, [
      row('合计', 6.1),
      row('“三公”经费小计', 6.1),
      row('一、因公出国（境）费', 0),
      row('二、公务用车购置及运维费', 6),
      row('其中：公务用车购置费', 0),
      row('公务用车运行维护费', 6),
      row('三、公务接待费', 0.1),
    ]);
    t.T10 = table('T10', [['budget', '预算资金'], ['total', '合计']], [{ name: '合计', amounts: { budget: new Decimal(33), total: new Decimal(33) } }]);
    const projects = [personnelProject(), { ...personnelProject(), name: '第二个项目', budget: '10.5' }];
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables: t, projects });
    expect(n.sections[3].paragraphs[0]).toContain(
      '“三公”经费预算6.10万元，其中：因公出国（境）费0.00万元；公务用车购置及运维费6.00万元（公务用车购置费0.00万元，公务用车运行维护费6.00万元）；公务接待费0.10万元。',
    );
    expect(n.sections[4].paragraphs).toEqual([
      '本单位2个项目编制了绩效目标，已列明的预算数合计34.80万元。各项目的绩效目标表附后。',
      '1. 人事和社会保障工作经费：预算数24.30万元。',
      '2. 第二个项目：预算数10.50万元。',
    ]);
    expect(n.sections[5].paragraphs[0]).toBe('2023年本单位政府采购预算33.00万元，明细见单位政府采购预算表。');
    expectAmountsTrace(n, t, projects);
  });

  it('lists the projects without amounts when the plain-layout 绩效目标表 state no 预算数 (as seed 004 does)', () => {
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables, projects: [employmentProject(), employmentProject()] });
    expect(n.sections[4].paragraphs[0]).toBe('本单位2个项目编制了绩效目标，各项目的绩效目标表附后。');
    expect(n.missing).not.toContain(expect.stringContaining('预算数'));
    expect(n.sections[4].paragraphs.slice(1)).toEqual(['1. 就业工作经费', '2. 就业工作经费']);
  });

  it('writes markers, never wrong numbers, when a table is missing', () => {
    const t = { ...tables };
    delete t.T6;
    delete t.T1;
    const n = buildNarrative({ unit: UNIT, year: YEAR, tables: t, projects: [] });
    const text = allText(n);
    expect(text).toContain('【待填写：收入总计（未找到单位预算收支总表）】');
    expect(text).toContain('【待填写：人员经费（未找到单位预算一般公共预算财政拨款基本支出表）】');
    expectAmountsTrace(n, t, []);
  });
});
