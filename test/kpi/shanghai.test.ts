/**
 * The Shanghai 财政项目支出绩效目标填报表 (a fixture written from the layout notes): the merged
 * `绩效指标` label column, the 项目资金（元） block with its two identities, the two goal texts,
 * values written by the budget system as `≥2500.00(平方米)`, and a 二级 wrapped in its cell.
 */
import { analyzeKpi, checkProject, parseKpiGrid, parseKpiValue } from '../../src/model/kpi';
import { shanghaiGrid, SHANGHAI_ROWS } from '../fixtures/kpi/shanghai';

const parse = (g: unknown[][]) => parseKpiGrid(g, { scan: true, sheet: '上海' });

describe('Shanghai 财政项目支出绩效目标填报表', () => {
  it('is read with its header block, funds and goals', () => {
    const res = parse(shanghaiGrid());
    expect(res.projects).toHaveLength(1);
    const p = res.projects[0];
    expect(p.name).toBe('社区公共空间微更新');
    expect(p.amountUnit).toBe('元');
    expect(p.budget).toBe('860000');
    expect(p.funds).toMatchObject({
      total: { raw: '1280000', cell: 'C7' },
      fiscal: { raw: '1200000' },
      other: { raw: '80000', cell: 'C10' },
      annual: { raw: '860000', cell: 'E7' },
      appropriation: { raw: '780000' },
      carryover: { raw: '0' },
      annualOther: { raw: '80000', cell: 'E10' },
    });
    expect(p.goals.join(' ')).toContain('2023年完成2处口袋公园改造');
    expect(p.goals.join(' ')).not.toContain('年度总体目标');
    expect(p.indicators).toHaveLength(SHANGHAI_ROWS.length);
    const first = p.indicators[0];
    expect([first.level1, first.level2, first.level3]).toEqual(['产出指标', '数量指标', '改造公共空间面积']);
    expect(first.parsed).toMatchObject({ op: '≥', number: 2500, unit: '平方米' });
    expect(p.indicators[8].level2.replace(/\s/g, '')).toBe('服务对象满意度指标');
    expect(p.indicators[8].cells.value).toBe('E22');
  });

  it('gives no error or warning on well-formed rows', () => {
    const p = parse(shanghaiGrid()).projects[0];
    expect(checkProject(p).filter((f) => f.severity !== 'info').map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it('reports a broken 项目资金 identity on the total cell', () => {
    const p = parse(shanghaiGrid({ total: 1300000, annual: 900000 })).projects[0];
    const fs = checkProject(p).filter((f) => f.rule === 'KPI-HDR-04');
    expect(fs.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['C7', '1280000.00', '1300000.00'],
      ['E7', '860000.00', '900000.00'],
    ]);
    expect(fs[1].message).toContain('当年财政拨款 + 上年结转资金 + 其他资金');
  });

  it('judges hand-written values with the same rules', () => {
    const rows = [
      [null, '产出指标', '数量指标', '改造公共空间面积', '改造公共空间面积≥2500平方米', null],
      [null, null, '质量指标', '工程验收合格率', '不低于95%', null],
      [null, null, null, '施工安全事故发生率', '≥1.00(%)', null],
      [null, null, '时效指标', '项目按期完工率', '95%', null],
      [null, null, '成本指标', '每平方米改造成本', '≤2000000.00(元)', null],
      [null, '效益指标', '社会效益指标', '居民获得感', '提高', null],
      [null, '满意度指标', '服务对象满意度指标', '居民满意度', '≥0.9(%)', null],
    ];
    const p = parse(shanghaiGrid({ rows })).projects[0];
    const got = checkProject(p).map((f) => [f.cell, f.rule]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['E16', 'KPI-DIR-01'], // 事故发生率 ≥1% → ≤1.00(%)
        ['E17', 'KPI-OP-01'],
        ['E18', 'KPI-COST-01'], // 2,000,000 元 > 年度资金申请总额 860,000 元
        ['E19', 'KPI-VAG-01'],
        ['E20', 'KPI-PCT-02'],
      ]),
    );
    const dir = checkProject(p).find((f) => f.rule === 'KPI-DIR-01');
    expect(dir?.suggestion).toBe('≤1.00(%)');
    expect(got.filter(([, r]) => /STRUCT/.test(r as string))).toEqual([]);
  });

  it('reads the notation of the budget system', () => {
    expect(parseKpiValue('=3.00(万人次)')).toMatchObject({ op: '=', number: 3, unit: '万人次' });
    expect(parseKpiValue('>10.00(次)')).toMatchObject({ op: '>', number: 10, unit: '次' });
    expect(parseKpiValue('=12.00(个/年)')).toMatchObject({ unit: '个/年' });
    // A word in brackets is a note, not a unit.
    expect(parseKpiValue('≥90 (满意)').unit).toBeUndefined();
  });

  it('is found when the whole workbook is scanned', () => {
    const { projects, findings } = analyzeKpi([{ name: '绩效目标', values: shanghaiGrid() } as never]);
    expect(projects).toHaveLength(1);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('a sheet the parser cannot map with confidence', () => {
  it('is reported once as unread, not row by row', () => {
    // Column headers name 一级/二级/三级/指标值, but every data row is shifted one column right.
    const g = [['1.社区服务项目绩效目标表'], ['一级指标', '二级指标', '三级指标', '指标值'], ...Array.from({ length: 8 }, (_, i) => [null, '产出指标', '数量指标', `培训人次${i}`, '≥95人次'])];
    const { projects, findings } = analyzeKpi([{ name: '绩效', values: g } as never]);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['KPI-SHEET-01', 'A1']]);
    expect(findings[0].message).toContain('社区服务');
    expect(projects).toEqual([]);
  });

  it('a header-word layout with its columns in another order is read, not reported as unread', () => {
    const g = [
      ['2.社区服务项目绩效目标表'],
      ['三级指标', '指标值', '一级指标', '二级指标', '指标值确定依据'],
      ['培训人次', '≥95人次', '产出指标', '数量指标', '工作计划'],
      ['培训合格率', '≥90%', null, '质量指标', '工作计划'],
      ['居民获得感', '明显提升', '效益指标', '社会效益指标', '问卷'],
      ['居民满意度', '≥90%', '满意度指标', '服务对象满意度指标', '问卷'],
    ];
    const { projects, findings } = analyzeKpi([{ name: '绩效', values: g } as never]);
    expect(projects).toHaveLength(1);
    expect(projects[0].indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['产出指标', '数量指标', '培训人次'],
      ['产出指标', '质量指标', '培训合格率'],
      ['效益指标', '社会效益指标', '居民获得感'],
      ['满意度指标', '服务对象满意度指标', '居民满意度'],
    ]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
