/**
 * Custom functions as data (after HyperFormula's function plugins): each function is
 * a name, a typed parameter list and a body; one runner coerces Excel's arguments,
 * applies defaults, calls the body and shapes the result, and turns every failure
 * into an error value with a Chinese message. Bodies therefore stay a few lines of
 * calls into src/model.
 */
import { FunctionInputError, makeError } from './errors';
import { usedGrid, normalizeCell, isBlankCell, type Grid } from './grid';
import { maxRowLength } from '../model/collect';

export type { Grid };

export type ParamType = 'matrix' | 'string' | 'boolean' | 'number' | 'any';
export type ResultType = 'matrix' | 'string' | 'number' | 'any';

interface ParamTypeMap {
  matrix: Grid;
  string: string;
  boolean: boolean;
  number: number;
  any: unknown;
}

export interface ParamSpec<T extends ParamType = ParamType> {
  name: string;
  type: T;
  /** Optional parameters may be left out in the formula (Excel then passes null). */
  optional?: boolean;
  /** Value used when an optional parameter is missing or blank. */
  default?: ParamTypeMap[T];
  /** Chinese label used in error messages (`参数“表格”`). */
  label?: string;
}

type ArgValue<P> = P extends ParamSpec<infer T>
  ? P extends { default: unknown }
    ? ParamTypeMap[T]
    : P extends { optional: true }
      ? ParamTypeMap[T] | undefined
      : ParamTypeMap[T]
  : never;

/** The body's argument tuple, derived from the parameter list. */
export type ArgsOf<P extends readonly ParamSpec[]> = { -readonly [K in keyof P]: ArgValue<P[K]> };

/** Facts about the call that are not arguments (from CustomFunctions.Invocation). */
export interface CallContext {
  /** Range addresses of the arguments (`Sheet1!A1:H30`), when Excel supplied them. */
  parameterAddresses?: (string | undefined)[];
}

export interface FunctionDef<P extends readonly ParamSpec[] = readonly ParamSpec[]> {
  /** The name clerks type, exactly as in functions.json (`BUDGET.CHECKSUM`). */
  name: string;
  params: P;
  /** Shape of the result: `matrix` results are always a non-empty rectangular 2-D array. */
  result: ResultType;
  // Method syntax keeps defs with different parameter lists assignable to one table type.
  impl(args: ArgsOf<P>, ctx: CallContext): unknown;
}

export type AnyFunctionDef = FunctionDef<readonly ParamSpec[]>;

/** Declares a function; the parameter list's literal types flow into `impl`'s arguments. */
export function defineFunction<const P extends readonly ParamSpec[]>(def: FunctionDef<P>): FunctionDef<P> {
  return def;
}

function label(p: ParamSpec): string {
  return `参数“${p.label ?? p.name}”`;
}

function isErrorText(v: unknown): v is string {
  return typeof v === 'string' && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!?)$/.test(v);
}

/** A scalar argument that arrived as a range (never from Excel's own lifting; from direct calls). */
function firstCell(v: unknown): unknown {
  let x = v;
  while (Array.isArray(x)) x = x.length > 0 ? x[0] : null;
  return x;
}

const TRUE_WORDS = new Set(['TRUE', '1', '是', '真', 'Y', 'YES', '明细', 'DETAIL']);
const FALSE_WORDS = new Set(['FALSE', '0', '否', '假', 'N', 'NO']);

/** Coerces one argument to its declared type; missing optional arguments get their default. */
export function coerceArg(p: ParamSpec, raw: unknown): unknown {
  if (p.type === 'matrix') {
    if (raw === null || raw === undefined) {
      if (p.optional) return p.default;
      throw new FunctionInputError(`缺少${label(p)}：请选择一个单元格区域。`);
    }
    return usedGrid(raw);
  }
  const v = normalizeCell(firstCell(raw));
  if (isBlankCell(v)) {
    if (p.optional || p.default !== undefined) return p.default;
    return p.type === 'any' ? null : p.type === 'string' ? '' : undefined;
  }
  if (isErrorText(v) && p.type !== 'any') throw new FunctionInputError(`${label(p)}是错误值 ${v}，请先修正引用的单元格。`);
  switch (p.type) {
    case 'string':
      return typeof v === 'string' ? v.trim() : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      const w = String(v).trim().toUpperCase();
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      throw new FunctionInputError(`${label(p)}应为 TRUE 或 FALSE，实为“${String(v)}”。`);
    }
    case 'number': {
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      if (!Number.isFinite(n)) throw new FunctionInputError(`${label(p)}应为数字，实为“${String(v)}”。`);
      return n;
    }
    default:
      return v;
  }
}

/** A cell value Excel can display: text, number or boolean (null, NaN and objects become text/blank). */
function outCell(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Shapes a body's result for Excel: matrices rectangular and non-empty, scalars plain. */
export function shapeResult(kind: ResultType, out: unknown): unknown {
  if (kind === 'matrix') {
    if (!Array.isArray(out)) return [[outCell(out)]];
    const rows = out.map((r) => (Array.isArray(r) ? r : [r]));
    if (rows.length === 0) return [['']];
    const width = Math.max(1, maxRowLength(rows));
    return rows.map((r) => {
      const row = new Array(width);
      for (let c = 0; c < width; c++) row[c] = outCell(r[c]);
      return row;
    });
  }
  const v = Array.isArray(out) ? firstCell(out) : out;
  if (kind === 'string') return v === null || v === undefined ? '' : String(v);
  if (kind === 'number') {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new FunctionInputError('结果不是有效数字。');
    return v;
  }
  return outCell(v);
}

/**
 * Runs a function the way Excel calls it: raw arguments (missing optionals as null or
 * undefined, ranges as 2-D arrays), then the body, then result shaping. Any failure
 * leaves as the error value from errors.ts (thrown, which is how a custom function
 * reports `#VALUE!`); never as a raw exception.
 */
export function invoke(def: AnyFunctionDef, rawArgs: readonly unknown[], ctx: CallContext = {}): unknown {
  let out: unknown;
  try {
    const args = def.params.map((p, i) => coerceArg(p, rawArgs[i]));
    out = shapeResult(def.result, def.impl(args as never, ctx));
  } catch (e) {
    if (e instanceof FunctionInputError) throw makeError(e.code, e.message);
    // A defect in the model must still reach the clerk as a readable #VALUE!, not a crash.
    const detail = e instanceof Error ? e.message : String(e);
    if (typeof console !== 'undefined') console.error(`${def.name}:`, e);
    throw makeError('invalidValue', `${def.name} 计算出错：${detail}`);
  }
  return out;
}
