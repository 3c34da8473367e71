/** Whatever the parsers hand over, the layout and the narrative never throw and stay well-formed. */
import fc from 'fast-check';
import { Decimal } from '../../src/model/money';
import { parseRange } from '../../src/model/address';
import type { BudgetRow, BudgetTable, TableKind, UnitTables } from '../../src/model/budget/types';
import type { KpiProject } from '../../src/model/kpi/types';
import { buildDisclosurePlan } from '../../src/model/layout';

const KINDS: TableKind[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'];
const KEYS = ['total', 'basic', 'project', 'amount', 'personnel', 'public', 'general', 'value', 'quantity', 'x'];
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('合计', '收入总计', '八、社会保障和就业支出', '“三公”经费小计', '资产总额', '', '[]:*?/\\', '本年支出合计'));
const amount = fc.oneof(fc.constant(null), fc.integer({ min: -1e9, max: 1e9 }).map((n) => new Decimal(n).div(100)));

const row: fc.Arbitrary<BudgetRow> = fc.record({
  r: fc.nat(100),
  side: fc.constantFrom(undefined, 'income' as const, 'expense' as const),
  code: fc.option(fc.stringMatching(/^\d{3,7}$/), { nil: undefined }),
  name: text,
  line: fc.option(text, { nil: undefined }),
  amounts: fc.dictionary(fc.constantFrom(...KEYS), amount),
  cells: fc.constant({}),
  texts: fc.option(fc.dictionary(fc.constantFrom('name', 'item', 'catalog', 'measure'), text), { nil: undefined }),
});

const tableOf = (kind: TableKind): fc.Arbitrary<BudgetTable> =>
  fc.record({
    kind: fc.constant(kind),
    title: text,
    unitLine: fc.constant({}),
    origin: fc.constant({ row: 0, col: 0 }),
    range: fc.constant('A1'),
    columns: fc.array(fc.record({ key: fc.constantFrom(...KEYS), label: text, col: fc.nat(20) }), { maxLength: 6 }),
    rows: fc.array(row, { maxLength: 12 }),
    places: fc.constant(2),
    issues: fc.constant([]),
    empty: fc.boolean(),
  });

const tables: fc.Arbitrary<UnitTables> = fc
  .tuple(...KINDS.map((k) => fc.option(tableOf(k), { nil: undefined })))
  .map((ts) => Object.fromEntries(KINDS.map((k, i) => [k, ts[i]]).filter(([, t]) => t)) as UnitTables);

const project: fc.Arbitrary<KpiProject> = fc.record({
  title: text,
  name: text,
  code: fc.option(text, { nil: undefined }),
  unit: fc.option(text, { nil: undefined }),
  budget: fc.option(fc.oneof(text, fc.constantFrom('24.30', '1,234.5', '12万元', '#N/A')), { nil: undefined }),
  fiscal: fc.option(text, { nil: undefined }),
  other: fc.option(text, { nil: undefined }),
  use: fc.option(text, { nil: undefined }),
  plan: fc.option(fc.array(fc.record({ label: text, value: fc.option(fc.double({ noNaN: false }), { nil: null }), raw: text }), { maxLength: 8 }), { nil: undefined }),
  goals: fc.array(text, { maxLength: 4 }),
  layout: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  indicators: fc.array(
    fc.record({ row: fc.nat(), level1: text, level2: text, level3: text, description: text, value: text, parsed: fc.constant({ kind: 'garbage' as const, raw: '' }), basis: text, cells: fc.constant({}) }),
    { maxLength: 10 },
  ),
  cells: fc.constant({}),
  top: fc.nat(),
  bottom: fc.nat(),
  anchorRow: fc.nat(),
});

it('builds a well-formed plan from arbitrary tables and projects', () => {
  fc.assert(
    fc.property(tables, fc.array(project, { maxLength: 4 }), text, text, (t, ps, name, year) => {
      const plan = buildDisclosurePlan({ unit: { name }, year, tables: t, projects: ps, prior: { 收支总计: '12.5', 基本支出: 'abc' } });
      const names = plan.sheets.map((s) => s.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      // Collect problems and assert once: an expect per cell would dominate the run time.
      const bad: string[] = [];
      for (const s of plan.sheets) {
        if ([...s.name].length > 31 || /[[\]:*?/\\]/.test(s.name)) bad.push(`name ${s.name}`);
        const w = s.columnWidths.length;
        s.values.forEach((r, i) => {
          if (r.length !== w) bad.push(`${s.key} row ${i + 1} width ${r.length}`);
          for (const v of r) if (!(v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) bad.push(`${s.key} row ${i + 1} value ${v}`);
        });
        for (const m of [...s.merges, ...s.styles.map((b) => b.range)]) {
          const p = parseRange(m);
          if (!p || p.end.col >= w || p.end.row >= s.values.length) bad.push(`${s.key} range ${m}`);
        }
        for (const h of Object.values(s.rowHeights)) if (!(h > 0 && h <= 409)) bad.push(`${s.key} height ${h}`);
      }
      for (const a of plan.narrative.amounts) if (!/^-?\d+\.\d{2}$/.test(a.value)) bad.push(`amount ${a.value}`);
      expect(bad).toEqual([]);
    }),
    { numRuns: 150 },
  );
});
