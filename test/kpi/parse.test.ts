import fc from 'fast-check';
import { detectKpiTables, parseKpiGrid, splitGoals } from '../../src/model/kpi';
import { fullGrid, GOOD, GOOD_TIERS, H6, plainGrid, tierGrid, unitGrid, type Row } from './helpers';

describe('layout 1 (plain project table)', () => {
  const res = parseKpiGrid(plainGrid(GOOD));
  const p = res.projects[0];

  it('finds one project with its title, name and goal', () => {
    expect(res.layout).toBe(1);
    expect(res.projects).toHaveLength(1);
    expect(p.title).toBe('公益性岗位补贴绩效目标表');
    expect(p.name).toBe('公益性岗位补贴');
    expect(p.goals).toEqual(['保障公益性岗位补贴按时足额发放']);
    expect(p.cells).toMatchObject({ title: 'A1', goals: 'B2', header: 'A3' });
    expect(p.anchorRow).toBe(0);
  });

  it('carries merged 一级/二级 down', () => {
    expect(p.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual(GOOD.map((r, k) => [r[0] ?? (k < 4 ? '产出指标' : ''), r[1], r[2]]));
    expect(p.indicators[1].carried).toEqual({ level1: true, level2: false });
  });

  it('gives each indicator its cells and parsed value', () => {
    const i = p.indicators[1];
    expect(i.row).toBe(4);
    expect(i.cells).toMatchObject({ level1: 'A5', level2: 'B5', level3: 'C5', description: 'D5', value: 'E5', basis: 'F5' });
    expect(i.parsed).toMatchObject({ kind: 'quantitative', op: '≥', number: 98, unit: '%' });
  });

  it('labels every grid row', () => {
    expect(res.rowKinds).toEqual(['meta', 'meta', 'header', ...GOOD.map(() => 'indicator')]);
  });

  it('applies the origin to every address', () => {
    const q = parseKpiGrid(plainGrid(GOOD), { origin: { row: 9, col: 2 } }).projects[0];
    expect(q.cells.title).toBe('C10');
    expect(q.indicators[0].cells.value).toBe('G13');
  });

  it('carries 二级 down only within the same 一级', () => {
    const g = plainGrid([
      ['产出指标', '数量指标', '人数', 'd', '≥1人', 'b'],
      [null, null, '次数', 'd', '≥2次', 'b'],
      ['效益指标', null, '就业率', 'd', '≥90%', 'b'],
    ]);
    const inds = parseKpiGrid(g).projects[0].indicators;
    expect(inds.map((i) => i.level2)).toEqual(['数量指标', '数量指标', '']);
  });
});

describe('layout 2 (full project table)', () => {
  it('reads the header block', () => {
    const p = parseKpiGrid(fullGrid({ budget: '24.30', fiscal: '20.30', other: '4.00' })).projects[0];
    expect(p.layout).toBe(2);
    expect(p).toMatchObject({
      code: '13082123P00007910001D',
      name: '监察人员服装费',
      unit: '323001 测试县人力资源和社会保障局本级',
      budget: '24.30',
      fiscal: '20.30',
      other: '4.00',
      use: '为劳动保障监察人员定制服装',
      amountUnit: '万元',
      goals: ['按时完成监察人员服装定制'],
    });
    expect(p.cells).toMatchObject({ code: 'B4', name: 'E4', budget: 'C5', fiscal: 'E5', other: 'G5', use: 'B6', plan: 'B8', goals: 'B9', header: 'A10' });
    expect(p.plan?.map((x) => [x.label, x.value])).toEqual([
      ['3月底', 25],
      ['6月底', 50],
      ['10月底', 75],
      ['12月底', 100],
    ]);
  });

  it('reads plan values stored as fractions with a percentage format', () => {
    const g = fullGrid({ plan: [0.25, 0.5, 0.75, 1] });
    const formats = g.map((r, i) => r.map(() => (i === 7 ? '0%' : 'General')));
    expect(parseKpiGrid(g, { formats }).projects[0].plan?.map((x) => x.value)).toEqual([25, 50, 75, 100]);
    // Without a format, fractions that end at 1 are percentages as well.
    expect(parseKpiGrid(fullGrid({ plan: [0.25, 0.5, 0.75, 1] })).projects[0].plan?.map((x) => x.value)).toEqual([25, 50, 75, 100]);
  });

  it('pairs plan values with labels when the printed columns are shifted', () => {
    const g = fullGrid();
    g[6] = ['资金支出计划（%）', '3 月底', null, '6 月底', null, '10 月底', '12 月底'];
    g[7] = [null, null, '25%', null, '50%', '75%', '100%'];
    expect(parseKpiGrid(g).projects[0].plan?.map((x) => [x.label, x.value, x.cell])).toEqual([
      ['3月底', 25, 'C8'],
      ['6月底', 50, 'E8'],
      ['10月底', 75, 'F8'],
      ['12月底', 100, 'G8'],
    ]);
  });

  it('reads a plan split over two rows (seed 002 #5)', () => {
    const g = fullGrid();
    g.splice(6, 2, ['资金支出计划 (%)', '3 月底', null, '6 月底', null, '10 月底', null], [null, '25', null, '50', null, '75', null], ['12 月底', '100']);
    g.splice(9, 1, [null, '1、确保 2020 年企业养老保险征缴和扩面任务的完成']);
    const p = parseKpiGrid(g).projects[0];
    expect(p.plan?.map((x) => x.value)).toEqual([25, 50, 75, 100]);
    expect(p.goals).toEqual(['确保 2020 年企业养老保险征缴和扩面任务的完成']);
  });

  it('joins a title broken over two lines', () => {
    const g = fullGrid();
    g.splice(0, 1, ['18.2023 年省级财政城乡社会保险代办员补助冀财社【2022】172 号'], ['绩效目标表']);
    const p = parseKpiGrid(g).projects[0];
    expect(p.title).toBe('2023 年省级财政城乡社会保险代办员补助冀财社【2022】172 号绩效目标表');
    expect(p.cells.title).toBe('A1');
  });

  it('skips a repeated page header and joins the row the page break cut', () => {
    const g = fullGrid({
      rows: [
        ['产出指标', '数量指标', '死亡冒领养', '死亡冒领养老金拒不退回', '2起', '根据县政府'],
        [...H6],
        [null, null, '老金诉讼案件数量', '诉讼案件数量', null, '批复'],
        [null, '质量指标', '资金使用合规率', '合规率', '100 百分比', '批复'],
        ['效益指标', '社会效益指标', '维护社会稳', '维护社会稳定', '≥90 百分比', '批复'],
        [...H6],
        [null, '标', '定', null, null, null],
        ['满意度指标', '服务对象满意度指标', '社会满意度', '满意度', '≥90 百分比', '调查'],
      ],
    });
    const res = parseKpiGrid(g);
    expect(res.projects).toHaveLength(1);
    const inds = res.projects[0].indicators;
    expect(inds.map((i) => i.level3)).toEqual(['死亡冒领养老金诉讼案件数量', '资金使用合规率', '维护社会稳定', '社会满意度']);
    expect(inds[0].basis).toBe('根据县政府批复');
    expect(inds[2].level2).toBe('社会效益指标');
    expect(res.rowKinds.slice(10)).toEqual(['indicator', 'header', 'meta', 'indicator', 'indicator', 'header', 'meta', 'indicator']);
  });

  it('splits several projects following each other on one sheet', () => {
    const a = fullGrid();
    const b = fullGrid({ budget: '24.30', fiscal: '24.30' });
    b[0] = ['2.人事和社会保障工作经费绩效目标表'];
    b[3] = ['项目编码', '13082123P00008010001H', null, '项目名称', '人事和社会保障工作经费', null, null];
    const res = parseKpiGrid([...a, [], ...b]);
    expect(res.projects.map((p) => [p.name, p.budget, p.top, p.bottom])).toEqual([
      ['监察人员服装费', '3.12', 0, 15],
      ['人事和社会保障工作经费', '24.30', 17, 32],
    ]);
    expect(res.rowKinds[16]).toBe('blank');
    expect(res.rowKinds[17]).toBe('meta');
  });
});

describe('layout 3 (tier table)', () => {
  it('reads 优/良/中/差 with their cells', () => {
    const res = parseKpiGrid(tierGrid(GOOD_TIERS));
    const p = res.projects[0];
    expect(res.layout).toBe(3);
    expect(res.rowKinds.slice(0, 5)).toEqual(['meta', 'meta', 'header', 'header', 'indicator']);
    const i = p.indicators[0];
    expect(i).toMatchObject({ level1: '产出指标', level2: '', level3: '劳动仲裁到期结案率（%）', value: '≥90%', basis: '统计报表' });
    expect(i.tiers?.差).toMatchObject({ raw: '＜70%', cell: 'G5', parsed: { op: '<', number: 70, unit: '%' } });
    expect(p.indicators[1].level1).toBe('产出指标');
  });

  it('reads the quarterly plan of a tier table with a header block (seed 003 #17)', () => {
    const g: Row[] = [
      ['17、落实重新安置军队退役人员工资待遇绩效目标表'],
      ['项目编码', null, '项目名称', null],
      ['项目资金主要用途', '安置退役军人2人，工资和保险共需130000元'],
      ['资金支出   计划（%）', '第一季度', '第二季度', '第三季度', '第四季度'],
      [null, 25, 50, 100, 0],
      ['绩效目标', '按时间进度拨付，确保按时发放'],
      ...tierGrid(GOOD_TIERS).slice(2),
    ];
    const p = parseKpiGrid(g).projects[0];
    expect(p.layout).toBe(3);
    expect(p.use).toBe('安置退役军人2人，工资和保险共需130000元');
    expect(p.plan?.map((x) => [x.label, x.value])).toEqual([
      ['第一季度', 25],
      ['第二季度', 50],
      ['第三季度', 100],
      ['第四季度', 0],
    ]);
  });
});

describe('layout 4 (unit-wide table)', () => {
  const rows: Row[] = [
    ['单位产出', '数量', '保证年轻骨干的人数', '年轻骨干人数占总人数', '完成率', '≥', 0.7, null, null],
    [null, '质量', '工作完成质量', '工作完成总量', '完成率', '≥', 0.95, null, null],
    ['单位效果', '满意度', '服务群众满意度', '服务群众满意度百分比', '完成率', '≥', 0.95, null, null],
  ];
  it('joins 符号/值/单位 and reads fractions formatted as %', () => {
    const g = unitGrid(rows);
    const formats = g.map((r) => r.map((_, c) => (c === 6 ? '0.00%' : 'General')));
    const res = parseKpiGrid(g, { formats });
    const p = res.projects[0];
    expect(res.layout).toBe(4);
    expect(res.rowKinds.slice(0, 4)).toEqual(['meta', 'header', 'header', 'indicator']);
    expect(p.indicators[0]).toMatchObject({ level1: '单位产出', level2: '数量', scoring: '年轻骨干人数占总人数', value: '≥70%' });
    expect(p.indicators[0].parsed).toMatchObject({ op: '≥', number: 70, unit: '%', percentFromFormat: true });
    expect(p.indicators[0].cells).toMatchObject({ op: 'F4', value: 'G4', unit: 'H4', basis: 'I4', scoring: 'D4' });
    expect(p.indicators[2].level1).toBe('单位效果');
  });
});

describe('grids without a header row (KPI.VALIDATE on bare rows)', () => {
  it('infers the columns of plain rows', () => {
    const res = parseKpiGrid(GOOD.map((r) => [...r]));
    expect(res.layout).toBe(1);
    expect(res.rowKinds).toEqual(GOOD.map(() => 'indicator'));
    expect(res.projects[0].indicators.map((i) => [i.level3, i.value])).toEqual(GOOD.map((r) => [r[2], r[4]]));
  });
  it('infers tier columns', () => {
    const res = parseKpiGrid(GOOD_TIERS.map((r) => [...r]));
    expect(res.layout).toBe(3);
    expect(res.projects[0].indicators[0].tiers?.中.raw).toBe('≥70%');
  });
  it('infers the 符号/值/单位 split', () => {
    const res = parseKpiGrid([
      ['单位产出', '数量', '培训人数', '标准', '描述', '≥', 500, '人', '计划'],
      [null, '质量', '合格率', '标准', '描述', '≥', '95%', null, '计划'],
    ]);
    expect(res.layout).toBe(4);
    expect(res.projects[0].indicators.map((i) => i.value)).toEqual(['≥500人', '≥95%']);
  });
  it('returns no project for a grid that is no 绩效目标表', () => {
    const res = parseKpiGrid([
      ['项目', '金额'],
      ['工资福利支出', 861.59],
    ]);
    expect(res).toEqual({ layout: null, projects: [], rowKinds: ['meta', 'meta'] });
  });
});

describe('splitGoals', () => {
  it.each([
    ['1.目标内容 1', ['目标内容 1']],
    ['1.为做好促进就业工作 2.落实好各项就业创业政策， 3.完善各项政策', ['为做好促进就业工作', '落实好各项就业创业政策', '完善各项政策']],
    ['<p>1.资金按规定使用</p> <p>2.保持就业稳定</p>', ['资金按规定使用', '保持就业稳定']],
    ['支付维护费 1.6 万元', ['支付维护费 1.6 万元']],
    ['', []],
  ])('%s', (text, goals) => {
    expect(splitGoals(text)).toEqual(goals);
  });
});

describe('detectKpiTables', () => {
  it('returns one table per project with its sheet range', () => {
    const a = plainGrid(GOOD);
    const b = tierGrid(GOOD_TIERS);
    const refs = detectKpiTables({ name: '绩效', values: [...a, [], ...b], origin: { row: 2, col: 1 } });
    expect(refs).toEqual([
      { layout: 1, title: '公益性岗位补贴绩效目标表', sheet: '绩效', range: 'B3:G11', top: 0, bottom: 8 },
      { layout: 3, title: '劳动监察等劳动保障经费绩效目标表', sheet: '绩效', range: 'B13:I21', top: 10, bottom: 18 },
    ]);
  });
  it('finds nothing on an empty sheet', () => {
    expect(detectKpiTables({ name: 'x', values: [], origin: { row: 0, col: 0 } })).toEqual([]);
  });
});

describe('parseKpiGrid properties', () => {
  const word = fc.constantFrom('一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '绩效指标', '评价标准', '优', '良', '中', '差', '符号', '值', '单位', '产出指标', '数量指标', '效益指标', '满意度指标', '绩效目标', '项目编码', '预算数', '资金支出计划（%）', '3月底', '12月底', '≥95%', '《1', '25%', '≥', '测试绩效目标表', '');
  const value = fc.oneof(word, fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date());
  const grid = fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 30 });

  it('never throws, labels every row and is deterministic', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const a = parseKpiGrid(g as unknown[][]);
        expect(a.rowKinds).toHaveLength(g.length);
        expect(parseKpiGrid(g as unknown[][])).toEqual(a);
        for (const p of a.projects) for (const i of p.indicators) expect(a.rowKinds[i.row]).toBe('indicator');
      }),
      { numRuns: 500 },
    );
  });

  it('survives non-grids', () => {
    for (const bad of [null, undefined, 'x', 3, [1, 2], [[1], 'row', null], {}] as unknown[]) {
      const r = parseKpiGrid(bad as unknown[][]);
      expect(r.projects).toEqual([]);
      expect(detectKpiTables({ name: 's', values: bad as unknown[][], origin: { row: 0, col: 0 } })).toEqual([]);
    }
  });
});
