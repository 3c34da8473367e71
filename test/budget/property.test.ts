/**
 * Property: a random balanced 支出总表 (类/款/项, five amount columns whose row identity
 * holds) has no error; moving any single amount by ±0.01…±1000 is always found, on the
 * row of the changed cell.
 */
import fc from 'fast-check';
import { checkTable, parseBudgetTable, isParseError, createDictionary } from '../../src/model/budget';
import { parseA1 } from '../../src/model/address';

const PARTS = 5; // 基本支出, 项目支出, 上解上级支出, 经营支出, 对附属单位补助支出
const HEADER = ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上解上级支出', '经营支出', '对附属单位补助支出'];

type Leaf = number[]; // cents per part
const leaf = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: PARTS, maxLength: PARTS });
const kuan = fc.array(leaf, { minLength: 0, maxLength: 4 });
const lei = fc.array(kuan, { minLength: 1, maxLength: 3 });
const tree = fc.array(lei, { minLength: 1, maxLength: 4 });

interface Built {
  grid: unknown[][];
  names: Record<string, string>;
}

/** Lays a tree out as a table; a 款 without 项 carries its own random amounts. */
function build(t: Leaf[][][], own: Leaf): Built {
  const rows: unknown[][] = [];
  const names: Record<string, string> = {};
  const line = (code: string, parts: number[]) => {
    names[code] = `科目${code}`;
    const total = parts.reduce((a, b) => a + b, 0);
    return [code, names[code], total / 100, ...parts.map((p) => (p ? p / 100 : ''))];
  };
  const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]);
  let grand = new Array(PARTS).fill(0);
  t.forEach((kuans, li) => {
    const leiCode = String(201 + li);
    let leiSum = new Array(PARTS).fill(0);
    const leiRows: unknown[][] = [];
    kuans.forEach((xiangs, ki) => {
      const kuanCode = `${leiCode}${String(ki + 1).padStart(2, '0')}`;
      if (!xiangs.length) {
        leiSum = add(leiSum, own);
        leiRows.push(line(kuanCode, own));
        return;
      }
      let kuanSum = new Array(PARTS).fill(0);
      const xRows = xiangs.map((parts, xi) => {
        kuanSum = add(kuanSum, parts);
        return line(`${kuanCode}${String(xi + 1).padStart(2, '0')}`, parts);
      });
      leiSum = add(leiSum, kuanSum);
      leiRows.push(line(kuanCode, kuanSum), ...xRows);
    });
    grand = add(grand, leiSum);
    rows.push(line(leiCode, leiSum), ...leiRows);
  });
  const total = line('0', grand);
  total[0] = '';
  total[1] = '合计';
  return { grid: [HEADER, total, ...rows], names };
}

function check(b: Built) {
  const t = parseBudgetTable(b.grid, { dictionary: createDictionary(b.names) });
  if (isParseError(t)) throw new Error(t.error);
  expect(t.kind).toBe('T3');
  return [...t.issues, ...checkTable(t)];
}

describe('random balanced code trees', () => {
  it('a balanced table has no finding at all', () => {
    fc.assert(
      fc.property(tree, leaf, (t, own) => {
        expect(check(build(t, own))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('any single amount moved by ±0.01…±1000 is found on its row', () => {
    const delta = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.boolean()).map(([c, neg]) => (neg ? -c : c));
    fc.assert(
      fc.property(tree, leaf, fc.nat(), fc.nat(), delta, (t, own, rowPick, colPick, cents) => {
        const b = build(t, own);
        const r = 1 + (rowPick % (b.grid.length - 1)); // any data row, 合计 included
        const c = 2 + (colPick % (PARTS + 1)); // any amount column, 合计 included
        const old = typeof b.grid[r][c] === 'number' ? (b.grid[r][c] as number) : 0;
        b.grid[r][c] = Math.round(old * 100 + cents) / 100;
        const errors = check(b).filter((f) => f.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.some((f) => parseA1(f.cell!)!.row === r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
