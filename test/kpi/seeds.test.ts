/**
 * The seed flaws kpi.md lists, each found with the expected rule on the expected
 * cell, from rows transcribed from the seed texts; and well-formed seed rows
 * (001 #12/#13, 004 #3/#4) that must stay quiet.
 */
import { checkProject, parseKpiGrid, parseKpiValue } from '../../src/model/kpi';
import { findingsOf, H6, H_TIER, pairs, SUB_TIER, type Row } from './helpers';

/** Tab-separated lines as the seed text prints them (blank cells kept). */
const tsv = (...lines: string[]): Row[] => lines.map((l) => l.split('\t').map((c) => (c === '' ? null : c)));

const flawsAt = (grid: Row[], rule: string) => pairs(findingsOf(grid), (f) => f.rule === rule).map(([cell]) => cell);

describe('seed 000 (plain tables)', () => {
  // #4: 2023 年财政对机关事业单位养老保险基金的补助
  const p4: Row[] = [
    ['4.2023 年财政对机关事业单位养老保险基金的补助—人员专项项目绩效目标表'],
    ['绩效目标', '促进机关事业单位养老保险制度健康发展'],
    H6,
    ['产出指标', '数量指标', '登记人数', '机关事业单位养老保险年末数', '≥225816 人', '政策要求'],
    [null, '时效指标', '养老金待遇发放率', '养老金待遇发放率', '≥225816 人', '政策要求'],
    [null, '质量指标', '资金到位率', '实际拨入金额/最少拨入金额', '≥100', '政策要求'],
    [null, '成本指标', '按总成本控制', '按总成本控制', '≥100', '政策要求'],
    ['效果指标', '经济效益指标', '政策知晓率', '保障部门单位事业的推进和发展', '≥90', '政策要求'],
    [null, '社会效益指标', '保障工作的推进和发展', '抽查知晓人数/抽查总人数', '≥100', '社会调查'],
    ['满意度指标', '服务对象满意度指标', '服务群体满意度', '服务群体满意度', '≥95%', '社会调查'],
  ];

  it('#4/#8/#16/#20/#21: 养老金待遇发放率 ≥225816 人 is a rate not in % (error)', () => {
    const fs = findingsOf(p4).filter((f) => f.rule === 'KPI-UNIT-01');
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([['E5', 'error']]);
    expect(fs[0].message).toContain('%');
  });

  it('#4: rates without a unit and the cost without money are reported too', () => {
    expect(pairs(findingsOf(p4), (f) => f.severity !== 'info')).toEqual(
      expect.arrayContaining([
        ['E6', 'KPI-UNIT-02'],
        ['E7', 'KPI-MIS-02'],
        ['E8', 'KPI-UNIT-02'],
      ]),
    );
  });

  // #9: 2023 年中央就业补助资金 150 号
  const p9: Row[] = [
    ['9.2023 年中央就业补助资金 150 号—上级—人员专项项目绩效目标表'],
    ['绩效目标', '确保公益性岗位人员岗位补贴及时足额发放'],
    H6,
    ['产出指标', '数量指标', '享受补贴人员数量', '享受补贴人员数量', '≥80%', '政策要求'],
    [null, '时效指标', '补贴发放率', '补贴发放率', '≥85%', '政策要求'],
    [null, '质量指标', '资金到位率', '资金到位率', '≥100%', '政策要求'],
    [null, '成本指标', '补贴标准', '补贴标准', '≥500 人', '政策要求'],
    ['效果指标', '经济效益指标', '再就业人数', '再就业人数', '≥500 万元', '政策要求'],
    [null, '社会效益指标', '总体就业率', '总体就业率', '≥100%', '社会调查'],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '≥100%', '社会调查'],
  ];
  it('#9: a count in %, a cost in persons, a count in money', () => {
    expect(flawsAt(p9, 'KPI-MIS-01')).toEqual(['E4']);
    expect(flawsAt(p9, 'KPI-MIS-02')).toEqual(['E7']);
    expect(flawsAt(p9, 'KPI-UNIT-04')).toEqual(['E8']);
    expect(flawsAt(p9, 'KPI-PCT-03')).toEqual(['E10', 'E6', 'E9']);
  });

  it('#13: 《1 is garbage (error), not an exception', () => {
    const g: Row[] = [
      ['13.就业补助资金-人员专项项目绩效目标表'],
      ['绩效目标', '通过项目的开展，确保公益性岗位人员岗位补贴及时足额发放。'],
      H6,
      ['产出指标', '数量指标', '享受补贴人员数量', '享受补贴人数', '≥158 人', '政策要求'],
      ['效果指标', '社会效益指标', '总体就业率', '因就业问题发生重大群体性事件', '《1', '社会调查'],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '受益人口满意度', '≥100%', '社会调查'],
    ];
    const fs = findingsOf(g).filter((f) => f.rule === 'KPI-VAL-01');
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([['E5', 'error']]);
  });

  it('#14: 补贴是否发放 ≥1 is a bare number on a yes/no question', () => {
    const g: Row[] = [
      ['14.人才服务中心退休人员补贴-人员专项项目绩效目标表'],
      ['绩效目标', '通过项目的开展实现退休人员待遇。'],
      H6,
      ['产出指标', '数量指标', '发放人数', '发放人数', '=2人', '政策要求'],
      [null, '时效指标', '补贴是否发放', '补贴是否发放', '≥1', '政策要求'],
      ['效果指标', '社会效益指标', '退休人员是否稳定', '退休人员是否和谐稳定', '≥100%', '政策要求'],
      ['满意度指标', '服务对象满意度指标', '退休人员是否满意', '退休人员满意度', '≥100%', '社会调查'],
    ];
    const fs = findingsOf(g).filter((f) => f.rule === 'KPI-UNIT-03');
    expect(fs.map((f) => f.cell)).toEqual(['E5']);
    expect(fs[0].message).toContain('是否类指标');
  });

  it('#18: LaTeX residue values still parse', () => {
    expect(parseKpiValue('$\\geq 90\\%$')).toMatchObject({ kind: 'quantitative', op: '≥', number: 90, unit: '%' });
    expect(parseKpiValue('$\\geq 100\\%$')).toMatchObject({ op: '≥', number: 100, unit: '%' });
    const g: Row[] = [
      ['18.政府购买人员工资及保险-人员专项项目绩效目标表'],
      ['绩效目标', '确保我单位正常工作顺利完成。'],
      H6,
      ['产出指标', '数量指标', '政府购买人员数量', '以政府购买公服岗位的方式', '=10 人', '根据[2019]65 号'],
      [null, '时效指标', '人员素质水平', '通过考试招聘', '$\\geq 90\\%$', '通过考试'],
      ['效果指标', '社会效益指标', '提供就业岗位', '就业岗位个数', '≥ 10 个', '通过测算'],
      ['满意度指标', '服务对象满意度指标', '提高群众满意度', '提高群众满意度', '$\\geq 95\\%$', '通过反馈'],
    ];
    expect(findingsOf(g).filter((f) => f.rule === 'KPI-VAL-01' || f.rule === 'KPI-UNIT-01')).toEqual([]);
  });
});

describe('seed 001 (full tables)', () => {
  // #17 as printed (tab-separated), header block included.
  const p17 = tsv(
    '17.2023 城乡居民养老保险补助冀财社【2022】145 号绩效目标表',
    '323006 承德县城乡居民社会养老保险服务中心',
    '单位：万元',
    '项目编码\t13082123P0000051000 5J\t\t项目名称\t2023 城乡居民养老保险补助冀财社【2022】145\t\t',
    '预算规模及 资金用途\t预算数\t8383.00\t其中：财政 资金\t8383.00\t其他资金\t',
    '\t2023 年城乡居民养老保险补助，提前下达 2023 年中央补助经费',
    '资金支出计 划（%）\t3 月底\t\t6 月底\t10 月底\t12 月底\t',
    '\t25%\t\t50%\t75%\t100%\t',
    '绩效目标\t1.目标内容 1、及时发放养老金待遇 2.目标内容 2、准确发放养老金金额 3.目标内容 3、足额发放养老金待遇',
    '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定 依据\t',
    '产出指标\t数量指标\t开展宣传方式的 数量\t积极推广宣传全民参保登 记\t≥4 次\t冀财社【2022】 145\t',
    '\t数量指标\t财政补贴数 额\t财政补贴资金数额\t≥8383 万 元\t冀财社【2022】 145\t',
    '\t质量指标\t发放率\t养老金按时足额发放的比 例\t≥0.95 百分 比\t冀财社【2022】 145\t',
    '\t质量指标\t养老金待遇 发放差错率\t待遇核算差错率=待遇核 算差错人数/待遇发放人数\t每月月底前\t冀财社【2022】 145\t',
    '\t时效指标\t养老金发放 及时性\t养老金待遇在规定的时 间内完成发放\t时限内完成\t冀财社【2022】 145\t',
    '\t成本指标\t养老金发放 到位率\t确保养老金按时足额发放\t≥90 百分比\t冀财社【2022】 145\t',
    '',
    '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
    '效益指标\t经济效益指标\t保证待遇人员按时领取待遇\t保证待遇人员按时领取待遇\t保证待遇人员按时领取待遇\t根据实际调查',
    '\t社会效益指标\t到龄人员生活水平提高程度\t到龄人员生活水平提高程度\t提高\t根据实际调查',
    '满意度指标\t服务对象满意度指标\t群众满意度\t为参保人员提供全流程经办服务\t≥0.95 百分比\t依据实际调查',
  );

  it('parses the printed table as one layout-2 project', () => {
    const res = parseKpiGrid(p17);
    expect(res.projects).toHaveLength(1);
    const p = res.projects[0];
    expect(p.layout).toBe(2);
    expect(p.budget).toBe('8383.00');
    expect(p.indicators).toHaveLength(9);
    expect(res.rowKinds[17]).toBe('header');
  });

  it('#17–#23: 发放率 and 满意度 ≥0.95 百分比 → 应为 ≥95%', () => {
    const fs = findingsOf(p17).filter((f) => f.rule === 'KPI-PCT-02');
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([
      ['E13', 'warning'],
      ['E21', 'warning'],
    ]);
    expect(fs[0].message).toContain('≥95%');
  });

  it('#17: 养老金待遇发放差错率 = 每月月底前 is a deadline on a rate', () => {
    expect(flawsAt(p17, 'KPI-QUAL-01')).toEqual(['E14']);
  });

  it('#3: 绩效目标 1.目标内容 1 is a template placeholder', () => {
    // #17 has real goals after each leftover `N.目标内容 N、` prefix: a warning, not an error.
    expect(flawsAt(p17, 'KPI-GOAL-02')).toEqual([]);
    expect(flawsAt(p17, 'KPI-GOAL-03')).toEqual(['B9']);
    const g = [...p17];
    g[8] = ['绩效目标', '1.目标内容 1'];
    const fs = findingsOf(g).filter((f) => f.rule === 'KPI-GOAL-02');
    expect(fs[0].message).toContain('目标内容 1');
    expect(fs[0].severity).toBe('error');
  });

  it('#20: 开展宣传方式的数量 ≥0.95 百分比 is a count in %', () => {
    const g = [...p17];
    g[10] = ['产出指标', '数量指标', '开展宣传方式的 数量', '开展宣传方式的 数量', '≥0.95 百分 比', '冀财社 【2022】 174 号'];
    expect(flawsAt(g, 'KPI-MIS-01')).toEqual(['E11']);
  });

  it('#6: a row cut by a page break is joined again', () => {
    const g = tsv(
      '6.诉讼费专项经费绩效目标表',
      '项目编码\t13082123P0000841000 18\t\t项目名称\t诉讼费专项经费',
      '预算规模及 资金用途\t预算数\t2.00\t其中：财政 资金\t2.00\t其他资金\t',
      '绩效目标\t1.确保冒领养老金待遇追回。',
      '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定 依据',
      '产出指标\t数量指标\t工伤待遇支付案件数量\t工伤待遇支付案件数量\t2起\t根据县政府',
      '\t数量指标\t死亡冒领养\t死亡冒领养老金拒不退回\t2起\t根据县政府',
      '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
      '\t\t老金诉讼案件数量\t诉讼案件数量\t\t领导批复',
      '效益指标\t社会效益指\t维护社会稳\t维护社会稳定\t≥90 百分比\t根据县政府',
      '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
      '\t标\t定\t\t\t领导批复',
      '满意度指标\t服务对象满意度指标\t社会满意度\t社会对案件处理的满意度\t≥90 百分比\t根据调查',
    );
    const p = parseKpiGrid(g).projects[0];
    expect(p.indicators.map((i) => [i.level2, i.level3])).toEqual([
      ['数量指标', '工伤待遇支付案件数量'],
      ['数量指标', '死亡冒领养老金诉讼案件数量'],
      ['社会效益指标', '维护社会稳定'],
      ['服务对象满意度指标', '社会满意度'],
    ]);
    expect(findingsOf(g).filter((f) => f.rule.startsWith('KPI-STRUCT-0'))).toEqual([]);
  });
});

describe('seed 003 (tier tables)', () => {
  const tiers = (title: string, rows: Row[], goal = '按时间进度拨付，确保按时足额发放'): Row[] => [[title], ['绩效目标', goal], H_TIER, SUB_TIER, ...rows];

  it('#2: 135×2688×12 = 4,354,560, not 4,386,816', () => {
    const g = tiers(
      '2、408名劳务派遣人员工资、管理等费用绩效目标表',
      [
        ['产出指标', '工资发放及时率', '工资发放次数与全年月数的比例', '100%', '≥90%', '≥80%', '＜80%', '工资发放表'],
        ['效果指标', '社会保险报销及时率（%）', '及时办结件数占比', '≥95%', '≥90%', '≥80%', '＜80%', '统计报表'],
        ['满意度指标', '受益对象满意度(%)', '满意和较满意的受益对象占比', '≥95%', '≥90%', '≥80%', '＜80%', '调查问卷'],
      ],
      '408名劳务派遣员工工资明细如下：硕士研究生6人，每人每月3024元，共计217728元；本科135人，每人每月2688元，共计4386816元；专科267人，每人每月2520元，共计8043840元，每人“四险”单位承担部分792.14元/月，2020年共需保险费3878317.44元。',
    );
    const fs = findingsOf(g).filter((f) => f.rule === 'KPI-CALC-01');
    expect(fs.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['B2', '4354560', '4386816'],
      ['B2', '8074080', '8043840'],
    ]);
    expect(fs[0].message).toContain('135×2688×12');
  });

  it('#11: 故障降低率 ≤10% ≤20% ≤30% ＞30% goes the wrong way; #12 is right', () => {
    const row = (t: string[]): Row => ['产出指标', '故障降低率(％)', '故障发生同期下降比率', ...t, '与去年同期数比较'];
    const bad = tiers('11、机房建设及信息网络建设绩效目标表', [row(['≤10%', '≤20%', '≤30%', '＞30%'])]);
    const good = tiers('12、机关事业养老信息化建设及办公经费绩效目标表', [row(['≥30%', '≥20%', '≥15%', '＜15%'])]);
    expect(flawsAt(bad, 'KPI-TIER-01')).toEqual(['D5']);
    expect(findingsOf(good).filter((f) => f.rule.startsWith('KPI-TIER'))).toEqual([]);
  });

  it('#20: 资金发放到位率 ≥95% ≥90% ≥85% ＜70% leaves 70–85 unassigned', () => {
    const g = tiers('20、社保局运转经费绩效目标表', [['产出指标', '资金发放到位率', '实际发放的金额占应发放金额的比率', '≥95%', '≥90%', '≥85%', '＜70%', '根据银行回单']]);
    const fs = findingsOf(g).filter((f) => f.rule === 'KPI-TIER-02');
    expect(fs.map((f) => f.cell)).toEqual(['G5']);
    expect(fs[0].message).toContain('70%–85%');
  });

  it('#26: the last tier 70% has no operator', () => {
    const g = tiers('26、创业扶持资金绩效目标表', [['满意度指标', '受训人员满意度', '满意和较满意的受训学员占比', '≥90%', '≥80%', '≥70%', '70%', '调查问卷']]);
    expect(flawsAt(g, 'KPI-TIER-04')).toEqual(['G5']);
  });

  it('#17: 资金支出计划 25, 50, 100, 0 by quarter is not cumulative', () => {
    const g: Row[] = [
      ['17、落实重新安置军队退役人员工资待遇绩效目标表'],
      ['项目编码', null, '项目名称', null],
      ['项目资金主要用途', '安置退役军人2人，工资和保险共需130000元'],
      ['资金支出   计划（%）', '第一季度', '第二季度', '第三季度', '第四季度'],
      [null, '25.00', '50.00', '100.00', '0.00'],
      ['绩效目标', '按时间进度拨付,确保涉军人员满意'],
      H_TIER,
      SUB_TIER,
      ['产出指标', '发放及时率', '发放次数占应发放次数的比率', '≥90%', '≥80%', '≥70%', '＜70%', '银行回单'],
      ['效果指标', '补助人群生活改善情况', '生活改善情况', '显著改善', '明显改善', '有所改善', '改善不明显', '问卷调查'],
      ['满意度 ', '涉军人员满意度', '满意人数占比', '≥90%', '≥80%', '≥70%', '＜70%', '问卷调查'],
    ];
    const fs = findingsOf(g).filter((f) => f.rule.startsWith('KPI-PLAN'));
    expect(fs.map((f) => [f.cell, f.rule, f.severity])).toEqual([['E5', 'KPI-PLAN-02', 'error']]);
    // Qualitative tiers are allowed.
    expect(findingsOf(g).filter((f) => f.rule.startsWith('KPI-TIER'))).toEqual([]);
  });

  it('#22: range tiers (代偿率) in the right direction stay quiet, 良/中 overlap at 10% is found', () => {
    const g = tiers('22、小额贷款贴息县级配套资金绩效目标表', [
      ['产出指标', '创业担保基金代偿率', '累计代偿金额/担保责任余额*100', '还款率<5%', '10%>代偿率≥5%', '20%>代偿率≥10%', '代偿率≥20%', '根据银行回单'],
      ['效果指标', '高校毕业生创业人数增长率', '两年对比', '增长率≥20%', '20%>增长率≥10%', '10%≥增长率≥5%', '增长率<5', '两年对比测算'],
      ['满意度指标', '小额贷款人员满意度(%)', '满意对象占比', '≥90%', '≥80%', '≥70%', '＜70%', '问卷调查'],
    ]);
    expect(pairs(findingsOf(g), (f) => f.rule.startsWith('KPI-TIER'))).toEqual([['F6', 'KPI-TIER-03']]);
  });
});

describe('well-formed seed rows stay quiet', () => {
  it('001 #12 produces no error or warning', () => {
    const g = tsv(
      '12.2023 年中央就业补助资金冀财社【2022】150 号绩效目标表',
      '323005 承德县就业服务中心',
      '单位：万元',
      '项目编码\t13082123P0000251000 26\t\t项目名称\t2023 年中央就业补助资金冀财社【2022】150 号\t\t',
      '预算规模及 资金用途\t预算数\t795.00\t其中：财政 资金\t795.00\t其他资金\t',
      '\t就业补助资金',
      '资金支出计 划（%）\t3 月底\t\t6 月底\t\t10 月底\t12 月底',
      '\t\t25%\t\t50%\t75%\t100%',
      '绩效目标\t1.资金按规定用于职业培训补贴等支出。 2.保持就业局势总体稳定。 3.确保年度城镇登记失业率保持在目标范围内。',
      '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t',
      '产出指标\t数量指标\t享受岗位补贴人员数量\t享受岗位补贴人员数量\t284 人\t2023 年就业补助资金预算\t',
      '\t数量指标\t享受社会保险补贴人员数量\t享受社会保险补贴人员数量\t801 人\t2023 年就业补助资金预算\t',
      '\t数量指标\t享受见习岗位补贴人员数量\t享受见习岗位补贴人员数量\t450 人\t2023 年就业补助资金预算\t',
      '\t质量指标\t社会保险补贴发放准确率\t社会保险补贴发放准确数/社会保险补贴发放数*100%\t≥98%\t2023 年就业补助资金预算\t',
      '\t时效指标\t资金在规定时间内下达率\t在规定时间内资金下达数/资金下达数\t≥98%\t2023 年就业补助资金预算\t',
      '\t时效指标\t补贴资金在规定时间内支付到位率\t在规定时间内补贴资金支付金额/补贴资金总额*100%\t≥98%\t2023 年就业补助资金预算\t',
      '\t成本指标\t公益岗岗位补贴人均标准\t原则上不高于当地最低工资标准\t原则上不高于当地最低工资标准\t2023年就业补助资金预算',
      '\t成本指标\t社会保险补贴人均标准\t单位应缴纳的三项社会保险费或原则上不超过社会保险费实际缴费额的 2/3\t单位应缴纳的三项社会保险费或原则上不超过社会保险费实际缴费额的 2/3\t2023年就业补助资金预算',
      '效益指标\t经济效益指标\t城镇新增就业人数\t城镇新增就业人数\t4500 人\t2023年就业补助资金预算',
      '\t社会效益指标\t就业困难人员就业人数\t就业困难人员就业人数\t700 人\t2023年就业补助资金预算',
      '\t可持续影响指标\t城镇调查失业率\t城镇调查失业率\t≤5.5%\t2023年就业补助资金预算',
      '满意度指标\t服务对象满意度指标\t公共就业服务满意度\t公共就业服务满意度\t≥85%\t2023年就业补助资金预算',
      '\t服务对象满意度指标\t就业扶持政策经办服务满意度\t就业扶持政策经办服务满意度\t≥90%\t2023年就业补助资金预算',
    );
    const p = parseKpiGrid(g).projects[0];
    expect(p.indicators).toHaveLength(13);
    expect(p.plan?.map((x) => x.value)).toEqual([25, 50, 75, 100]);
    expect(checkProject(p).filter((f) => f.severity !== 'info').map((f) => [f.cell, f.rule, f.message])).toEqual([]);
  });

  it('004 #3/#4 rows produce no error or warning', () => {
    const g: Row[] = [
      ['3、冀财社 2022年 150号提前下达 2023年中央就业补助资金-中央直达资金绩效目标表'],
      ['绩效目标', '1.促进就业工作有序开展。 2.减轻困难人员生活负担。 3.增加再就业人员收入。'],
      H6,
      ['产出指标', '数量指标', '公益性岗位人数', '全县公益性岗位人数', '≥255 人', '冀财规〔2018〕21号'],
      [null, '质量指标', '补贴核算正确率', '实际发放补贴占核算补贴的比例', '100%', '冀财规〔2018〕21号'],
      [null, '时效指标', '发放补贴时间', '自申请即日起发放补贴时间不高于 90天', '≤90 天', '冀财规〔2018〕21号'],
      [null, '成本指标', '补贴发放标准', '补贴发放标准', '2000元', '冀财规〔2018〕21号'],
      ['效益指标', '社会效益指标', '补贴发放率', '实际领取补贴单位占领取补贴单位比例', '100%', '冀财规〔2018〕21号'],
      ['满意度指标', '服务对象满意度指标', '领取补贴人员满意度', '领取补贴人员满意度', '100%', '调查问卷'],
    ];
    expect(findingsOf(g).filter((f) => f.severity !== 'info').map((f) => [f.cell, f.rule, f.message])).toEqual([]);
  });
});
