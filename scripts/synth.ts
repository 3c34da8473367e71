/**
 * Synthetic but realistic inputs for benchmarks: a balanced 支出总表 of any size and
 * a 绩效目标表 grid of any number of indicator rows, in the published layouts.
 */

/** A balanced 单位预算支出总表 grid with about `rows` data rows (类 → 款 → 项, amounts in cents then 万元). */
export function synthExpenditureTable(rows: number, seed = 1): unknown[][] {
  let s = seed;
  const cents = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s % 500000) + 1;
  };
  type Line = { code: string; basic: number; project: number };
  const add = (a: Line[]) => ({ basic: a.reduce((t, l) => t + l.basic, 0), project: a.reduce((t, l) => t + l.project, 0) });
  const body: Line[] = [];
  const classes: Line[] = [];
  let made = 0;
  for (let k = 0; k < 99 && made < rows; k++) {
    const lei = String(201 + k);
    const part: Line[] = [];
    const kuans: Line[] = [];
    for (let j = 1; j <= 20 && made < rows; j++) {
      const kuan = `${lei}${String(j).padStart(2, '0')}`;
      const leaves: Line[] = [];
      for (let i = 1; i <= 30 && made < rows; i++, made++) {
        leaves.push({ code: `${kuan}${String(i).padStart(2, '0')}`, basic: cents(), project: cents() });
      }
      const kl = { code: kuan, ...add(leaves) };
      kuans.push(kl);
      part.push(kl, ...leaves);
      made++;
    }
    const cl = { code: lei, ...add(kuans) };
    classes.push(cl);
    body.push(cl, ...part);
    made++;
  }
  const total = add(classes);
  const money = (c: number) => c / 100;
  const grid: unknown[][] = [
    ['单位预算支出总表', '', '', '', '', '', '', ''],
    ['999001合成测试单位', '', '', '预算年度：2023', '', '', '单位：万元', ''],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上解上级支出', '经营支出', '对附属单位补助支出'],
    ['栏次', '', 1, 2, 3, 4, 5, 6],
    ['', '合计', money(total.basic + total.project), money(total.basic), money(total.project), '', '', ''],
  ];
  for (const r of body) grid.push([r.code, `科目${r.code}`, money(r.basic + r.project), money(r.basic), money(r.project), '', '', '']);
  return grid;
}

const KPI_ROWS: string[][] = [
  ['产出指标', '数量指标', '培训人次', '开展职业技能培训人次', '≥500 人次', '年度工作计划'],
  ['产出指标', '质量指标', '补贴发放准确率', '补贴核算正确的比例', '≥98%', '管理办法'],
  ['产出指标', '时效指标', '补贴发放及时率', '按时发放的比例', '100%', '管理办法'],
  ['产出指标', '成本指标', '人均补贴标准', '每人补贴金额', '≤2000 元/人', '管理办法'],
  ['效益指标', '社会效益指标', '养老金待遇发放率', '应发尽发', '≥225816 人', '工作计划'],
  ['效益指标', '可持续影响指标', '政策持续发挥作用', '长期影响', '效果显著', '工作计划'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '调查问卷满意比例', '≥0.95 百分比', '调查问卷'],
];

/** A plain-layout 绩效目标表 (kpi.md layout 1) with `rows` indicator rows across many projects. */
export function synthKpiGrid(rows: number): unknown[][] {
  const grid: unknown[][] = [];
  let p = 0;
  while (grid.length < rows) {
    p++;
    grid.push([`${p}、合成项目${p}绩效目标表`, '', '', '', '', '']);
    grid.push(['绩效目标', `1.完成项目${p}年度任务。`, '', '', '', '']);
    grid.push(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    for (const r of KPI_ROWS) grid.push([...r]);
  }
  return grid;
}
