/**
 * Inputs and output of the 公开情况说明 (narrative). Every amount the text states
 * comes from the tables (or, for last year's figures, from `PriorYear`) and is
 * listed in `amounts` with its source, so a test or a reviewer can trace it.
 */
import type { UnitTables } from '../budget/types';
import type { KpiProject } from '../kpi/types';
import type { UnitFigures } from './figures';
import type { CarriedText, YearChange } from './prior';

/** Last year's figures the text compares against (万元; numbers or texts such as `3098.98`). */
export const PRIOR_KEYS = [
  '收支总计',
  '财政拨款',
  '基本支出',
  '项目支出',
  '人员经费',
  '公用经费',
  '机关运行经费',
  '三公经费',
  '因公出国（境）费',
  '公务用车购置及运维费',
  '公务用车购置费',
  '公务用车运行维护费',
  '公务接待费',
] as const;
export type PriorKey = (typeof PRIOR_KEYS)[number];

export type PriorYear = { year?: string } & Partial<Record<PriorKey, number | string>>;

/** What the tables cannot say; absent parts become `【待填写：…】` markers in the text. */
export interface NarrativeInputs {
  /** 单位职责 (one paragraph per line). */
  duties?: string;
  /** 机构设置 (one paragraph per line). */
  organisation?: string;
  /** Reasons for changes against last year, keyed like PriorYear (`收支总计`, `基本支出`, `项目支出`, `三公经费` …). */
  reasons?: Partial<Record<PriorKey, string>>;
  /** What 项目支出 mainly pays for (`主要用于…`). */
  projectUse?: string;
  /**
   * 机关运行经费 when it differs from T6 公用经费 (some counties count only part of it);
   * stated with source `输入.机关运行经费`.
   */
  operatingCost?: number | string;
  /** What 机关运行经费 mainly pays for. */
  operatingUse?: string;
  /** 本年度拟购置固定资产总额 (万元). */
  assetPurchase?: number | string;
  /** 其他需要说明的事项; default: a plain statement that there is nothing further. */
  other?: string;
  /** 预算数 of 绩效目标表 projects whose table states none, by project name (万元). */
  projectBudgets?: Record<string, string>;
}

export interface NarrativeInput {
  unit: { code?: string; name: string };
  year: string;
  tables: UnitTables;
  projects: KpiProject[];
  prior?: PriorYear;
  inputs?: NarrativeInputs;
  /** The unit's figures, computed once by the caller (computed here when absent). */
  figures?: UnitFigures;
  /** 单位职责/机构设置 read from last year's 说明: used, marked for review, when the inputs give none. */
  carried?: CarriedText;
  /** `部门` for a department's consolidated package (本部门, 部门预算…); default `单位`. */
  level?: '单位' | '部门';
}

/**
 * One thing the text still needs: `key` is the 说明输入 key that fills it (absent when
 * the tables themselves must be fixed), `text` what the marker says.
 */
export interface TodoItem {
  key?: string;
  text: string;
  kind: 'input' | 'review' | 'table';
}

export interface NarrativeSection {
  /** `一、单位职责及机构设置情况` */
  heading: string;
  paragraphs: string[];
}

export interface StatedAmount {
  /** What the amount is (`收入总计`, `基本支出比上年增减`). */
  label: string;
  /** Two decimals, as stated in the text (`3889.89`, `0.00`, `-12.50` for a decrease before wording). */
  value: string;
  /** Where it comes from: `T1.收入总计`, `T3.合计.基本支出`, `上年.基本支出`, `T3.合计.基本支出-上年.基本支出`. */
  source: string;
}

export interface Narrative {
  /** `巨鹿县人力资源和社会保障局本级2023年单位预算信息公开情况说明` */
  title: string;
  /** Opening paragraph. */
  intro: string;
  sections: NarrativeSection[];
  amounts: StatedAmount[];
  /** What the clerk still has to write (each also appears in the text as `【待填写：…】`). */
  missing: string[];
  /** The same with the 说明输入 key of each, plus paragraphs carried over for review. */
  todo: TodoItem[];
  /** Every year-on-year comparison the text states. */
  changes: YearChange[];
}
