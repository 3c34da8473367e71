/**
 * Published amount columns of each table (seed 004 headers), with how each is
 * found in a parsed table. Shared by the table layouts and the narrative figures.
 */
import type { ColSpec } from './columns';

const spec = (key: string, match: RegExp, keys?: string[]): ColSpec => ({ key, match, keys });

export const TOTAL = spec('total', /^(合计|总计)$/);

/** T1 收入/支出 预算数 (one amount per side). */
export const T1_COLS = {
  income: [spec('income', /预算数|金额/, ['amount', 'budget'])],
  expense: [spec('expense', /预算数|金额/, ['amount', 'budget'])],
};

export const T2_COLS: ColSpec[] = [
  TOTAL,
  spec('carryover', /^上年结转(结余)?$/, ['carry']),
  spec('subtotal', /小计$/),
  spec('fiscal', /^(本年收入)?财政拨款(收入)?$/),
  spec('special', /财政专户/),
  spec('business', /^(本年收入)?事业收入$/),
  spec('operating', /经营收入$/),
  spec('superior', /上级补助/),
  spec('affiliated', /附属单位/),
  spec('other', /其他收入$/),
];

export const T3_COLS: ColSpec[] = [
  TOTAL,
  spec('basic', /基本支出$/),
  spec('project', /项目支出$/),
  spec('remit', /上解上级/, ['upper']),
  spec('operating', /经营支出$/),
  spec('subsidy', /对附属单位补助/, ['affiliated']),
];

/** T5, T7, T8. */
export const T5_COLS: ColSpec[] = [TOTAL, spec('basic', /基本支出$/), spec('project', /项目支出$/)];

export const T6_COLS: ColSpec[] = [TOTAL, spec('personnel', /人员经费$/), spec('public', /公用经费$/)];

export const T4_COLS = {
  income: [spec('income', /^(金额|预算数)$/, ['amount'])],
  expense: [
    TOTAL,
    spec('gpb', /一般公共预算/, ['general']),
    spec('fund', /政府性基金/),
    spec('soe', /国有资本经营/, ['state']),
  ],
};

export const T9_COLS: ColSpec[] = [
  TOTAL,
  spec('gpb', /一般公共预算/, ['general']),
  spec('fund', /政府性基金/),
  spec('soe', /国有资本经营/, ['state']),
];

/** T10 amount columns (text columns 采购物品名称 … come from the row's texts). */
export const T10_COLS: ColSpec[] = [
  spec('budget', /^预算资金$/),
  spec('quantity', /^数量$/, ['qty']),
  spec('price', /^单价$/),
  TOTAL,
  spec('gpb', /一般公共预算/, ['general']),
  spec('fund', /^(政府性)?基金预算/),
  spec('soe', /国有资本经营/, ['state']),
  spec('special', /财政专户/),
  spec('own', /^单位资金$/, ['unitFunds']),
  spec('carry', /^财政拨款结转/, ['fiscalCarry']),
  spec('noncarry', /^非财政拨款结转/, ['nonFiscalCarry']),
  spec('sme', /中小微企业/),
];

export const T11_COLS: ColSpec[] = [spec('quantity', /^数量/, ['qty', 'count']), spec('value', /价值|金额/, ['amount'])];
