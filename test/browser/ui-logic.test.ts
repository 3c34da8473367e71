/**
 * The task pane's plain logic (no DOM): binding status, accepted warnings, grouping,
 * filtering and the BUDGET.FINDINGS rows, the error text shown in MessageBars.
 */
import type { Finding } from '../../src/model/findings';
import { bindStatus } from '../../src/taskpane/ui/table-status';
import {
  countFindings,
  filterFindings,
  groupFindings,
  markAccepted,
  openCount,
  reportRows,
} from '../../src/taskpane/ui/findings-view';
import { errorText } from '../../src/taskpane/ui/hooks';
import { checkDraft, draftFromProject, overwriteBlock } from '../../src/taskpane/ui/kpi-draft';
import { emptyDraft, kpiProjectBlock } from '../../src/model/templates';
import { indicatorFromLibrary, searchLibrary } from '../../src/taskpane/ui/library';
import { parseKpiGrid } from '../../src/model/kpi/parse';

const t = { kindName: '收支总表', sheet: '2.15 收支总表', range: 'A1:E40' };

describe('bindStatus', () => {
  test.each([
    [{}, 'unbound'],
    [{ 'BT.收支总表': "'2.15 收支总表'!A1:E40" }, 'bound'],
    [{ 'BT.收支总表': "'2.15 收支总表'!$A$1:$E$40" }, 'bound'],
    [{ 收支总表: "'2.15 收支总表'!A1:E40" }, 'bound'],
    [{ 'BT.收支总表': "'2.15 收支总表'!A1:E38" }, 'changed'],
    [{ 'BT.收支总表': '#REF!' }, 'changed'],
    [{ 'BT.收支总表': "'2.15 收支总表'!A60:E90" }, 'unbound'],
    [{ 'BT.收支总表': 'Sheet2!A1:E40' }, 'unbound'],
    [{ 'BT.收入总表': "'2.15 收支总表'!A1:E40" }, 'unbound'],
  ] as [Record<string, string>, string][])('%j → %s', (bindings, want) => {
    expect(bindStatus(t, bindings)).toBe(want);
  });
});

const f = (rule: string, severity: Finding['severity'], sheet: string | undefined, cell: string | undefined, table?: string): Finding => ({
  rule,
  severity,
  message: `${rule} 的说明`,
  params: {},
  sheet,
  cell,
  table,
});

const findings: Finding[] = [
  f('BAL-001', 'error', '支出总表', 'C12', 'T3'),
  f('BAL-009', 'warning', '支出总表', 'D12', 'T3'),
  f('KPI-UNIT-01', 'warning', '绩效', 'E7', '就业补助'),
  f('KPI-PCT-03', 'info', '绩效', 'E8', '就业补助'),
  f('WB-001', 'warning', undefined, undefined),
];

describe('findings in the 校验 view', () => {
  const acc = { 'BAL-009@支出总表!D12': '省厅口径', 'BAL-001@支出总表!C12': '不应生效' };
  const shown = markAccepted(findings, acc);

  test('only warnings can be accepted; an acceptance stored for an error is ignored', () => {
    expect(shown.filter((x) => x.accepted).map((x) => [x.rule, x.accepted])).toEqual([['BAL-009', '省厅口径']]);
  });

  test('accepted warnings stop counting as open', () => {
    const c = countFindings(shown);
    expect(c).toEqual({ error: 1, warning: 3, info: 1, accepted: 1 });
    expect(openCount(c)).toBe(3);
  });

  test('groups by table in first-seen order with per-group counts', () => {
    const g = groupFindings(shown);
    expect(g.map((x) => [x.label, x.sheet, x.findings.length, x.counts.error, x.counts.warning])).toEqual([
      ['支出总表', '支出总表', 2, 1, 1],
      ['就业补助', '绩效', 2, 0, 1],
      ['工作簿', undefined, 1, 0, 1],
    ]);
  });

  test('severity filter and hide-accepted', () => {
    expect(filterFindings(shown, { severities: new Set(['warning'] as const), hideAccepted: true }).map((x) => x.rule)).toEqual(['KPI-UNIT-01', 'WB-001']);
    expect(filterFindings(shown, { severities: new Set(['error', 'info'] as const), hideAccepted: false }).map((x) => x.rule)).toEqual(['BAL-001', 'KPI-PCT-03']);
  });

  test('report rows: 规则, 级别, 位置, 说明 with the acceptance and its reason', () => {
    expect(reportRows(shown).slice(0, 2)).toEqual([
      ['BAL-001', '强制', "'支出总表'!C12", 'BAL-001 的说明'],
      ['BAL-009', '提示（已接受）', "'支出总表'!D12", 'BAL-009 的说明【已接受，理由：省厅口径】'],
    ]);
    expect(reportRows(shown)[4]).toEqual(['WB-001', '提示', '', 'WB-001 的说明']);
  });
});

describe('errorText', () => {
  test('Chinese messages pass through; others say what failed in Chinese', () => {
    expect(errorText(new Error('找不到工作表“X”'), '定位')).toBe('找不到工作表“X”');
    expect(errorText(new TypeError('x is undefined'), '运行校验')).toBe('运行校验失败：x is undefined');
    expect(errorText('boom', '写入')).toBe('写入失败：boom');
    expect(errorText(new Error(''), '写入')).toBe('写入失败。');
  });
});

describe('checkDraft (绩效 view)', () => {
  const base = () => {
    const d = emptyDraft();
    d.name = '城乡居民养老保险待遇发放';
    d.budget = '120';
    d.fiscal = '120';
    d.other = '0';
    d.plan = ['25', '50', '75', '100'];
    d.goals = '1.按月足额发放养老金';
    return d;
  };

  test('library entry pre-sets 一级/二级, unit and direction', () => {
    const e = searchLibrary('发放率')[0];
    expect(e).toBeDefined();
    const ind = indicatorFromLibrary(e);
    expect([ind.level1, ind.level2, ind.level3, ind.op, ind.unit]).toEqual([e.level1, e.level2, e.name, '≥', '%']);
  });

  test('a 发放率 given in 人 is flagged on that indicator, not elsewhere', () => {
    const d = base();
    const rate = indicatorFromLibrary(searchLibrary('发放率')[0]);
    const count = indicatorFromLibrary(searchLibrary('人数')[0]);
    d.indicators = [{ ...count, number: '500' }, { ...rate, number: '225816', unit: '人' }];
    const c = checkDraft(d);
    const onRate = c.byIndicator[1].map((f) => f.rule);
    expect(onRate.length).toBeGreaterThan(0);
    expect(c.byIndicator[1].some((f) => f.severity !== 'info' && /%/.test(f.message))).toBe(true);
    expect(c.byIndicator[0].filter((f) => /%/.test(f.message))).toEqual([]);
    // With the right unit the unit finding goes away.
    d.indicators[1] = { ...rate, number: '98' };
    expect(checkDraft(d).byIndicator[1].filter((f) => onRate.includes(f.rule) && /%/.test(f.message))).toEqual([]);
  });

  test('a parsed project loads back into the same draft', () => {
    const d = base();
    d.indicators = [indicatorFromLibrary(searchLibrary('发放率')[0])].map((i) => ({ ...i, number: '98' }));
    const p = parseKpiGrid(kpiProjectBlock(d).values, { sheet: 'S' }).projects[0];
    const back = draftFromProject(p);
    expect(back.indicators).toEqual(d.indicators);
    expect([back.name, back.plan]).toEqual([d.name, d.plan]);
  });

  test('overwrite pads to the old extent and refuses to grow into filled rows', () => {
    const block = kpiProjectBlock({ ...base(), indicators: [] });
    const grid = { name: 'S', origin: { row: 0, col: 0 }, values: [] as unknown[][] };
    for (let r = 0; r < 30; r++) grid.values.push(new Array(8).fill(''));
    const old = { sheet: 'S', top: 2, left: 1, rows: block.values.length + 3, cols: 7 };
    const ob = overwriteBlock(block, old, [grid]);
    expect(ob.target).toBe('B3');
    expect([ob.values.length, ob.values[0].length]).toEqual([old.rows, 7]);
    expect(ob.values.slice(block.values.length).flat().every((v) => v === null)).toBe(true);
    const small = { ...old, rows: block.values.length - 2 };
    grid.values[2 + small.rows + 1][3] = '别人的内容';
    expect(() => overwriteBlock(block, small, [grid])).toThrow(/已有内容/);
  });
});
