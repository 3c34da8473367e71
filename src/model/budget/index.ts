/** The budget-table model: dictionary, parsing, detection, rules and checks (tables.md). */
export * from './types';
export * from './codes';
export * from './dictionary';
export { readScaled, fmtScaled, toDecimal, lazyAmounts, type CellAmount } from './amount';
export { titleKind, kindFromHeaders, STRUCTURE, ALL_KINDS, type Structure } from './kinds';
export { detectBudgetTables, type DetectedBudgetTable } from './detect';
export { parseBudgetTable, detectKind, isParseError, type ParseOptions, type ParseError } from './parse';
export { BUDGET_RULES, IDENTITY_RULE_IDS, BASIS } from './rules';
export { checkTable } from './check';
export { checkUnit, type UnitCheckOptions } from './cross';
export { checkExplanation, type TextCell } from './explain';
export { analyzeBudget, type BudgetUnit, type AnalyzeBudgetOptions } from './analyze';
export { checksum, checksumText, checksumDetail, fingerprint, kindOf, shortText, DETAIL_HEADER, type ChecksumResult, type ChecksumOptions } from './checksum';
