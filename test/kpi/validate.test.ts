import fc from 'fast-check';
import {
  analyzeKpi,
  checkProject,
  KPI_DATA_COLUMNS,
  kpiDataRows,
  mergeRuleSettings,
  NO_TABLE_MESSAGE,
  parseKpiGrid,
  readRuleSettings,
  validateKpiRows,
} from '../../src/model/kpi';
import { fullGrid, GOOD, GOOD_TIERS, goodWith, plainGrid, tierGrid, unitGrid, type Row } from './helpers';

const unitRows: Row[] = [
  ['单位产出', '数量', '培训人数', '完成培训人数', '年度培训人数', '≥', 500, '人', '工作计划'],
  [null, '质量', '培训合格率', '合格人数占比', '合格率', '≥', '95%', null, '工作计划'],
  ['单位效果', '社会效益', '就业率', '就业人数占比', '就业率', '≥', '90%', null, '统计报表'],
  [null, '满意度', '服务群众满意度', '满意人数占比', '满意度', '≥', '95%', null, '问卷调查'],
];

const LAYOUTS: [string, Row[]][] = [
  ['layout 1', plainGrid(goodWith(1, [null, '质量指标', '发放率', '按时足额发放的比例', '≥0.95 百分比', '政策要求']))],
  ['layout 2', fullGrid({ plan: ['25%', '25%', '25%', '25%'] })],
  ['layout 3', tierGrid([...GOOD_TIERS, ['产出指标', '故障降低率(％)', '同期下降比率', '≤10%', '≤20%', '≤30%', '＞30%', '比较']])],
  ['layout 4', unitGrid([...unitRows, [null, '可持续影响', null, null, null, null, null, null, null]])],
  ['bare rows', GOOD.map((r) => [...r])],
];

describe('validateKpiRows (KPI.VALIDATE)', () => {
  it.each(LAYOUTS)('%s: one output row per input row', (_, grid) => {
    const out = validateKpiRows(grid) as string[][];
    expect(out).toHaveLength(grid.length);
    for (const row of out) expect(row).toHaveLength(1);
    const kinds = parseKpiGrid(grid).rowKinds;
    out.forEach(([cell], i) => {
      if (kinds[i] === 'indicator') expect(cell).toMatch(/^(✔|✘|⚠|ℹ)/);
    });
  });

  it('marks clean indicator rows ✔, leaves header/meta rows blank and writes findings on their row', () => {
    const out = validateKpiRows(LAYOUTS[0][1]) as string[][];
    expect(out.map((r) => r[0])).toEqual([
      '',
      '',
      '',
      '✔',
      expect.stringMatching(/^⚠ “发放率”的指标值“≥0\.95 百分比”.*应为 ≥95%/),
      '✔',
      '✔',
      '✔',
      '✔',
    ]);
  });

  it('puts project findings on the cell they concern (the plan) and tier findings on the indicator row', () => {
    const out2 = validateKpiRows(LAYOUTS[1][1]) as string[][];
    expect(out2[7][0]).toMatch(/^✘ 资金支出计划最后一期“12月底”为 25%/);
    const out3 = validateKpiRows(LAYOUTS[2][1]) as string[][];
    expect(out3[9][0]).toMatch(/^⚠ “故障降低率\(％\)”的评价标准 ≤10% ≤20% ≤30% ＞30% 方向反了/);
  });

  it('joins several findings of one row with ；, errors first', () => {
    const g = plainGrid(goodWith(2, [null, '时效指标', '养老金待遇发放率', '发放率', '≥225816 人', null]));
    const cell = (validateKpiRows(g) as string[][])[5][0];
    expect(cell.split('；').map((s) => s[0])).toEqual(['✘', '⚠']);
  });

  it('summary mode counts findings', () => {
    expect(validateKpiRows(plainGrid(GOOD), 'summary')).toBe('✔ 无问题');
    expect(validateKpiRows(LAYOUTS[0][1], 'summary')).toBe('1 个警告');
    expect(validateKpiRows(plainGrid(goodWith(2, [null, '时效指标', '养老金待遇发放率', '发放率', '≥225816 人', null])), 'summary')).toBe('1 个错误，1 个警告');
  });

  it('says so when the range holds no 绩效目标表', () => {
    expect(validateKpiRows([['项目', '金额'], ['工资', 1]])).toEqual([[NO_TABLE_MESSAGE], ['']]);
    expect(validateKpiRows([['项目', '金额']], 'summary')).toBe(NO_TABLE_MESSAGE);
    expect(validateKpiRows([])).toEqual([[NO_TABLE_MESSAGE]]);
  });

  it('applies rule settings (switch off, re-grade)', () => {
    const g = LAYOUTS[0][1];
    expect(validateKpiRows(g, 'summary', { settings: { disabled: ['KPI-PCT-02'] } })).toBe('✔ 无问题');
    expect(validateKpiRows(g, 'summary', { settings: { severity: { 'KPI-PCT-*': 'error' } } })).toBe('1 个错误');
  });

  it('shows accepted warnings with their reason and stops counting them', () => {
    const g = LAYOUTS[0][1];
    const settings = { accepted: { 'KPI-PCT-02@!E5': '上级模板要求按小数填报' } };
    expect(validateKpiRows(g, 'summary', { settings })).toBe('✔ 无问题（另有 1 个警告已接受）');
    expect((validateKpiRows(g, 'rows', { settings }) as string[][])[4][0]).toMatch(/^⚠ \[已接受：上级模板要求按小数填报\] /);
  });

  it('maps findings to rows with an origin', () => {
    const out = validateKpiRows(LAYOUTS[0][1], 'rows', { origin: { row: 20, col: 3 } }) as string[][];
    expect(out[4][0]).toMatch(/^⚠/);
  });

  it('keeps exactly one output row per input row on arbitrary grids', () => {
    const v = fc.oneof(fc.constantFrom('一级指标', '三级指标', '指标值', '产出指标', '≥95%', '效果显著', '优', '良', '符号', ''), fc.string(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(v, { maxLength: 8 }), { minLength: 1, maxLength: 25 }), (g) => {
        const out = validateKpiRows(g as unknown[][]) as string[][];
        expect(out).toHaveLength(g.length);
        expect(typeof validateKpiRows(g as unknown[][], 'summary')).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('readRuleSettings', () => {
  it('reads switches, re-grading and acceptances from a 设置 grid', () => {
    const s = readRuleSettings([
      ['规则', '启用', '级别', '位置', '理由'],
      ['KPI-MGMT-01', '否', null, null, null],
      ['KPI-DIR-*', '是', '强制', null, null],
      ['KPI-OP-01', '是', '信息', null, null],
      ['KPI-UNIT-02', null, null, 'E9', '省厅模板不带%'],
      ['说明：以上为本县设置', null, null, null, null],
    ]);
    expect(s).toEqual({
      disabled: ['KPI-MGMT-01'],
      severity: { 'KPI-DIR-*': 'error', 'KPI-OP-01': 'info' },
      accepted: { 'KPI-UNIT-02@!E9': '省厅模板不带%' },
    });
  });
  it('assumes 规则 | 启用 | 级别 without a header and ignores junk', () => {
    expect(readRuleSettings([['KPI-SAT-01', 'FALSE', ''], [null, 1, 2], 'x' as unknown as unknown[]])).toEqual({ disabled: ['KPI-SAT-01'] });
    expect(readRuleSettings(null as unknown as unknown[][])).toEqual({});
  });
  it('merges settings', () => {
    expect(mergeRuleSettings({ disabled: ['A'] }, undefined, { disabled: ['B'], severity: { C: 'info' } })).toEqual({ disabled: ['A', 'B'], severity: { C: 'info' } });
  });
});

describe('analyzeKpi and kpiDataRows', () => {
  const sheets = [
    { name: '项目1', values: plainGrid(goodWith(1, [null, '质量指标', '发放率', '按时足额发放的比例', '≥0.95 百分比', '政策要求'])), origin: { row: 0, col: 0 } },
    { name: '项目2', values: tierGrid(GOOD_TIERS), origin: { row: 4, col: 0 } },
    { name: '收支总表', values: [['项目', '金额'], ['工资福利支出', 861.59]], origin: { row: 0, col: 0 } },
  ];

  it('parses every sheet and tags findings with the sheet', () => {
    const { projects, findings } = analyzeKpi(sheets);
    expect(projects.map((p) => [p.sheet, p.layout])).toEqual([
      ['项目1', 1],
      ['项目2', 3],
    ]);
    expect(findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual([['项目1', 'E5', 'KPI-PCT-02']]);
  });

  it('reads a 设置 sheet in the workbook', () => {
    const withSettings = [...sheets, { name: '设置', values: [['规则', '启用'], ['KPI-PCT-02', '否']], origin: { row: 0, col: 0 } }];
    expect(analyzeKpi(withSettings).findings).toEqual([]);
    expect(analyzeKpi(withSettings, { severity: { 'KPI-PCT-02': 'error' } }).findings).toEqual([]);
  });

  it('gives one KPI.DATA row per indicator', () => {
    const { projects, findings } = analyzeKpi(sheets);
    const rows = kpiDataRows(projects, '测试局', findings);
    expect(KPI_DATA_COLUMNS).toHaveLength(10);
    expect(rows).toHaveLength(GOOD.length + GOOD_TIERS.length);
    expect(rows[0]).toEqual(['测试局', '公益性岗位补贴', '产出指标', '数量指标', '享受补贴人员数量', '≥', 158, '人', '越高越好', '通过']);
    expect(rows[1]).toEqual(['测试局', '公益性岗位补贴', '产出指标', '质量指标', '发放率', '≥', 0.95, '%', '越高越好', '警告']);
    expect(rows[GOOD.length + 3][8]).toBe('越低越好');
    for (const r of rows) expect(r).toHaveLength(KPI_DATA_COLUMNS.length);
    // Without findings it runs the checks itself.
    expect(kpiDataRows(projects.slice(0, 1))[1][9]).toBe('警告');
    expect(checkProject(projects[0]).length).toBe(1);
  });
});
