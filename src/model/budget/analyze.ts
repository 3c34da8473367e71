/**
 * A workbook's budget tables, grouped into units, with every finding: what the parser
 * met, the within-table identities, the cross-table identities and the 说明 text.
 * A workbook normally holds one unit; when unit lines carry different unit codes (or,
 * without codes, different names) the tables are grouped by unit.
 */
import { a1 } from '../address';
import { makeFinding, type Finding } from '../findings';
import type { SheetGrid } from '../workbook';
import { checkTable } from './check';
import { checkUnit } from './cross';
import { detectBudgetTables } from './detect';
import { createClassMap, createDictionary, DEFAULT_CLASS_MAP, DEFAULT_DICTIONARY, readSubjectGrid, type ClassMap, type Dictionary } from './dictionary';
import { checkExplanation, type TextCell } from './explain';
import { isBlank, usedArea, isRow } from './grid';
import { key } from './kinds';
import { isParseError, parseBudgetTable } from './parse';
import { BUDGET_RULES } from './rules';
import { chooseProfile, type ProfileChoice } from './profiles';
import { moneyUnit, UNIT_FACTOR } from './units';
import { cellText, norm } from '../text';
import { KIND_NAMES, type BudgetTable, type UnitTables } from './types';
import { append } from '../collect';

export interface BudgetUnit {
  code?: string;
  name?: string;
  year?: string;
  tables: UnitTables;
}

export interface AnalyzeBudgetOptions {
  /** Budget year of the 科目 list (otherwise read from the tables' titles and unit lines). */
  year?: string;
  /** Table set (profile id or Chinese name); otherwise the settings sheet's 表格口径, else matched from the titles. */
  profile?: string;
  /** Extra or renamed subject codes (code → name), e.g. from `--dictionary file.xlsx`; merged over the `科目` sheet. */
  subjects?: Record<string, string>;
  /** Extra or renamed T1/T4 类 lines (line name → function code). */
  classLines?: Record<string, string>;
  dictionary?: Dictionary;
  classMap?: ClassMap;
  /**
   * Tables of the same unit stating different 预算年度 are different units (last year's
   * package pasted into this year's workbook). Off by default: a mistyped year in one
   * table should not split a unit.
   */
  splitYears?: boolean;
}

const NOTE = /^(注|说明|备注)[:：]/;
const EXPLAIN_HINT = /万元|元/;
const EXPLAIN_WORDS = /预算收入|支出预算|基本支出|项目支出|人员经费|公用经费|三公|运行经费|固定资产/;

/** Long text cells that may state figures (说明 paragraphs). */
function textCells(sheet: SheetGrid): TextCell[] {
  const out: TextCell[] = [];
  const { rows, cols } = usedArea(sheet.values);
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r];
    if (!isRow(row)) continue;
    for (let c = 0; c < Math.min(cols, row.length); c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.length < 15 || isBlank(v)) continue;
      if (EXPLAIN_HINT.test(v) && EXPLAIN_WORDS.test(v)) out.push({ text: v, sheet: sheet.name, cell: a1(r, c, sheet.origin) });
    }
  }
  return out;
}

const SUBJECT_SHEET = /^(科目|科目字典|科目表|科目清单|subjects?)$/i;

/** Code → name pairs of the workbook's own `科目` sheet(s). */
export function subjectSheets(sheets: SheetGrid[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sheets) if (SUBJECT_SHEET.test(norm(s.name))) Object.assign(out, readSubjectGrid(s.values));
  return out;
}

const YEAR_TEXT = /预算年度[:：]?\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*年/;

/** The budget year most tables state in their title or unit line (the first few rows). */
function workbookYear(detected: { sheet: SheetGrid; tables: { top: number }[] }[]): string | undefined {
  const votes = new Map<string, number>();
  for (const { sheet, tables } of detected) {
    for (const t of tables) {
      for (let r = t.top; r < Math.min(t.top + 4, sheet.values.length); r++) {
        const row = sheet.values[r];
        if (!isRow(row)) continue;
        const m = row.map((v) => (typeof v === 'string' ? YEAR_TEXT.exec(v) : null)).find(Boolean);
        if (m) {
          const y = m[1] ?? m[2];
          votes.set(y, (votes.get(y) ?? 0) + 1);
          break;
        }
      }
    }
  }
  let best: string | undefined;
  for (const [y, n] of votes) if (!best || n > votes.get(best)!) best = y;
  return best;
}

const PROFILE_KEY = /^(表格口径|口径|表格模板|公开模板|profile)$/i;

/** `表格口径 | 上海` on a settings sheet (`设置`, `settings`): the profile the workbook names. */
export function profileSetting(sheets: SheetGrid[]): string | undefined {
  for (const sheet of sheets) {
    if (!/^(设置|settings?|配置)$/i.test(norm(sheet.name))) continue;
    const { rows, cols } = usedArea(sheet.values);
    for (let r = 0; r < rows; r++) {
      const row = sheet.values[r];
      if (!isRow(row)) continue;
      for (let c = 0; c + 1 < Math.min(cols, row.length); c++) {
        if (PROFILE_KEY.test(norm(row[c]))) {
          const v = cellText(row[c + 1]).trim();
          if (v) return v;
        }
      }
    }
  }
  return undefined;
}

export function analyzeBudget(sheets: SheetGrid[], opts: AnalyzeBudgetOptions = {}): { units: BudgetUnit[]; findings: Finding[]; profile: ProfileChoice; dictionary: Dictionary } {
  // Tables are found first; their titles (and sheet names) choose the table set, their year the 科目 list.
  const detected = sheets.map((sheet) => ({ sheet, tables: detectBudgetTables(sheet) }));
  const year = opts.year ?? workbookYear(detected);
  const clerk = { ...subjectSheets(sheets), ...(opts.subjects ?? {}) };
  const dictionary = opts.dictionary ?? (year || Object.keys(clerk).length ? createDictionary(clerk, year) : DEFAULT_DICTIONARY);
  const classMap = opts.classMap ?? (opts.classLines ? createClassMap(opts.classLines) : DEFAULT_CLASS_MAP);
  const findings: Finding[] = [];
  const units: BudgetUnit[] = [];
  const byKey = new Map<string, BudgetUnit>();
  let current: BudgetUnit | undefined;
  const keyed = new Set<BudgetUnit>();
  /** Unit code, else unit name; a table without a unit line belongs to the unit before it. */
  const unitFor = (t: BudgetTable): BudgetUnit => {
    const keys = [t.unitLine.code, t.unitLine.name ? key(t.unitLine.name) : undefined].filter((x): x is string => !!x);
    const year = opts.splitYears ? t.unitLine.year : undefined;
    const find = (k: string) => {
      const u = (year && byKey.get(`${k}@${year}`)) || byKey.get(k);
      return u && (!year || !u.year || u.year === year) ? u : undefined;
    };
    let unit = keys.map(find).find(Boolean);
    if (!unit) {
      if (!keys.length && current) return current;
      // Tables met before any unit line adopt the first unit key that turns up.
      unit = current && !keyed.has(current) ? current : { tables: {} };
      if (!units.includes(unit)) units.push(unit);
    }
    for (const k of keys) {
      byKey.set(k, unit);
      if (year) byKey.set(`${k}@${year}`, unit);
    }
    if (keys.length) keyed.add(unit);
    return unit;
  };
  const texts: { cells: TextCell[] }[] = [];

  const titles = detected.flatMap((d) => d.tables.map((t) => t.title).filter(Boolean));
  const names = detected.filter((d) => d.tables.length).map((d) => d.sheet.name);
  const profile = chooseProfile(titles, opts.profile ?? profileSetting(sheets), names);
  const source = profile.profile.sourceUnit;

  for (const { sheet, tables } of detected) {
    let found = 0;
    for (const d of tables) {
      const grid = sheet.values.slice(d.top, d.bottom + 1);
      const origin = { row: (sheet.origin?.row ?? 0) + d.top, col: sheet.origin?.col ?? 0 };
      const t = parseBudgetTable(grid, { origin, sheet: sheet.name, kind: d.kind, dictionary, classMap });
      if (isParseError(t)) continue;
      // Figures rounded from the budget system's 元 into a coarser unit may be 0.01 apart (尾差).
      if (source && UNIT_FACTOR[moneyUnit(t.unitLine.unit)] > UNIT_FACTOR[source]) t.sourceUnit = source;
      found++;
      append(append(findings, t.issues), checkTable(t));
      const unit = unitFor(t);
      unit.code ??= t.unitLine.code;
      unit.name ??= t.unitLine.name;
      unit.year ??= t.unitLine.year;
      const prev = unit.tables[t.kind];
      if (prev) {
        findings.push(
          makeFinding(
            BUDGET_RULES['BAL-016'],
            { table: KIND_NAMES[t.kind], first: `${prev.sheet ?? ''}!${prev.range}`, second: `${t.sheet ?? ''}!${t.range}` },
            { sheet: t.sheet, cell: t.range.split(':')[0], table: t.kind },
          ),
        );
      } else unit.tables[t.kind] = t;
      current = unit;
    }
    texts.push({ cells: found ? textCells(sheet).filter((c) => !NOTE.test(c.text.trim())) : textCells(sheet) });
  }

  for (const unit of units) append(findings, checkUnit(unit.tables, { dictionary, classMap }));

  // 说明 text: attributed to the unit it names, or to the only unit.
  for (const { cells } of texts) {
    if (!cells.length || !units.length) continue;
    const all = cells.map((c) => c.text).join('');
    const named = units.filter((u) => u.name && all.includes(u.name));
    const unit = named.length === 1 ? named[0] : units.length === 1 ? units[0] : undefined;
    if (unit) append(findings, checkExplanation(cells, unit.tables));
  }
  return { units, findings, profile, dictionary };
}

export type { BudgetTable };
