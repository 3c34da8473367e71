/**
 * Rule switches and re-grading per workbook (provinces differ): a sheet `设置` or the
 * named range `KPI.SETTINGS` with columns 规则 | 启用 (是/否) | 级别 (强制/提示/信息),
 * optionally 位置 | 理由 to accept a warning with a written reason.
 * A rule may be an id (`KPI-DIR-01`) or a prefix ending in `*` (`KPI-TIER-*`).
 */
import { resolveRulePattern } from '../catalogue';
import { findingKey, type RuleSettings, type Severity } from '../findings';
import { cellText, norm } from '../text';

const H_RULE = /^(规则|规则编号|规则ID|rule|id)$/i;
const H_ON = /^(启用|开关|是否启用|enabled?)$/i;
const H_LEVEL = /^(级别|严重程度|等级|severity|level)$/i;
const H_CELL = /^(位置|单元格|cell)$/i;
const H_REASON = /^(理由|说明|接受理由|reason)$/i;
const H_SHEET = /^(工作表|sheet)$/i;
const RULE_ID = /^[A-Za-z]+(-[A-Za-z0-9]+)*(-\*|\*)?$/;

const OFF = /^(否|不|不启用|关|关闭|停用|禁用|false|no|n|off|0|×|✘)$/i;
const ON = /^(是|启用|开|开启|true|yes|y|on|1|√|✓|✔)$/i;

/** A row of a settings sheet that could not be applied (1-based row of the grid). */
export interface SettingsProblem {
  row: number;
  problem: string;
}
const LEVELS: [RegExp, Severity][] = [
  [/^(强制|错误|error|e)$/i, 'error'],
  [/^(提示|警告|warning|warn|w)$/i, 'warning'],
  [/^(信息|info|i)$/i, 'info'],
];

/**
 * Reads rule settings from a grid; never throws. A row that names no rule of the
 * catalogue, or whose 启用/级别 cannot be read, is skipped and, when `problems` is
 * given, reported there (the CLI turns them into WB-008 findings).
 */
export function readRuleSettings(grid: unknown[][], problems?: SettingsProblem[]): RuleSettings {
  const out: RuleSettings = {};
  if (!Array.isArray(grid)) return out;
  const disabled: string[] = [];
  const severity: Record<string, Severity> = {};
  const accepted: Record<string, string> = {};
  let cols = { rule: 0, on: 1, level: 2, cell: -1, reason: -1, sheet: -1 };
  let start = 0;
  for (let r = 0; r < Math.min(grid.length, 10); r++) {
    const row = Array.isArray(grid[r]) ? grid[r] : [];
    const texts = row.map((v) => norm(v));
    const ruleCol = texts.findIndex((t) => H_RULE.test(t));
    if (ruleCol < 0) continue;
    cols = {
      rule: ruleCol,
      on: texts.findIndex((t) => H_ON.test(t)),
      level: texts.findIndex((t) => H_LEVEL.test(t)),
      cell: texts.findIndex((t) => H_CELL.test(t)),
      reason: texts.findIndex((t) => H_REASON.test(t)),
      sheet: texts.findIndex((t) => H_SHEET.test(t)),
    };
    start = r + 1;
    break;
  }
  for (let r = start; r < grid.length; r++) {
    const row = Array.isArray(grid[r]) ? grid[r] : [];
    const at = (c: number) => (c >= 0 && c < row.length ? cellText(row[c]).trim() : '');
    const id = norm(at(cols.rule)).toUpperCase();
    if (!id || !RULE_ID.test(id)) continue;
    const rule = resolveRulePattern(id);
    if (!rule) {
      problems?.push({ row: r + 1, problem: `规则 ${id} 不存在（budget-table rules 列出全部规则）` });
      continue;
    }
    const on = at(cols.on);
    if (on && OFF.test(norm(on))) disabled.push(rule);
    else if (on && !ON.test(norm(on))) problems?.push({ row: r + 1, problem: `启用一栏的“${on}”应为 是 或 否` });
    const level = norm(at(cols.level));
    const sev = level ? LEVELS.find(([re]) => re.test(level))?.[1] : undefined;
    if (sev) severity[rule] = sev;
    else if (level) problems?.push({ row: r + 1, problem: `级别一栏的“${at(cols.level)}”应为 强制、提示 或 信息` });
    const reason = at(cols.reason);
    const cell = at(cols.cell);
    if (reason && cell && !rule.endsWith('*')) {
      accepted[findingKey({ rule, sheet: at(cols.sheet) || undefined, cell })] = reason;
    }
  }
  if (disabled.length) out.disabled = disabled;
  if (Object.keys(severity).length) out.severity = severity;
  if (Object.keys(accepted).length) out.accepted = accepted;
  return out;
}

/** Merges settings (later wins for severities; switches add up). */
export function mergeRuleSettings(...all: (RuleSettings | undefined)[]): RuleSettings {
  const out: RuleSettings = {};
  for (const s of all) {
    if (!s) continue;
    if (s.disabled?.length) out.disabled = [...(out.disabled ?? []), ...s.disabled];
    if (s.severity) out.severity = { ...(out.severity ?? {}), ...s.severity };
    if (s.accepted) out.accepted = { ...(out.accepted ?? {}), ...s.accepted };
  }
  return out;
}
