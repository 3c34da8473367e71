/**
 * Formulas saved without their results (files written by programs, not by Excel): the
 * reader would see blanks where Excel shows totals, and every identity over them would
 * fail. This evaluates the arithmetic that budget tables use — cell references (also on
 * other sheets), ranges in SUM, + - * /, parentheses, SUM/ROUND/ABS — in dependency
 * order, without recursion over cells and without `eval`. Anything else is left
 * unevaluated, with the reason, for a finding that asks the clerk to open and save
 * the file in Excel or WPS.
 */
import { colIndex } from './address';

export interface PendingFormula {
  sheet: number;
  /** 0-based row and column on the sheet. */
  row: number;
  col: number;
  /** The formula text without `=`. */
  formula: string;
}

export type FormulaOutcome = { ok: true; value: number } | { ok: false; why: string };

/** Reads a value of the workbook (sheet index, 0-based row/col). */
export type CellReader = (sheet: number, row: number, col: number) => unknown;

type Node =
  | { t: 'num'; v: number }
  | { t: 'ref'; sheet: number; row: number; col: number }
  | { t: 'range'; sheet: number; r1: number; c1: number; r2: number; c2: number }
  | { t: 'neg'; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'fn'; name: string; args: Node[] };

class Unsupported extends Error {}

const FUNCTIONS = new Set(['SUM', 'ROUND', 'ABS']);
const MAX_DEPTH = 64;
const MAX_LENGTH = 8192;
/** Cells one formula may read through ranges (a whole-column SUM is refused). */
const MAX_RANGE_CELLS = 1_000_000;

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|((?:'(?:[^']|'')+'|[^\s!'"(),:+\-*/^&=<>]+)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?|([A-Za-z][A-Za-z0-9.]*)\s*\(|([-+*/(),]))/y;

function parseRef(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a)!;
  return { row: Number(m[2]) - 1, col: colIndex(m[1].toUpperCase()) };
}

/** Parses one formula into a tree; sheet names resolve through `sheetIndex`. */
export function parseFormula(text: string, here: number, sheetIndex: (name: string) => number): Node {
  const src = text.replace(/^=/, '');
  if (src.length > MAX_LENGTH) throw new Unsupported('公式过长');
  // Name the first function it cannot compute, before the tokens that function takes trip the tokenizer.
  for (const m of src.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) {
    if (!FUNCTIONS.has(m[1].toUpperCase())) throw new Unsupported(`不支持函数 ${m[1].toUpperCase()}`);
  }
  const toks: { num?: number; sheet?: number; a?: string; b?: string; fn?: string; p?: string }[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported(`不支持的写法“${src.slice(pos, pos + 12)}”`);
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) toks.push({ num: Number(m[1]) });
    else if (m[3] !== undefined) {
      let sheet = here;
      if (m[2]) {
        const name = m[2].slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
        sheet = sheetIndex(name);
        if (sheet < 0) throw new Unsupported(`引用了不存在的工作表“${name}”`);
      }
      toks.push({ sheet, a: m[3], b: m[4] });
    } else if (m[5] !== undefined) toks.push({ fn: m[5].toUpperCase() });
    else toks.push({ p: m[6] });
  }
  let i = 0;
  const peek = () => toks[i];
  const isP = (p: string) => toks[i]?.p === p;
  const expect = (p: string) => {
    if (!isP(p)) throw new Unsupported('公式括号或逗号不完整');
    i++;
  };
  const expr = (depth: number): Node => {
    if (depth > MAX_DEPTH) throw new Unsupported('公式嵌套过深');
    let a = term(depth);
    while (isP('+') || isP('-')) {
      const op = toks[i++].p!;
      a = { t: 'bin', op, a, b: term(depth) };
    }
    return a;
  };
  const term = (depth: number): Node => {
    let a = unary(depth);
    while (isP('*') || isP('/')) {
      const op = toks[i++].p!;
      a = { t: 'bin', op, a, b: unary(depth) };
    }
    return a;
  };
  const unary = (depth: number): Node => {
    if (isP('-')) {
      i++;
      return { t: 'neg', a: unary(depth + 1) };
    }
    if (isP('+')) {
      i++;
      return unary(depth + 1);
    }
    return atom(depth);
  };
  const atom = (depth: number): Node => {
    const k = peek();
    if (!k) throw new Unsupported('公式不完整');
    i++;
    if (k.num !== undefined) return { t: 'num', v: k.num };
    if (k.a !== undefined) {
      const a = parseRef(k.a);
      if (!k.b) return { t: 'ref', sheet: k.sheet!, row: a.row, col: a.col };
      const b = parseRef(k.b);
      return { t: 'range', sheet: k.sheet!, r1: Math.min(a.row, b.row), c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row), c2: Math.max(a.col, b.col) };
    }
    if (k.fn !== undefined) {
      if (!FUNCTIONS.has(k.fn)) throw new Unsupported(`不支持函数 ${k.fn}`);
      const args: Node[] = [];
      if (!isP(')')) {
        args.push(expr(depth + 1));
        while (isP(',')) {
          i++;
          args.push(expr(depth + 1));
        }
      }
      expect(')');
      return { t: 'fn', name: k.fn, args };
    }
    if (k.p === '(') {
      const e = expr(depth + 1);
      expect(')');
      return e;
    }
    throw new Unsupported('公式不完整');
  };
  const tree = expr(0);
  if (i !== toks.length) throw new Unsupported('公式有多余的部分');
  return tree;
}

/** Cells a tree reads (ranges expanded), bounded. */
function refsOf(n: Node, out: [number, number, number][]): void {
  const stack: Node[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.t === 'ref') out.push([x.sheet, x.row, x.col]);
    else if (x.t === 'range') {
      if ((x.r2 - x.r1 + 1) * (x.c2 - x.c1 + 1) + out.length > MAX_RANGE_CELLS) throw new Unsupported('引用的区域过大');
      for (let r = x.r1; r <= x.r2; r++) for (let c = x.c1; c <= x.c2; c++) out.push([x.sheet, r, c]);
    } else if (x.t === 'neg') stack.push(x.a);
    else if (x.t === 'bin') stack.push(x.a, x.b);
    else if (x.t === 'fn') for (const a of x.args) stack.push(a);
  }
}

function scalar(v: unknown, inRange: boolean): number | null {
  if (v === '' || v === null || v === undefined) return 0;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (inRange && typeof v === 'string' && !v.startsWith('#')) return 0; // SUM skips text, as Excel does
  throw new Unsupported(typeof v === 'string' && v.startsWith('#') ? `引用了错误值 ${v}` : `引用了非数字单元格（${String(v).slice(0, 12)}）`);
}

function evaluate(n: Node, read: CellReader): number {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'ref':
      return scalar(read(n.sheet, n.row, n.col), false)!;
    case 'range':
      throw new Unsupported('区域只能用在 SUM 中');
    case 'neg':
      return -evaluate(n.a, read);
    case 'bin': {
      const a = evaluate(n.a, read);
      const b = evaluate(n.b, read);
      if (n.op === '+') return a + b;
      if (n.op === '-') return a - b;
      if (n.op === '*') return a * b;
      if (b === 0) throw new Unsupported('除数为 0');
      return a / b;
    }
    case 'fn': {
      if (n.name === 'SUM') {
        let s = 0;
        for (const a of n.args) {
          if (a.t === 'range') {
            for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) s += scalar(read(a.sheet, r, c), true)!;
          } else s += evaluate(a, read);
        }
        return s;
      }
      if (n.name === 'ABS' && n.args.length === 1) return Math.abs(evaluate(n.args[0], read));
      if (n.name === 'ROUND' && n.args.length === 2) {
        const d = evaluate(n.args[1], read);
        const f = 10 ** Math.trunc(d);
        const x = evaluate(n.args[0], read) * f;
        return (Math.sign(x) * Math.round(Math.abs(x) + 1e-9)) / f;
      }
      throw new Unsupported(`${n.name} 的参数个数不对`);
    }
  }
}

/**
 * Evaluates pending formulas in dependency order (Kahn's algorithm: no recursion over
 * cells, so a 200,000-row running total is as safe as one cell). `read` sees the
 * values computed so far. Returns one outcome per pending formula, in input order.
 */
export function evaluateFormulas(pending: readonly PendingFormula[], read: CellReader, sheetIndex: (name: string) => number): FormulaOutcome[] {
  const out: FormulaOutcome[] = new Array(pending.length);
  const key = (s: number, r: number, c: number) => `${s}:${r}:${c}`;
  const at = new Map<string, number>();
  pending.forEach((p, i) => at.set(key(p.sheet, p.row, p.col), i));
  const trees: (Node | null)[] = new Array(pending.length).fill(null);
  const waits = new Array<number>(pending.length).fill(0);
  const users: number[][] = pending.map(() => []);
  pending.forEach((p, i) => {
    try {
      const tree = parseFormula(p.formula, p.sheet, sheetIndex);
      const refs: [number, number, number][] = [];
      refsOf(tree, refs);
      const deps = new Set<number>();
      for (const [s, r, c] of refs) {
        const j = at.get(key(s, r, c));
        if (j !== undefined) deps.add(j);
      }
      if (deps.has(i)) throw new Unsupported('公式引用了自己（循环引用）');
      for (const j of deps) users[j].push(i);
      waits[i] = deps.size;
      trees[i] = tree;
    } catch (e) {
      out[i] = { ok: false, why: e instanceof Unsupported ? e.message : '无法解析' };
    }
  });
  const values = new Map<number, number>();
  const readNow: CellReader = (s, r, c) => {
    const j = at.get(key(s, r, c));
    if (j === undefined) return read(s, r, c);
    const v = values.get(j);
    if (v === undefined) throw new Unsupported('依赖的公式也算不出');
    return v;
  };
  const ready: number[] = [];
  trees.forEach((t, i) => t && waits[i] === 0 && ready.push(i));
  const release = (i: number) => {
    for (const u of users[i]) if (--waits[u] === 0 && trees[u]) ready.push(u);
  };
  // Formulas that failed to parse still release their users (who then fail on reading them).
  pending.forEach((_, i) => !trees[i] && release(i));
  while (ready.length) {
    const i = ready.pop()!;
    try {
      const v = evaluate(trees[i]!, readNow);
      if (!Number.isFinite(v)) throw new Unsupported('结果不是有限数');
      values.set(i, v);
      out[i] = { ok: true, value: v };
    } catch (e) {
      out[i] = { ok: false, why: e instanceof Unsupported ? e.message : '无法计算' };
    }
    release(i);
  }
  pending.forEach((_, i) => (out[i] ??= { ok: false, why: '循环引用' }));
  return out;
}
