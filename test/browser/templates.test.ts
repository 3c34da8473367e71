/**
 * src/model/templates.ts: the 绩效目标表 block the task pane writes must read back
 * as layout 2 with every field where the clerk put it, and the blank templates must
 * be well-formed plans (title, headers, drop-downs, a BT name that never moves an
 * existing binding).
 */
import { parseKpiGrid } from '../../src/model/kpi/parse';
import { parseRange } from '../../src/model/address';
import { detectTables } from '../../src/model/detect';
import {
  KPI_LEVEL1,
  KPI_LEVEL2,
  KPI_TAXONOMY,
  buildTemplate,
  composeValue,
  emptyDraft,
  kpiProjectBlock,
  kpiProjectTemplate,
  unitKpiTemplate,
  type KpiDraft,
} from '../../src/model/templates';
import type { SheetPlan } from '../../src/model/plan';

const draft: KpiDraft = {
  ...emptyDraft(),
  unit: '323001 巨鹿县人力资源和社会保障局本级',
  code: '13053323P00001',
  name: '城乡居民养老保险待遇发放',
  budget: '120.50',
  fiscal: '100',
  other: '20.5',
  use: '发放城乡居民基础养老金',
  plan: ['25', '50', '80', '100'],
  goals: '1.按月足额发放养老金\n2.服务对象满意',
  indicators: [
    { level1: '产出指标', level2: '数量指标', level3: '待遇领取人数', description: '享受待遇人数', op: '≥', number: '2100', unit: '人', basis: '上年实际' },
    { level1: '产出指标', level2: '质量指标', level3: '养老金发放率', description: '按时足额发放', op: '≥', number: '95', unit: '%', basis: '政策要求' },
    { level1: '效益指标', level2: '社会效益指标', level3: '保障老年人基本生活', description: '', op: '', number: '有效保障', unit: '', basis: '社会调查' },
    { level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度', description: '', op: '≥', number: '90', unit: '%', basis: '问卷' },
  ],
};

describe('kpiProjectBlock (layout 2)', () => {
  const block = kpiProjectBlock(draft);
  const parsed = parseKpiGrid(block.values, { sheet: 'S' });

  test('reads back as one layout-2 project with the header fields', () => {
    expect(parsed.layout).toBe(2);
    expect(parsed.projects).toHaveLength(1);
    const p = parsed.projects[0];
    expect([p.name, p.code, p.use]).toEqual([draft.name, draft.code, draft.use]);
    expect(Number(p.budget)).toBe(120.5);
    expect(Number(p.fiscal)).toBe(100);
    expect(Number(p.other)).toBe(20.5);
    expect(p.plan?.map((x) => x.value)).toEqual([25, 50, 80, 100]);
    expect(p.goals.length).toBe(2);
  });

  test('every indicator lands on its own row with the composed value', () => {
    const p = parsed.projects[0];
    expect(p.indicators.map((i) => [i.row, i.level1, i.level2, i.level3, i.value])).toEqual(
      draft.indicators.map((d, k) => [block.indicatorRows[k], d.level1, d.level2, d.level3, composeValue(d.op, d.number, d.unit)]),
    );
    expect(p.indicators[1].parsed).toMatchObject({ kind: 'quantitative', op: '≥', number: 95, unit: '%' });
  });

  test('amounts are number cells, text stays text', () => {
    const money = block.values.find((r) => r[0] === '预算数')!;
    expect(money.filter((v) => typeof v === 'number')).toEqual([120.5, 100, 20.5]);
    const odd = kpiProjectBlock({ ...draft, budget: '约120万' });
    const row = odd.values.find((r) => r[0] === '预算数')!;
    expect(row[1]).toBe('约120万');
  });

  test('rows are rectangular and merges stay inside the block', () => {
    const w = block.values[0].length;
    expect(block.values.every((r) => r.length === w)).toBe(true);
    for (const m of block.merges) {
      const r = parseRange(m)!;
      expect(r.end.row).toBeLessThan(block.values.length);
      expect(r.end.col).toBeLessThan(w);
    }
  });
});

describe('blank templates', () => {
  const ranges = (s: SheetPlan) => [...s.merges, ...s.styles.map((b) => b.range), ...(s.validations ?? []).map((v) => v.range)];
  const inside = (s: SheetPlan) =>
    ranges(s).every((a) => {
      const r = parseRange(a);
      return !!r && r.end.row < s.values.length && r.end.col < s.columnWidths.length;
    });

  test('taxonomy drop-downs follow the KPI taxonomy', () => {
    expect(KPI_LEVEL1).toEqual(['产出指标', '效益指标', '满意度指标', '成本指标']);
    expect(KPI_TAXONOMY['产出指标']).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    expect(KPI_LEVEL2).toContain('服务对象满意度指标');
    expect(new Set(KPI_LEVEL2).size).toBe(KPI_LEVEL2.length);
  });

  test('project template: layout 2 header, 12 blank rows with 一级/二级 lists', () => {
    const s = kpiProjectTemplate();
    expect(inside(s)).toBe(true);
    const header = s.values.findIndex((r) => r[0] === '一级指标');
    expect(s.values.length - 1 - header).toBe(12);
    expect(s.validations?.map((v) => [v.range, v.list.length])).toEqual([
      [`A${header + 2}:A${header + 13}`, KPI_LEVEL1.length],
      [`B${header + 2}:B${header + 13}`, KPI_LEVEL2.length],
    ]);
  });

  test('unit-wide template: 符号 column restricted to the five operators', () => {
    const s = unitKpiTemplate(5);
    expect(inside(s)).toBe(true);
    expect(s.values[2].slice(5, 8)).toEqual(['符号', '值', '单位']);
    const ops = s.validations?.find((v) => v.range.startsWith('F'));
    expect(ops).toEqual({ range: 'F4:F8', list: ['≥', '≤', '=', '>', '<'], strict: true });
  });

  test.each(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'])('%s: title, 栏次 or header, no 待填写 note, BT name', (kind) => {
    const plan = buildTemplate(kind, [], '2024');
    expect(plan.sheets).toHaveLength(1);
    const s = plan.sheets[0];
    expect(inside(s)).toBe(true);
    const texts = s.values.flat().filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('【待填写'))).toBe(false);
    expect(String(s.values[0][0])).toMatch(/表$/);
    expect(plan.names).toEqual([{ name: expect.stringMatching(/^BT\./), sheetKey: s.key, range: `A1:${String.fromCharCode(64 + s.columnWidths.length)}${s.values.length}` }]);
  });

  test.each(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'])('%s template is found again by table detection', (kind) => {
    const s = buildTemplate(kind, [], '2024').sheets[0];
    const found = detectTables({ name: s.name, values: s.values, origin: { row: 0, col: 0 } });
    expect(found.map((t) => t.kind)).toContain(kind);
  });

  test('an existing binding is never moved by inserting a template', () => {
    expect(buildTemplate('T1', ['BT.收支总表']).names).toEqual([]);
    expect(buildTemplate('T3', ['收支总表']).names).toHaveLength(1);
  });

  test('unknown template key is a Chinese error', () => {
    expect(() => buildTemplate('T99')).toThrow(/没有名为“T99”的空白表模板/);
  });
});
