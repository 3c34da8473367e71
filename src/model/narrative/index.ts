/**
 * The 公开情况说明 (sections 一…九) written from the tables. Amounts are stated in
 * 万元 with exactly two decimals and each is recorded with its source; what only
 * the clerk knows (duties, reasons for changes) becomes a visible `【待填写：…】`
 * marker instead of invented text.
 */
import { Decimal, ZERO, fmt, readAmount, sum } from '../money';
import { KIND_TITLES, type TableKind } from '../budget/types';
import { projectBudget, unitFigures, type FigureKey, type UnitFigures } from './figures';
import { TERMS } from './terms';
import { CARRIED_MARK, changeWords, priorAmount, yearChange, type YearChange } from './prior';
import type { Narrative, NarrativeInput, NarrativeSection, PriorKey, StatedAmount, TodoItem } from './types';

export * from './types';
export { keyFigures, projectBudgets, projectBudget, unitFigures, FIGURE_KEYS, type Figure, type FigureKey, type KeyFigures, type UnitFigures } from './figures';
export * from './prior';
export * from './inputs';
export { TERMS } from './terms';

export const SECTION_HEADINGS = [
  '一、单位职责及机构设置情况',
  '二、单位预算安排的总体情况',
  '三、机关运行经费安排情况',
  '四、财政拨款“三公”经费预算情况及增减变化原因',
  '五、预算绩效信息',
  '六、政府采购预算情况',
  '七、国有资产信息',
  '八、名词解释',
  '九、其他需要说明的事项',
] as const;

/** The marker a clerk searches for before publishing. */
export const MARKER_OPEN = '【待填写：';
export const MARKER = (what: string) => `${MARKER_OPEN}${what}】`;
export const MARKER_RE = /【待填写：([^】]*)】/g;
/** True when a text still carries a marker (to fill, or carried over for review). */
export const isPending = (text: string): boolean => text.includes(MARKER_OPEN) || text.includes(CARRIED_MARK);

/** 说明输入 key of the reason for a change of `key` (`基本支出增减原因`). */
export const reasonKey = (key: PriorKey): string => `${key}增减原因`;
/** 说明输入 key of a prior-year figure typed by hand (`上年基本支出`). */
export const priorKey = (key: PriorKey): string => `上年${key}`;

/** Collects stated amounts and missing items while the text is written. */
class Writer {
  readonly amounts: StatedAmount[] = [];
  readonly missing: string[] = [];
  readonly todo: TodoItem[] = [];
  readonly changes: YearChange[] = [];
  readonly figs: UnitFigures['key'];

  constructor(readonly unit: UnitFigures) {
    this.figs = unit.key;
  }

  /** `3889.89万元`, recorded with its source. */
  amount(label: string, value: Decimal, source: string): string {
    const v = fmt(value);
    this.amounts.push({ label, value: v, source });
    return `${v}万元`;
  }

  /** A `【待填写：what】` marker; `key` is the 说明输入 key that fills it (what itself by default). */
  mark(what: string, kind: TodoItem['kind'] = 'input'): string {
    if (!this.missing.includes(what)) {
      this.missing.push(what);
      this.todo.push(kind === 'input' ? { key: what, text: what, kind } : { text: what, kind });
    }
    return MARKER(what);
  }

  review(key: string): void {
    this.todo.push({ key, text: `${key}（沿用上年，请核对）`, kind: 'review' });
  }

  /** A key figure as `X万元`, or a marker naming the table it should come from. */
  fig(key: FigureKey, label: string = key): string {
    const f = this.figs[key];
    if (f.value === null) return this.mark(`${label}（未找到${KIND_TITLES[f.source.split('.')[0] as TableKind] ?? f.source}）`, 'table');
    return this.amount(label, f.value, f.source);
  }

  value(key: FigureKey): Decimal | null {
    return this.figs[key].value;
  }
}

/** `2022年` for budget year 2023; `上年` when the year is not a plain four-digit year. */
export function previousYear(year: string): string {
  return /^\d{4}$/.test(year.trim()) ? `${Number(year) - 1}年` : '上年';
}

function lines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
}

/**
 * `比2022年增加12.50万元，增长3.21%，主要原因是…` / `…减少…，下降…%` / `与2022年持平`; a marker
 * naming the figure when it changed and no reason was given. Null without last year's figure.
 */
function change(w: Writer, input: NarrativeInput, label: string, key: PriorKey, current: Decimal | null, currentSource: string): string | null {
  const before = priorAmount(input.prior, key);
  if (before === null || current === null) return null;
  const priorYear = input.prior?.year ? `${String(input.prior.year).trim().replace(/年$/, '')}年` : previousYear(input.year);
  const c = yearChange(key, current, before, currentSource);
  w.changes.push(c);
  const words = changeWords(c, priorYear);
  const d = new Decimal(c.diff);
  if (d.isZero()) return words;
  // Record the stated difference with its source, as every amount the text states.
  w.amounts.push({ label: `${label}比上年${d.isPositive() ? '增加' : '减少'}`, value: d.abs().toFixed(2), source: `${currentSource}-上年.${key}` });
  const reason = input.inputs?.reasons?.[key]?.trim();
  return `${words}，${reason ? `主要原因是${reason.replace(/[。；;，,]+$/, '')}` : w.mark(reasonKey(key))}`;
}

/** `沿用上年` (or `同上年`) in the 说明输入 accepts last year's paragraph as it stands. */
const ACCEPT_CARRIED = /^(沿用上年|同上年)[。.]?$/;

/** The clerk's paragraphs; else last year's, marked for review; else a marker. */
function paragraphsOf(w: Writer, key: string, given: string | undefined, carried: string | undefined): string[] {
  const own = lines(given);
  const last = lines(carried);
  if (own.length && !(own.length === 1 && ACCEPT_CARRIED.test(own[0]))) return own;
  if (last.length && own.length) return last;
  if (last.length) {
    w.review(key);
    return [`${CARRIED_MARK}${last[0]}`, ...last.slice(1)];
  }
  return [w.mark(key)];
}

function section1(w: Writer, input: NarrativeInput): string[] {
  return [
    '（一）单位职责',
    ...paragraphsOf(w, '单位职责', input.inputs?.duties, input.carried?.duties),
    '（二）机构设置',
    ...paragraphsOf(w, '机构设置', input.inputs?.organisation, input.carried?.organisation),
  ];
}

/** Names of the largest projects (by 预算数), for `主要用于…`. */
function mainProjects(w: Writer, input: NarrativeInput, n = 3): string[] {
  return input.projects
    .map((p) => ({ name: p.name || p.title, v: projectBudget(p, input.projects, w.unit, input.inputs?.projectBudgets).value ?? ZERO }))
    .filter((p) => p.name)
    .sort((a, z) => z.v.comparedTo(a.v))
    .slice(0, n)
    .map((p) => p.name.replace(/绩效目标表$/, ''));
}

function section2(w: Writer, input: NarrativeInput): string[] {
  const y = input.year;
  const out: string[] = ['本单位按照综合预算的原则编制预算，全部收入和支出都纳入预算管理。'];

  out.push('（一）收入说明');
  const incomeTotal = w.fig('收入总计');
  const incomeParts = [
    `一般公共预算拨款收入${w.fig('一般公共预算拨款收入')}`,
    `政府性基金预算拨款收入${w.fig('政府性基金预算拨款收入')}`,
    `国有资本经营预算拨款收入${w.fig('国有资本经营预算拨款收入')}`,
    `财政专户管理资金收入${w.fig('财政专户管理资金收入')}`,
  ];
  for (const k of ['事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'] as const) {
    const v = w.value(k);
    if (v && !v.isZero()) incomeParts.push(`${k}${w.fig(k)}`);
  }
  incomeParts.push(`上年结转结余${w.fig('上年结转结余')}`);
  out.push(`${y}年本单位收入预算总计${incomeTotal}，其中：${incomeParts.join('，')}。`);

  out.push('（二）支出说明');
  const expenseTotal = w.fig('支出总计');
  const personnel = w.value('人员经费');
  const pub = w.value('公用经费');
  const basic = w.value('基本支出');
  let basicText = `基本支出${w.fig('基本支出')}`;
  if (personnel && pub && basic && personnel.plus(pub).equals(basic)) {
    basicText += `，包括人员经费${w.fig('人员经费')}和公用经费${w.fig('公用经费')}`;
  } else {
    basicText += `，其中一般公共预算财政拨款安排人员经费${w.fig('人员经费')}、公用经费${w.fig('公用经费')}`;
  }
  let projectText = `项目支出${w.fig('项目支出')}`;
  const projectValue = w.value('项目支出');
  if (projectValue && !projectValue.isZero()) {
    const use = input.inputs?.projectUse?.trim();
    const names = mainProjects(w, input);
    if (use) projectText += `，主要用于${use.replace(/^主要用于/, '').replace(/[。；;]+$/, '')}`;
    else if (names.length) projectText += `，主要用于${names.join('、')}${input.projects.length > names.length ? '等项目' : ''}`;
    else projectText += `，${w.mark('项目支出主要用途')}`;
  }
  out.push(`${y}年本单位支出预算总计${expenseTotal}，其中：${basicText}；${projectText}。`);

  out.push('（三）比上年增减情况');
  const total = w.figs.收入总计;
  const totalText = w.fig('收入总计');
  const cTotal = change(w, input, '收支预算', '收支总计', total.value, total.source);
  if (cTotal === null) {
    out.push(`${y}年本单位收支预算总计${totalText}，${w.mark(priorKey('收支总计'))}。`);
  } else {
    const parts = [`${y}年本单位收支预算总计${totalText}，${cTotal}`];
    const fiscal = w.figs.财政拨款;
    const cFiscal = change(w, input, '财政拨款', '财政拨款', fiscal.value, fiscal.source);
    if (cFiscal) parts.push(`财政拨款收入${fiscal.value ? w.amount('财政拨款收入', fiscal.value, fiscal.source) : ''}，${cFiscal}`);
    const cBasic = change(w, input, '基本支出', '基本支出', w.value('基本支出'), w.figs.基本支出.source);
    if (cBasic) parts.push(`基本支出${cBasic}`);
    const cProject = change(w, input, '项目支出', '项目支出', w.value('项目支出'), w.figs.项目支出.source);
    if (cProject) parts.push(`项目支出${cProject}`);
    out.push(`${parts.join('；')}。`);
  }
  return out;
}

function section3(w: Writer, input: NarrativeInput): string[] {
  const y = input.year;
  const override = input.inputs?.operatingCost;
  const ov = override === undefined ? null : readAmount(typeof override === 'string' ? override.replace(/\s*万元$/, '') : override);
  let value: Decimal | null;
  let text: string;
  let source: string;
  if (ov && ov.kind === 'number' && ov.value) {
    value = ov.value;
    source = '输入.机关运行经费';
    text = w.amount('机关运行经费', value, source);
  } else {
    value = w.value('公用经费');
    source = w.figs.公用经费.source;
    text = w.fig('公用经费', '机关运行经费');
  }
  const use = input.inputs?.operatingUse?.trim();
  const items = w.unit.operatingItems.slice(0, 3);
  let s = `${y}年本单位机关运行经费安排${text}`;
  if (use) s += `，主要用于${use.replace(/^主要用于/, '').replace(/[。；;]+$/, '')}`;
  else if (items.length) s += `，主要用于${items.join('、')}等日常运转支出`;
  const c = change(w, input, '机关运行经费', '机关运行经费', value, source);
  if (c) s += `，${c}`;
  return [`${s}。`];
}

function section4(w: Writer, input: NarrativeInput): string[] {
  const y = input.year;
  let s =
    `${y}年本单位财政拨款“三公”经费预算${w.fig('三公经费', '“三公”经费')}，其中：因公出国（境）费${w.fig('因公出国（境）费')}；` +
    `公务用车购置及运维费${w.fig('公务用车购置及运维费')}（公务用车购置费${w.fig('公务用车购置费')}，公务用车运行维护费${w.fig('公务用车运行维护费')}）；` +
    `公务接待费${w.fig('公务接待费')}。`;
  const total = w.figs.三公经费;
  const c = change(w, input, '三公经费', '三公经费', total.value, total.source);
  if (c === null) s += `${w.mark(priorKey('三公经费'))}。`;
  else {
    const parts = [`“三公”经费${c}`];
    const items: [PriorKey, FigureKey][] = [
      ['因公出国（境）费', '因公出国（境）费'],
      ['公务用车购置及运维费', '公务用车购置及运维费'],
      ['公务接待费', '公务接待费'],
    ];
    for (const [pk, fk] of items) {
      const ci = change(w, input, pk, pk, w.value(fk), w.figs[fk].source);
      if (ci) parts.push(`${pk}${ci}`);
    }
    s += `${parts.join('；')}。`;
  }
  return [s];
}

function section5(w: Writer, input: NarrativeInput): string[] {
  const ps = input.projects;
  if (!ps.length) {
    const pv = w.value('项目支出');
    if (pv && pv.isZero()) return ['本单位本年度没有项目支出，未编制项目绩效目标。'];
    return [w.mark('项目绩效目标（未找到绩效目标表）', 'table')];
  }
  const budgets = ps.map((p) => projectBudget(p, ps, w.unit, input.inputs?.projectBudgets));
  const known = budgets.filter((b) => b.value !== null);
  const nameOf = (i: number) => (ps[i].name || ps[i].title || `项目${i + 1}`).replace(/绩效目标表$/, '');
  if (!known.length) {
    // Plain-layout tables (seed 004) carry no 预算数: list the projects as the seed does.
    return [`本单位${ps.length}个项目编制了绩效目标，各项目的绩效目标表附后。`, ...ps.map((_, i) => `${i + 1}. ${nameOf(i)}`)];
  }
  const partial = known.length < ps.length ? `（其中${ps.length - known.length}个项目未列预算数）` : '';
  const out = [
    `本单位${ps.length}个项目编制了绩效目标，已列明的预算数合计${w.amount('绩效目标项目预算数合计', sum(known.map((b) => b.value!)), 'KPI.预算数合计')}${partial}。各项目的绩效目标表附后。`,
  ];
  ps.forEach((_, i) => {
    const b = budgets[i];
    out.push(`${i + 1}. ${nameOf(i)}：预算数${b.value === null ? w.mark(`预算数：${nameOf(i)}`) : w.amount(`${nameOf(i)}预算数`, b.value, b.source)}。`);
  });
  return out;
}

function section6(w: Writer, input: NarrativeInput): string[] {
  const y = input.year;
  const v = w.value('政府采购');
  if (v === null) return [w.mark('政府采购预算（未找到单位政府采购预算表）', 'table')];
  if (v.isZero()) return [`${y}年本单位政府采购预算${w.fig('政府采购')}，没有安排政府采购项目，政府采购预算表空表列示。`];
  return [`${y}年本单位政府采购预算${w.fig('政府采购')}，明细见单位政府采购预算表。`];
}

function section7(w: Writer, input: NarrativeInput): string[] {
  const y = input.year;
  const out: string[] = [];
  if (w.value('固定资产') === null) out.push(w.mark('固定资产情况（未找到单位固定资产占用情况表）', 'table'));
  else out.push(`截至${previousYear(y)}末，本单位固定资产总额${w.fig('固定资产')}，明细见单位固定资产占用情况表。`);
  const p = input.inputs?.assetPurchase;
  if (p !== undefined && p !== '') {
    const a = readAmount(typeof p === 'string' ? p.replace(/\s*万元$/, '') : p);
    if (a.kind === 'number' && a.value) {
      out.push(
        a.value.isZero()
          ? `本年度没有拟购置的固定资产。`
          : `本年度拟购置固定资产${w.amount('拟购置固定资产', a.value, '输入.拟购置固定资产')}，已列入政府采购预算。`,
      );
    }
  }
  return out;
}

/** The department wording of a unit text: 本单位 → 本部门, 单位预算 → 部门预算. */
function asDepartment(text: string): string {
  return text.replace(/本单位/g, '本部门').replace(/单位预算/g, '部门预算').replace(/单位政府采购/g, '部门政府采购').replace(/单位固定资产/g, '部门固定资产').replace(/（一）单位职责/g, '（一）部门职责').replace(/单位职责及机构设置/g, '部门职责及机构设置');
}

export function buildNarrative(input: NarrativeInput): Narrative {
  const w = new Writer(input.figures ?? unitFigures(input.tables));
  const unitName = input.unit.name;
  const bodies = [
    section1(w, input),
    section2(w, input),
    section3(w, input),
    section4(w, input),
    section5(w, input),
    section6(w, input),
    section7(w, input),
    TERMS.map(([t, d], i) => `${i + 1}. ${t}：${d}`),
    lines(input.inputs?.other).length ? lines(input.inputs?.other) : ['本单位没有其他需要说明的事项。'],
  ];
  const dept = input.level === '部门';
  const say = (t: string) => (dept ? asDepartment(t) : t);
  const sections: NarrativeSection[] = SECTION_HEADINGS.map((heading, i) => ({ heading: say(heading), paragraphs: bodies[i].map(say) }));
  const kind = dept ? '部门' : '单位';
  return {
    title: `${unitName}${input.year}年${kind}预算信息公开情况说明`,
    intro: `依据《中华人民共和国预算法》和《地方预决算公开操作规程》的规定，现公开${unitName}${input.year}年${kind}预算，说明如下。`,
    sections,
    amounts: w.amounts,
    missing: w.missing,
    todo: w.todo,
    changes: w.changes,
  };
}
