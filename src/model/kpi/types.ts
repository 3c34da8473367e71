/**
 * The 绩效目标表 model: what the KPI parsers produce and the checks, the disclosure
 * layout, the custom functions and the task pane read. Stable contract — extend
 * additively (new optional fields), never rename.
 *
 * Positions: `row` fields are 0-based rows of the grid handed to the parser; `cells`
 * fields are A1 addresses on the sheet (the grid's Origin applied).
 */

/**
 * 1 = plain project table (一级/二级/三级/描述/指标值/依据, 绩效目标 line above);
 * 2 = full project table (header block 项目编码/预算数/资金支出计划… then the grid);
 * 3 = tier table (绩效指标分类/绩效指标/描述/评价标准 优 良 中 差/依据);
 * 4 = unit-wide table 单位整体支出绩效指标 (指标值 split into 符号/值/单位).
 */
export type KpiLayout = 1 | 2 | 3 | 4;

export const KPI_LAYOUT_NAMES: Record<KpiLayout, string> = {
  1: '项目绩效目标表',
  2: '项目绩效目标表（含项目信息）',
  3: '分级评价标准绩效目标表',
  4: '单位整体支出绩效指标表',
};

/** Comparison operator of a quantitative value, normalised to these five. */
export type KpiOp = '≥' | '≤' | '=' | '>' | '<';

/**
 * What kind of thing a 指标值 says.
 * - quantitative: a number (with or without operator/unit), e.g. `≥95%`, `=10 人`;
 * - qualitative: words such as 效果显著, 按时完成, 明显改善, 较好;
 * - date: a deadline or calendar point, e.g. `每月 15日前发放完成`, `25日`, `每月月底前`;
 * - reference: compares with another figure, e.g. `≤预算控制数`, `不超预算`;
 * - range: two bounds around a named quantity, e.g. `10%>代偿率≥5%`;
 * - empty: blank cell;
 * - garbage: anything else (`《1`, stray symbols).
 */
export type KpiValueKind = 'quantitative' | 'qualitative' | 'date' | 'reference' | 'range' | 'empty' | 'garbage';

/** One bound of a range value (`10%>代偿率≥5%` has upper {<,10,%} and lower {≥,5,%}). */
export interface KpiBound {
  op: KpiOp;
  number: number;
  unit?: string;
}

export interface ParsedValue {
  kind: KpiValueKind;
  /** Operator as normalised (`>=`, `不低于`, `\geq`, `以上` → `≥` …); absent when none was written. */
  op?: KpiOp;
  /** The number as the clerk means it: 95 for `95%` and for 0.95 in a percentage-formatted cell. */
  number?: number;
  /**
   * Normalised unit: `%` for % / 百分比 / 百分号; scale words stay in the unit
   * (`万人`, `万元`); `元/人` for 元每人; otherwise the unit as written (人, 户, 次, 天, 个月…).
   */
  unit?: string;
  /** Free text around the number (`服务对象大多数满意` in `≥95 服务对象大多数满意`), the quantity name of a range, or the qualitative/date/reference words. */
  note?: string;
  /** The original cell text (display text; for a number cell its value as text). */
  raw: string;
  /** True when the number came from a percentage number format (0.95 stored, 95% shown). */
  percentFromFormat?: boolean;
  /** True when the operator was spelled in words or LaTeX (`不低于`, `\geq`) rather than a symbol. */
  opFromWords?: boolean;
  /** For kind 'range' (and for a quantity named with one bound, `增长率≥20%`): the quantity name and bounds. */
  range?: { name?: string; lower?: KpiBound; upper?: KpiBound };
  /** For kind 'reference': what the value is compared with (`预算控制数`). */
  ref?: string;
}

/** The four grades of a tier table (layout 3), each raw text and parsed. */
export type TierName = '优' | '良' | '中' | '差';
export const TIER_NAMES: readonly TierName[] = ['优', '良', '中', '差'];

export interface KpiTier {
  raw: string;
  parsed: ParsedValue;
  /** A1 address of the tier's cell. */
  cell?: string;
}

/** A1 addresses of an indicator row's cells (absent when the layout has no such column). */
export interface KpiIndicatorCells {
  level1?: string;
  level2?: string;
  level3?: string;
  description?: string;
  /** The 指标值 cell (layout 4: the 值 cell of 符号/值/单位; layout 3: the 优 cell). */
  value?: string;
  basis?: string;
  /** Layout 4: 评(扣)分标准. */
  scoring?: string;
  /** Layout 4: the 符号 and 单位 cells. */
  op?: string;
  unit?: string;
  /** The first cell of the row (where row-level notes go). */
  row?: string;
}

export interface KpiIndicator {
  /** 0-based row in the parsed grid. */
  row: number;
  /** 一级指标 as written (carried down from a merged/blank cell above). */
  level1: string;
  /** 二级指标 as written (carried down within the same 一级). */
  level2: string;
  /** 三级指标 (layout 3: 绩效指标). */
  level3: string;
  /** 绩效指标描述. */
  description: string;
  /** 指标值 as text (layout 4: 符号+值+单位 joined; layout 3: the 优 threshold). */
  value: string;
  parsed: ParsedValue;
  /** 指标值确定依据 (layout 3: 评价标准确定依据). */
  basis: string;
  /** Layout 4: 评(扣)分标准. */
  scoring?: string;
  /** Layout 3 only. */
  tiers?: Record<TierName, KpiTier>;
  /** True when 一级/二级 were carried down from above rather than written on this row. */
  carried?: { level1: boolean; level2: boolean };
  cells: KpiIndicatorCells;
}

/** One point of 资金支出计划（%）: label as written (`3月底`, `第一季度`) and the percent (25 for 25%). */
export interface KpiPlanPoint {
  label: string;
  /** Percent as the clerk means it (a percentage-formatted 0.25 reads 25); null when blank or not a number. */
  value: number | null;
  raw: string;
  cell?: string;
}

/** A1 addresses of the project's header fields (value cells, not label cells). */
export interface KpiProjectCells {
  title?: string;
  unit?: string;
  code?: string;
  name?: string;
  budget?: string;
  fiscal?: string;
  other?: string;
  use?: string;
  /** First 资金支出计划 value cell. */
  plan?: string;
  goals?: string;
  /** The column-header row's first cell. */
  header?: string;
}

/** One named amount of a 项目资金 block, as written, and its cell. */
export interface KpiFundAmount {
  raw: string;
  cell?: string;
}

/**
 * The 项目资金（元） block of the Shanghai 财政项目支出绩效目标填报表: 项目资金总额 = 财政资金 +
 * 其他资金; 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 (annualOther).
 */
export interface KpiFunds {
  total?: KpiFundAmount;
  fiscal?: KpiFundAmount;
  other?: KpiFundAmount;
  annual?: KpiFundAmount;
  appropriation?: KpiFundAmount;
  carryover?: KpiFundAmount;
  annualOther?: KpiFundAmount;
}

export interface KpiProject {
  /** Title line above the table (`1. 创业担保贷款贴息省级专款-绩效目标表`), cleaned of the ordinal; may be ''. */
  title: string;
  /** 项目名称 (layout 2) or the title without `绩效目标表`. */
  name: string;
  /** 项目编码 (layout 2). */
  code?: string;
  /** True when the table has a 项目名称 label with nothing written beside it (`name` then falls back to the title). */
  nameBlank?: boolean;
  /** 单位 as written (code + name, layout 2). */
  unit?: string;
  /** 预算数 / 财政资金 / 其他资金 as written (amounts text; 万元 unless stated). */
  budget?: string;
  fiscal?: string;
  other?: string;
  /** 资金用途. */
  use?: string;
  /** Shanghai 项目资金 block (amounts in `amountUnit`, 元 there); `budget` is then its 年度资金申请总额. */
  funds?: KpiFunds;
  /** Unit the header amounts are stated in (`万元` unless the table says `单位：元`). */
  amountUnit?: string;
  /** 资金支出计划（%）. */
  plan?: KpiPlanPoint[];
  /** 绩效目标: numbered sub-goals split (`1.…`, `2.…`), or the single goal text. */
  goals: string[];
  /** True when the table has a 绩效目标 row (so an empty `goals` means the clerk left it blank). */
  goalsLabelled?: boolean;
  layout: KpiLayout;
  indicators: KpiIndicator[];
  cells: KpiProjectCells;
  sheet?: string;
  /** 0-based grid rows the project spans (title/header block .. last indicator). */
  top: number;
  bottom: number;
  /** 0-based row where findings about the whole project are shown (title, header, else first indicator). */
  anchorRow: number;
}

/** What each grid row is, aligned with the input grid (drives KPI.VALIDATE's spill). */
export type KpiRowKind = 'header' | 'indicator' | 'blank' | 'meta';

export interface KpiGridParse {
  /** The layout of the first project found; null when nothing looked like a 绩效目标表. */
  layout: KpiLayout | null;
  projects: KpiProject[];
  rowKinds: KpiRowKind[];
}

/** Which way an indicator is good: higher (完成率) or lower (差错率, 成本). */
export type KpiDirection = 'higher' | 'lower' | 'neutral';

/** A table found on a sheet (for binding and the task pane). */
export interface KpiTableRef {
  layout: KpiLayout;
  title: string;
  sheet: string;
  /** A1 range on the sheet, `A3:F12`. */
  range: string;
  /** 0-based grid rows, inclusive. */
  top: number;
  bottom: number;
}
