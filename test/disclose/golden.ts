/**
 * Reading a rendered package back (plan values or a re-read .xlsx, both as grids)
 * and comparing it with the seed 004 transcription. One reader for both renderers.
 */
import type { PlanValue } from '../../src/model/plan';
import * as seed from './seed004';

export type Grid = PlanValue[][];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const amount = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** Row index (0-based) of the 栏次 row, -1 if none. */
export function lanciRow(g: Grid): number {
  return g.findIndex((r) => text(r[0]) === '栏次');
}

/** Header cell texts between the unit line and the 栏次 row, row by row, blanks skipped. */
export function headerTexts(g: Grid): string[] {
  const end = lanciRow(g);
  return g.slice(2, end).flatMap((r) => r.map(text).filter(Boolean));
}

/** Data rows after the 栏次 row up to the first row whose 序号 is not a number (the note). */
export function dataRows(g: Grid): unknown[][] {
  const start = lanciRow(g) + 1;
  const out: unknown[][] = [];
  for (let i = start; i < g.length; i++) {
    if (typeof g[i][0] !== 'number') break;
    out.push(g[i]);
  }
  return out;
}

/** Coded table rows as [code|null, name, ...amounts] (the 合计 row has its label in the code column). */
export function codedRows(g: Grid, amountCols: number): seed.CodedRow[] {
  return dataRows(g).map((r) => {
    const total = text(r[1]) === '合计';
    const amts = r.slice(3, 3 + amountCols).map(amount);
    return [total ? null : text(r[1]), total ? '合计' : text(r[2]), ...amts] as seed.CodedRow;
  });
}

/** What every seed 004 table sheet must show, checked against any grid reader. */
export function expectSeedTable(kind: string, g: Grid): void {
  expect(text(g[0][0])).toBe(seed.TITLES[kind]);
  const unit = g[1].map(text).filter(Boolean);
  expect(unit).toEqual([`${seed.UNIT.code}${seed.UNIT.name}`, `预算年度：${seed.YEAR}`, '单位：万元']);
  expect(headerTexts(g)).toEqual(seed.HEADERS[kind === 'T7' || kind === 'T8' ? 'T5' : kind]);
  // 栏次 row counts the columns after 序号.
  const lanci = g[lanciRow(g)];
  expect(lanci.slice(1)).toEqual(lanci.slice(1).map((_, i) => i + 1));
}

export function expectSeedT1(g: Grid): void {
  const rows = dataRows(g);
  expect(rows).toHaveLength(34);
  expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));
  expect(rows.slice(0, 9).map((r) => text(r[1]))).toEqual(seed.T1_INCOME_TEXTS);
  expect(rows.slice(0, 31).map((r) => text(r[3]))).toEqual(seed.CLASS_LINE_TEXTS);
  const amounts = new Map<string, number | null>();
  for (const r of rows) {
    if (text(r[1])) amounts.set(text(r[1]), amount(r[2]));
    if (text(r[3])) amounts.set(text(r[3]), amount(r[4]));
  }
  const expected = new Map<string, number | null>([...seed.T1_INCOME, ...seed.T1_EXPENSE]);
  for (const [l, lv, r, rv] of seed.T1_TOTALS) {
    expected.set(l, lv);
    expected.set(r, rv);
  }
  for (const [label, v] of amounts) expect([label, v]).toEqual([label, expected.get(label) ?? null]);
  expect(rows.slice(31).map((r) => [text(r[1]), text(r[3])])).toEqual(seed.T1_TOTALS.map(([l, , r]) => [l, r]));
}

export function expectSeedT4(g: Grid): void {
  const rows = dataRows(g);
  expect(rows).toHaveLength(37);
  expect(rows.slice(0, 31).map((r) => text(r[3]))).toEqual(seed.CLASS_LINE_TEXTS);
  expect(rows.slice(0, 3).map((r) => text(r[1]))).toEqual(['一、一般公共预算拨款', '二、政府性基金预算拨款', '三、国有资本经营预算拨款']);
  expect(rows.slice(31).map((r) => [text(r[1]), text(r[3])])).toEqual([
    ['本年收入合计', '本年支出合计'],
    ['年初财政拨款结转和结余', '年末财政拨款结转和结余'],
    ['一、一般公共预算拨款', ''],
    ['二、政府性基金预算拨款', ''],
    ['三、国有资本经营预算拨款', ''],
    ['收入总计', '支出总计'],
  ]);
  const filled = rows.filter((r) => r.slice(2).some((v, i) => i !== 1 && amount(v) !== null)).map((r) => [r[0], ...[2, 4, 5, 6, 7].map((c) => amount(r[c]))]);
  expect(filled).toEqual([
    [1, 3889.89, null, null, null, null],
    [8, null, 3798.89, 3798.89, null, null],
    [10, null, 38, 38, null, null],
    [20, null, 53, 53, null, null],
    [32, 3889.89, 3889.89, 3889.89, null, null],
    [37, 3889.89, 3889.89, 3889.89, null, null],
  ]);
}

export function expectSeedT9(g: Grid): void {
  const rows = dataRows(g);
  expect(rows.map((r) => text(r[1]))).toEqual(seed.T9_TEXTS);
  expect(rows.every((r) => r.slice(2).every((v) => amount(v) === null))).toBe(true);
  expect(text(g[g.length - 1][0])).toBe('注：无财政拨款“三公”经费支出预算，空表列示。');
}

/** Checks all nine tables of a package given a grid per table kind. */
export function expectSeedPackage(grid: (kind: string) => Grid): void {
  for (const k of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']) expectSeedTable(k, grid(k));
  expectSeedT1(grid('T1'));
  expect(codedRows(grid('T2'), 10)).toEqual(seed.T2_ROWS);
  expect(codedRows(grid('T3'), 6)).toEqual(seed.T3_ROWS);
  expectSeedT4(grid('T4'));
  expect(codedRows(grid('T5'), 3)).toEqual(seed.T5_ROWS);
  expect(codedRows(grid('T6'), 3)).toEqual(seed.T6_ROWS);
  for (const [k, note] of [['T7', '注：无政府性基金预算财政拨款预算，空表列示。'], ['T8', '注：无国有资本经营预算财政拨款预算，空表列示。']]) {
    const g = grid(k);
    expect(dataRows(g)).toEqual([]);
    expect(text(g[g.length - 1][0])).toBe(note);
  }
  expectSeedT9(grid('T9'));
}
