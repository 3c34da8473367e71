/** Hand-built 绩效目标表 projects (shape of src/model/kpi/types.ts) from seeds 004 and 001. */
import type { KpiIndicator, KpiProject, ParsedValue } from '../../src/model/kpi/types';

const parsed = (raw: string): ParsedValue => ({ kind: 'qualitative', raw });

function ind(row: number, level1: string, level2: string, level3: string, description: string, value: string, basis: string): KpiIndicator {
  return { row, level1, level2, level3, description, value, parsed: parsed(value), basis, cells: {} };
}

/** Seed 004 #5 就业工作经费 (plain layout: no 预算数). */
export function employmentProject(): KpiProject {
  const rows: [string, string, string, string, string, string][] = [
    ['产出指标', '数量指标', '开展就业培训数', '开展培训次数', '≥10 次', '单位工作年度计划'],
    ['产出指标', '成本指标', '人均补贴水平', '人均补贴水平', '≤2420 元', '行业标准'],
    ['产出指标', '时效指标', '就业人数登记率', '实际登记失业人数占应登记失业人数', '100%', '单位工作年度计划'],
    ['产出指标', '质量指标', '发放率', '发放率', '100%', '单位工作年度计划'],
    ['效益指标', '社会效益指标', '构建和谐劳动关系', '构建和谐劳动关系', '效果显著', '单位工作年度计划'],
    ['效益指标', '可持续影响指标', '维护社会稳定', '促进就业，维护社会稳定', '效果显著', '单位工作年度计划'],
    ['满意度指标', '服务对象满意度指标', '满意率', '满意率', '≥98%', '调查问卷'],
  ];
  return {
    title: '就业工作经费绩效目标表',
    name: '就业工作经费',
    goals: ['1.健全就业服务体系。', '2.开展培训，满足城乡劳动者对培训需求。', '3.构建和谐劳动关系。'],
    layout: 1,
    indicators: rows.map((r, i) => ind(i + 3, ...r)),
    cells: {},
    top: 0,
    bottom: rows.length + 3,
    anchorRow: 0,
  };
}

/** Seed 001 #2 人事和社会保障工作经费 (full layout: 预算数 24.30, 25% a quarter). */
export function personnelProject(): KpiProject {
  const rows: [string, string, string, string, string, string][] = [
    ['产出指标', '数量指标', '仲裁办案任务结案率', '提高劳动争议仲裁按期结案率', '100%', '按文件'],
    ['产出指标', '数量指标', '公开招聘任务完成率', '公开招聘任务按上级要求完成', '100%', '按文件'],
    ['产出指标', '质量指标', '工资政策落实率', '加强工资政策管理', '100%', '按文件'],
    ['产出指标', '时效指标', '工伤及时认定率', '及时按期认定工伤案件', '100%', '按文件'],
    ['效益指标', '社会效益指标', '对社会保障工作的影响', '提高社会保障工作', '明显提高', '根据调查'],
    ['满意度指标', '服务对象满意度指标', '群众满意率', '服务对象满意度', '≥95%', '根据调查'],
  ];
  return {
    title: '人事和社会保障工作经费绩效目标表',
    name: '人事和社会保障工作经费',
    code: '13082123P00008010001H',
    unit: '323001 承德县人力资源和社会保障局本级',
    budget: '24.30',
    fiscal: '24.30',
    other: '',
    use: '保障公开招聘、仲裁办案、工伤调查等人事和社会保障工作发生的费用。',
    plan: [
      { label: '3月底', value: 25, raw: '25%' },
      { label: '6月底', value: 50, raw: '50%' },
      { label: '10月底', value: 75, raw: '75%' },
      { label: '12月底', value: 100, raw: '100%' },
    ],
    goals: ['1.保障公开招聘、仲裁办案、工伤调查等人事工作正常开展。'],
    layout: 2,
    indicators: rows.map((r, i) => ind(i + 8, ...r)),
    cells: {},
    top: 0,
    bottom: rows.length + 8,
    anchorRow: 0,
  };
}

/** `n` projects of the full layout with budgets 1.01, 2.02 … (for the 50-project timing). */
export function manyProjects(n: number, indicatorsEach = 12): KpiProject[] {
  const base = personnelProject();
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    name: `第${i + 1}号测试项目专项经费`,
    title: `第${i + 1}号测试项目专项经费绩效目标表`,
    budget: ((i + 1) * 1.01).toFixed(2),
    fiscal: ((i + 1) * 1.01).toFixed(2),
    indicators: Array.from({ length: indicatorsEach }, (_, k) => ({ ...base.indicators[k % base.indicators.length], level3: `指标${k + 1}`, row: k })),
  }));
}
