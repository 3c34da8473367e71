/**
 * The subject dictionary (科目字典): 支出功能分类 and 部门预算支出经济分类 codes with their
 * names, loaded by budget year from the shipped data files (subjects/<year>.json). A
 * workbook (`科目` sheet) or a file (`--dictionary`) adds or renames codes through
 * `overrides`; an unknown but well-formed code is only information (sums work by prefix).
 */
import { norm, stripOrdinal } from '../text';
import { codeLevel, guessScheme, isValidCode, normalizeCode, parentCode as parentByPrefix, splitCodeName, type CodeScheme } from './codes';
import { subjectsFor } from './subjects';
import { cellText } from '../text';

/** 支出功能分类科目 of the seed year (2023): every 类 and the common 款/项 (subjects/2023.json). */
export const FUNCTION_CODES: Readonly<Record<string, string>> = subjectsFor(2023).function;

/** 部门预算支出经济分类科目 of the seed year: every 类 and 款. */
export const ECONOMIC_CODES: Readonly<Record<string, string>> = subjectsFor(2023).economic;

export interface Dictionary {
  /** Name of a code, or undefined when the dictionary does not know it. */
  name(code: string, scheme?: CodeScheme): string | undefined;
  has(code: string, scheme?: CodeScheme): boolean;
  /** Parent by prefix (7 → 5 → 3 for function codes, 5 → 3 for economic ones). */
  parentCode(code: string, scheme?: CodeScheme): string | null;
  /** 1 = 类, 2 = 款, 3 = 项, 0 for an unexpected length. */
  level(code: string, scheme?: CodeScheme): number;
  /** Budget year of the shipped list the dictionary starts from. */
  year?: number;
}

/**
 * A dictionary with optional overrides (code → name). Function and economic codes never
 * collide (2xx vs 3xx), so one override map serves both; a key `economic:30101` or
 * `function:208` pins a scheme explicitly.
 */
export function createDictionary(overrides: Record<string, string> = {}, year?: string | number): Dictionary {
  const list = year === undefined ? subjectsFor(2023) : subjectsFor(year);
  const fn = new Map(Object.entries(list.function));
  const ec = new Map(Object.entries(list.economic));
  for (const [k, v] of Object.entries(overrides)) {
    const m = /^(function|economic):(\d+)$/.exec(k);
    if (m) (m[1] === 'function' ? fn : ec).set(m[2], v);
    else (guessScheme(k) === 'function' ? fn : ec).set(k, v);
  }
  const table = (code: string, scheme?: CodeScheme) => ((scheme ?? guessScheme(code)) === 'function' ? fn : ec);
  return {
    name: (code, scheme) => table(code, scheme).get(code),
    has: (code, scheme) => table(code, scheme).has(code),
    parentCode: (code, scheme) => parentByPrefix(code, scheme ?? guessScheme(code)),
    level: (code, scheme) => codeLevel(code, scheme ?? guessScheme(code)),
    year: list.year,
  };
}

/**
 * Code → name pairs from a clerk's 科目 list (a `科目` sheet, or a `--dictionary` workbook):
 * any row with a well-formed code (in its own cell, or glued to the name) and a name
 * beside it. `经济:30311` style scheme prefixes are not needed: 2xx codes are function
 * codes, 3xx/5xx economic ones.
 */
export function readSubjectGrid(values: unknown[][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of values) {
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const code = normalizeCode(row[c]);
      if (code && isValidCode(code)) {
        const name = row.slice(c + 1).map((v) => cellText(v).trim()).find((t) => t && !/^\d+$/.test(t));
        if (name) out[code] = name.replace(/\s+/g, '');
        break;
      }
      const split = splitCodeName(cellText(row[c]));
      if (split && isValidCode(split.code) && split.name) {
        out[split.code] = split.name;
        break;
      }
    }
  }
  return out;
}

export const DEFAULT_DICTIONARY: Dictionary = createDictionary();

/** The key a T1/T4 类 line is matched by: no ordinal, no whitespace, no brackets. */
export function classLineKey(name: string): string {
  return stripOrdinal(norm(name)).replace(/[()（）]/g, '');
}

export interface ClassMap {
  /** Function 类 code of a T1/T4 expense line (`八、社会保障和就业支出` → `208`). */
  codeOf(lineName: string): string | undefined;
  /** The line name for a 类 code (`208` → `社会保障和就业支出`). */
  nameOf(code: string): string | undefined;
}

/** tables.md: the 类 lines of T1/T4 and their codes. */
export const CLASS_LINES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FUNCTION_CODES)
    .filter(([code]) => code.length === 3)
    .map(([code, name]) => [name, code]),
);

/** Line name → code map; `overrides` (name → code) let a workbook rename or add lines. */
export function createClassMap(overrides: Record<string, string> = {}): ClassMap {
  const byName = new Map<string, string>();
  const byCode = new Map<string, string>();
  for (const [name, code] of Object.entries({ ...CLASS_LINES, ...overrides })) {
    byName.set(classLineKey(name), code);
    if (!byCode.has(code) || name in overrides) byCode.set(code, name);
  }
  return {
    codeOf: (lineName) => byName.get(classLineKey(lineName)),
    nameOf: (code) => byCode.get(code),
  };
}

export const DEFAULT_CLASS_MAP: ClassMap = createClassMap();
