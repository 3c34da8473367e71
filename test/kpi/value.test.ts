import fc from 'fast-check';
import { formatKpiValue, kpiParseCells, parseKpiValue, unitFromName, type ParsedValue } from '../../src/model/kpi';

type Expect = Partial<Pick<ParsedValue, 'kind' | 'op' | 'number' | 'unit' | 'note' | 'ref'>> & { range?: unknown };

const GRAMMAR: [string, Expect][] = [
  // operators
  ['≥95%', { kind: 'quantitative', op: '≥', number: 95, unit: '%' }],
  ['≤1%', { kind: 'quantitative', op: '≤', number: 1, unit: '%' }],
  ['=10 人', { kind: 'quantitative', op: '=', number: 10, unit: '人' }],
  ['>92%', { kind: 'quantitative', op: '>', number: 92, unit: '%' }],
  ['＜70%', { kind: 'quantitative', op: '<', number: 70, unit: '%' }],
  ['＞30%', { kind: 'quantitative', op: '>', number: 30, unit: '%' }],
  ['>=90%', { kind: 'quantitative', op: '≥', number: 90, unit: '%' }],
  ['<=5 天', { kind: 'quantitative', op: '≤', number: 5, unit: '天' }],
  ['不低于 90%', { kind: 'quantitative', op: '≥', number: 90, unit: '%' }],
  ['不少于500人', { kind: 'quantitative', op: '≥', number: 500, unit: '人' }],
  ['不高于 90天', { kind: 'quantitative', op: '≤', number: 90, unit: '天' }],
  ['不超过2万元', { kind: 'quantitative', op: '≤', number: 2, unit: '万元' }],
  ['大于等于95%', { kind: 'quantitative', op: '≥', number: 95, unit: '%' }],
  ['小于等于5%', { kind: 'quantitative', op: '≤', number: 5, unit: '%' }],
  ['60%以上', { kind: 'quantitative', op: '≥', number: 60, unit: '%' }],
  ['4.5%以内', { kind: 'quantitative', op: '≤', number: 4.5, unit: '%' }],
  ['$\\geq 90\\%$', { kind: 'quantitative', op: '≥', number: 90, unit: '%' }],
  ['$\\leq 5\\%$', { kind: 'quantitative', op: '≤', number: 5, unit: '%' }],
  // numbers
  ['≥0.95 百分比', { kind: 'quantitative', op: '≥', number: 0.95, unit: '%' }],
  ['≥0.95 百分 比', { kind: 'quantitative', op: '≥', number: 0.95, unit: '%' }],
  ['4,500 人', { kind: 'quantitative', number: 4500, unit: '人' }],
  ['≥２５５ 人', { kind: 'quantitative', op: '≥', number: 255, unit: '人' }],
  ['１００％', { kind: 'quantitative', number: 100, unit: '%' }],
  ['17.88 万人', { kind: 'quantitative', number: 17.88, unit: '万人' }],
  ['7.24万人', { kind: 'quantitative', number: 7.24, unit: '万人' }],
  // units
  ['100 百分比', { kind: 'quantitative', number: 100, unit: '%' }],
  ['≥98 百分号', { kind: 'quantitative', op: '≥', number: 98, unit: '%' }],
  ['≥3180 人次', { kind: 'quantitative', op: '≥', number: 3180, unit: '人次' }],
  ['≥111 户', { kind: 'quantitative', op: '≥', number: 111, unit: '户' }],
  ['40家', { kind: 'quantitative', number: 40, unit: '家' }],
  ['2起', { kind: 'quantitative', number: 2, unit: '起' }],
  ['3 台', { kind: 'quantitative', number: 3, unit: '台' }],
  ['1000份', { kind: 'quantitative', number: 1000, unit: '份' }],
  ['≥ 10 个', { kind: 'quantitative', op: '≥', number: 10, unit: '个' }],
  ['≤2420 元', { kind: 'quantitative', op: '≤', number: 2420, unit: '元' }],
  ['≤300元/人', { kind: 'quantitative', op: '≤', number: 300, unit: '元/人' }],
  ['300 元每人', { kind: 'quantitative', number: 300, unit: '元/人' }],
  ['≤0.1 万元\\件', { kind: 'quantitative', op: '≤', number: 0.1, unit: '万元/件' }],
  ['≤6.5 万\\次', { kind: 'quantitative', op: '≤', number: 6.5, unit: '万/次' }],
  ['5 个月', { kind: 'quantitative', number: 5, unit: '个月' }],
  ['≤7 个月', { kind: 'quantitative', op: '≤', number: 7, unit: '个月' }],
  ['≥8 小时', { kind: 'quantitative', op: '≥', number: 8, unit: '小时' }],
  ['1 年', { kind: 'quantitative', number: 1, unit: '年' }],
  ['30日内', { kind: 'quantitative', op: '≤', number: 30, unit: '天' }],
  // number then free text
  ['≥95 服务对象大多数满意', { kind: 'quantitative', op: '≥', number: 95, note: '服务对象大多数满意' }],
  ['100 全县百分百监察到位', { kind: 'quantitative', number: 100, note: '全县百分百监察到位' }],
  ['100%完成', { kind: 'quantitative', number: 100, unit: '%', note: '完成' }],
  // ranges and tiers
  ['10%>代偿率≥5%', { kind: 'range', unit: '%', range: { name: '代偿率', upper: { op: '<', number: 10, unit: '%' }, lower: { op: '≥', number: 5, unit: '%' } } }],
  ['10%≥增长率≥5%', { kind: 'range', unit: '%', range: { name: '增长率', upper: { op: '≤', number: 10, unit: '%' }, lower: { op: '≥', number: 5, unit: '%' } } }],
  ['增长率≥20%', { kind: 'quantitative', op: '≥', number: 20, unit: '%', note: '增长率' }],
  ['还款率<5%', { kind: 'quantitative', op: '<', number: 5, unit: '%', note: '还款率' }],
  ['结案率不低于95%', { kind: 'quantitative', op: '≥', number: 95, unit: '%', note: '结案率' }],
  // qualitative
  ['效果显著', { kind: 'qualitative', note: '效果显著' }],
  ['提高', { kind: 'qualitative' }],
  ['有效保证业务工作顺利开展', { kind: 'qualitative' }],
  ['时限内完成', { kind: 'qualitative' }],
  ['按时完成', { kind: 'qualitative' }],
  ['显著改善', { kind: 'qualitative' }],
  ['明显改善', { kind: 'qualitative' }],
  ['有所改善', { kind: 'qualitative' }],
  ['好', { kind: 'qualitative' }],
  ['较好', { kind: 'qualitative' }],
  ['一般', { kind: 'qualitative' }],
  ['单位应缴纳的三项社会保险费或原则上不超过社会保险费实际缴费额的 2/3', { kind: 'qualitative' }],
  // dates and deadlines
  ['每月 15日前发放完成', { kind: 'date' }],
  ['25日', { kind: 'date' }],
  ['每年 12月份征缴期之后', { kind: 'date' }],
  ['每月月底前', { kind: 'date' }],
  ['12月31日前', { kind: 'date' }],
  // references
  ['≤预算控制数', { kind: 'reference', op: '≤', ref: '预算控制数' }],
  ['≤预算批复金额', { kind: 'reference', op: '≤', ref: '预算批复金额' }],
  ['小于等于核定数', { kind: 'reference', op: '≤', ref: '核定数' }],
  ['不超预算', { kind: 'reference', op: '≤', ref: '预算' }],
  ['原则上不高于当地最低工资标准', { kind: 'reference', op: '≤', ref: '当地最低工资标准' }],
  // garbage and empty
  ['《1', { kind: 'garbage' }],
  ['#N/A', { kind: 'garbage' }],
  ['', { kind: 'empty' }],
  ['   ', { kind: 'empty' }],
  ['—', { kind: 'empty' }],
];

describe('parseKpiValue grammar', () => {
  it.each(GRAMMAR)('%s', (text, exp) => {
    const p = parseKpiValue(text);
    expect(p).toMatchObject(exp);
    expect(p.raw).toBe(text);
    if (exp.op === undefined && exp.kind === 'quantitative' && !['60%以上', '4.5%以内', '30日内'].includes(text)) expect(p.op).toBeUndefined();
  });

  it('keeps scale words with the unit, not the number', () => {
    expect(parseKpiValue('17.88 万人')).toMatchObject({ number: 17.88, unit: '万人' });
    expect(parseKpiValue('≥500 万元')).toMatchObject({ number: 500, unit: '万元' });
  });

  it('marks operators spelled in words', () => {
    expect(parseKpiValue('不低于90%').opFromWords).toBe(true);
    expect(parseKpiValue('≥90%').opFromWords).toBeUndefined();
  });

  it('reads numbers and their number format the way the cell shows them', () => {
    expect(parseKpiValue(0.95, '0%')).toMatchObject({ kind: 'quantitative', number: 95, unit: '%', percentFromFormat: true, raw: '95%' });
    expect(parseKpiValue(0.25, '0.00%')).toMatchObject({ number: 25, unit: '%' });
    expect(parseKpiValue(0.1 + 0.2, '0%')).toMatchObject({ number: 30 });
    expect(parseKpiValue(0.95)).toMatchObject({ kind: 'quantitative', number: 0.95 });
    expect(parseKpiValue(0.95).unit).toBeUndefined();
    expect(parseKpiValue(95, '"%"0')).toMatchObject({ number: 95 }); // a quoted % is text, not scaling
    expect(parseKpiValue(null)).toMatchObject({ kind: 'empty' });
    expect(parseKpiValue(true)).toMatchObject({ kind: 'garbage' });
    expect(parseKpiValue(NaN)).toMatchObject({ kind: 'garbage' });
    expect(parseKpiValue({ error: '#N/A' })).toMatchObject({ kind: 'garbage' });
    expect(parseKpiValue(new Date(Date.UTC(2023, 11, 31)))).toMatchObject({ kind: 'date', raw: '2023-12-31' });
  });

  it('classifies long prose without pattern work', () => {
    const long = '保障'.repeat(5000) + '≥95%';
    const t0 = Date.now();
    expect(parseKpiValue(long).kind).toBe('qualitative');
    expect(Date.now() - t0).toBeLessThan(2000); // no catastrophic backtracking (hang guard)
  });
});

describe('formatKpiValue', () => {
  it.each([
    ['≥ 95 百分比', '≥95%'],
    ['$\\geq 90\\%$', '≥90%'],
    ['17.88 万人', '17.88万人'],
    ['10%>代偿率≥5%', '10%>代偿率≥5%'],
    ['增长率≥20%', '增长率≥20%'],
    ['小于等于核定数', '≤核定数'],
    ['不低于 90%', '≥90%'],
    ['≥95 服务对象大多数满意', '≥95 服务对象大多数满意'],
    ['效果显著', '效果显著'],
    ['', ''],
  ])('%s → %s', (text, canonical) => {
    expect(formatKpiValue(parseKpiValue(text))).toBe(canonical);
  });

  it('round-trips: the canonical text parses to the same value', () => {
    for (const [text] of GRAMMAR) {
      const p = parseKpiValue(text);
      if (p.kind === 'garbage' || p.kind === 'empty') continue;
      const q = parseKpiValue(formatKpiValue(p));
      expect({ kind: q.kind, op: q.op, number: q.number, unit: q.unit }).toEqual({ kind: p.kind, op: p.op, number: p.number, unit: p.unit });
    }
  });
});

describe('kpiParseCells (KPI.PARSE)', () => {
  it('spills 符号 | 数值 | 单位 | 类型', () => {
    expect(kpiParseCells('≥95%')).toEqual(['≥', 95, '%', '定量']);
    expect(kpiParseCells('17.88 万人')).toEqual(['', 17.88, '万人', '定量']);
    expect(kpiParseCells('≤预算控制数')).toEqual(['≤', '预算控制数', '', '参照']);
    expect(kpiParseCells('效果显著')).toEqual(['', '', '', '定性']);
    expect(kpiParseCells('每月月底前')).toEqual(['', '', '', '时间']);
    expect(kpiParseCells('《1')).toEqual(['', '', '', '无法识别']);
    expect(kpiParseCells(0.95, '0%')).toEqual(['', 95, '%', '定量']);
    expect(kpiParseCells('10%>代偿率≥5%')).toEqual(['10%>代偿率≥5%', 5, '%', '区间']);
  });
});

describe('unitFromName', () => {
  it('reads a unit stated in brackets after the name', () => {
    expect(unitFromName('开展就业服务指导培训次数（次）')).toBe('次');
    expect(unitFromName('及时率(%)')).toBe('%');
    expect(unitFromName('参保单位增加数（家）')).toBe('家');
    expect(unitFromName('群众满意度(≥)')).toBeUndefined();
    expect(unitFromName('发放人数')).toBeUndefined();
  });
});

describe('parseKpiValue properties', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom(...'≥≤=<>＞＜%％0123456789.,万人元次率以上内每月日前百分比 $\\geqlt《—'.split('')) }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
    fc.object(),
  );
  it('never throws and always returns a kind and raw text', () => {
    fc.assert(
      fc.property(cell, fc.option(fc.constantFrom('0%', '0.00%', 'General', '@', '"%"0')), (v, f) => {
        const p = parseKpiValue(v, f ?? undefined);
        expect(typeof p.kind).toBe('string');
        expect(typeof p.raw).toBe('string');
        expect(typeof formatKpiValue(p)).toBe('string');
        expect(kpiParseCells(v)).toHaveLength(4);
      }),
      { numRuns: 2000 },
    );
  });
  it('is deterministic', () => {
    fc.assert(
      fc.property(cell, (v) => {
        expect(parseKpiValue(v)).toEqual(parseKpiValue(v));
      }),
      { numRuns: 1000 },
    );
  });
});
