/** Public API of the 绩效目标表 model. */
export * from './types';
export { parseKpiValue, formatKpiValue, normalizeValueText, normalizeUnit, unitFromName, isPercentFormat, fmtNumber, KIND_ZH } from './value';
export {
  LEVEL1,
  LEVEL2,
  classifyLevel1,
  classifyLevel2,
  parentsOf,
  level2Allowed,
  allowedLevel2Names,
  isTaxonomyTerm,
  type Level1Key,
  type Level2Key,
  type Level1Def,
  type Level2Def,
} from './taxonomy';
export {
  kpiDirection,
  coreName,
  isRateIndicator,
  isSatisfaction,
  isQuantitativeName,
  countKind,
  isMoneyUnit,
  toWanYuan,
  DIRECTION_ZH,
} from './direction';
export { senseIndicator, phrasePolarity, level2Misfit, sure, KIND_NAME_ZH, type IndicatorSense, type IndicatorKind, type IndicatorInput, type Confidence, type UnitFamily } from './semantics';
export { parseKpiGrid, detectKpiTables, splitGoals, type ParseOptions } from './parse';
export { KPI_RULES } from './rules';
export {
  checkProject,
  checkProjects,
  checkKpiAgainstBudget,
  projectSpendOf,
  findCostArithmetic,
  findPartSums,
  findWrittenArithmetic,
  checkDuplicateProjects,
  withOp,
  projectBudgetWan,
  type CheckContext,
  type CostMismatch,
} from './check';
export { analyzeTiers, intervalOf, type Interval, type TierProblem } from './tiers';
export { readRuleSettings, mergeRuleSettings } from './settings';
export { validateKpiRows, validateKpiFindings, kpiParseCells, acceptedReason, NO_TABLE_MESSAGE, type ValidateOptions } from './validate';
export { analyzeKpi, kpiDataRows, settingsFromSheets, KPI_DATA_COLUMNS, SETTINGS_SHEET } from './analyze';
