/**
 * The 公开情况说明 (sections 一…九) written from the tables. Amounts are stated in
 * 万元 with exactly two decimals and each is recorded with its source; what only
 * the clerk knows (duties, reasons for changes) becomes a visible `【待填写：…】`
 * marker instead of invented text.
 */
import { Decimal, ZERO, fmt, readAmount, sum } from '../money';
import { norm } from '../text';
import { KIND_TITLES, type TableKind } from '../budget/types';
import { keyFigures, projectBudgets, type FigureKey, type KeyFigures } from './figures';
import { TERMS } from './terms';
import type { Narrative, NarrativeInput, NarrativeSection, PriorKey, StatedAmount } from './types';
import { resolveColumns, amountOf } from '../layout/columns';
import { T6_COLS } from '../layout/specs';

export * from './types';
export { keyFigures, projectBudgets, FIGURE_KEYS, type Figure, type FigureKey, type KeyFigures } from './figures';
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

/** Collects stated amounts and missing items while the text is written. */
class Writer {
  readonly amounts: StatedAmount[] = [];
  readonly missing: string[] = [];

  constructor(readonly figs: KeyFigures) {}

  /** `3889.89万元`, recorded with its source. */
  amount(label: string, value: Decimal, source: string): string {
    const v = fmt(value);
    this.amounts.push({ label, value: v, source });
    return `${v}万元`;
  }

  mark(what: string): string {
    if (!this.missing.includes(what)) this.missing.push(what);
    return MARKER(what);
  }

  /** A key figure as `X万元`, or a marker naming the table it should come from. */
  fig(key: FigureKey, label: string = key): string {
    const f = this.figs[key];
    if (f.value === null) return this.mark(`${label}（未找到${KIND_TITLES[f.source.split('.')[0] as TableKind] ?? f.source}）`);
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

function priorAmount(prior: NarrativeInput['prior'], key: PriorKey): Decimal | null {
  const v = prior?.[key];
  if (v === undefined || v === null || v === '') return null;
  const a = readAmount(typeof v === 'string' ? v.replace(/\s*万元$/, '') : v);
  return a.kind === 'number' ? a.value : null;
}

function lines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
}

/**
 * `比上年增加12.50万元` / `比上年减少…` / `与上年持平`, with the reason (or a marker
 * when the figure changed and no reason was given).
 */
function change(w: Writer, input: NarrativeInput, label: string, key: PriorKey, current: Decimal | null, currentSource: string): string | null {
  const before = priorAmount(input.prior, key);
  if (before === null || current === null) return null;
  const priorYear = input.prior?.year ? `${String(input.prior.year).trim().replace(/年$/, "")}年` : previousYear(input.year);
  const d = current.minus(before);
  if (d.isZero()) return `与${priorYear}持平`;
  const words = d.isPositive() ? '增加' : '减少';
  const amt = w.amount(`${label}比上年${words}`, d.abs(), `${currentSource}-上年.${key}`);
  const reason = input.inputs?.reasons?.[key]?.trim();
  return `比${priorYear}${words}${amt}，${reason ? `主要原因是${reason.replace(/[。；;，,]+$/, '')}` : w.mark(`${label}增减原因`)}`;
}

function section1(w: Writer, input: NarrativeInput): string[] {
  const duties = lines(input.inputs?.duties);
  const org = lines(input.inputs?.organisation);
  return [
    '（一）单位职责',
    ...(duties.length ? duties : [w.mark('单位职责')]),
    '（二）机构设置',
    ...(org.length ? org : [w.mark('机构设置（内设机构、单位性质、单位规格、经费保障形式）')]),
  ];
}

/** Names of the largest projects (by 预算数), for `主要用于…`. */
function mainProjects(input: NarrativeInput, n = 3): string[] {
  const b = projectBudgets(input.projects);
  return input.projects
    .map((p, i) => ({ name: p.name || p.title, v: b[i] ?? ZERO }))
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
    const names = mainProjects(input);
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
    out.push(`${y}年本单位收支预算总计${totalText}，${w.mark('上年收支预算数及增减原因')}。`);
  } else {
    const parts = [`${y}年本单位收支预算总计${totalText}，${cTotal}`];
    const cBasic = change(w, input, '基本支出', '基本支出', w.value('基本支出'), w.figs.基本支出.source);
    if (cBasic) parts.push(`基本支出${cBasic}`);
    const cProject = change(w, input, '项目支出', '项目支出', w.value('项目支出'), w.figs.项目支出.source);
    if (cProject) parts.push(`项目支出${cProject}`);
    out.push(`${parts.join('；')}。`);
  }
  return out;
}

/** The largest 公用经费 items of T6 (款 level), to say what 机关运行经费 pays for. */
function operatingItems(input: NarrativeInput, n = 3): string[] {
  const t = input.tables.T6;
  if (!t) return [];
  const cols = resolveColumns(t, T6_COLS);
  return t.rows
    .filter((r) => r.code && /^30[2-9]\d\d$/.test(r.code))
    .map((r) => ({ name: norm(r.name), v: amountOf(r, cols, 'public') ?? ZERO }))
    .filter((r) => r.v.isPositive())
    .sort((a, z) => z.v.comparedTo(a.v))
    .slice(0, n)
    .map((r) => r.name);
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
  const items = operatingItems(input);
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
  const c = change(w, input, '“三公”经费', '三公经费', total.value, total.source);
  if (c === null) s += `${w.mark('上年“三公”经费预算数及增减原因')}。`;
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
    return [w.mark('项目绩效目标（未找到绩效目标表）')];
  }
  const budgets = projectBudgets(ps);
  const known = budgets.filter((b): b is Decimal => b !== null);
  const nameOf = (i: number) => (ps[i].name || ps[i].title || `项目${i + 1}`).replace(/绩效目标表$/, '');
  if (!known.length) {
    // Plain-layout tables (seed 004) carry no 预算数: list the projects, ask once for the amounts.
    return [
      `本单位${ps.length}个项目编制了绩效目标，各项目的绩效目标表附后。${w.mark('各项目预算数（绩效目标表未列预算数）')}`,
      ...ps.map((_, i) => `${i + 1}. ${nameOf(i)}`),
    ];
  }
  const partial = known.length < ps.length ? `（其中${ps.length - known.length}个项目未列预算数）` : '';
  const out = [
    `本单位${ps.length}个项目编制了绩效目标，已列明的预算数合计${w.amount('绩效目标项目预算数合计', sum(known), 'KPI.预算数合计')}${partial}。各项目的绩效目标表附后。`,
  ];
  ps.forEach((_, i) => {
    const b = budgets[i];
    out.push(`${i + 1}. ${nameOf(i)}：预算数${b === null ? w.mark(`${nameOf(i)}预算数`) : w.amount(`${nameOf(i)}预算数`, b, `KPI.${i + 1}.预算数`)}。`);
  });
  return out;
}

function section6(w: Writer, input: NarrativeInput): string[] {
  const y = input.year;
  const v = w.value('政府采购');
  if (v === null) return [w.mark('政府采购预算（未找到单位政府采购预算表）')];
  if (v.isZero()) return [`${y}年本单位政府采购预算${w.fig('政府采购')}，没有安排政府采购项目，政府采购预算表空表列示。`];
  return [`${y}年本单位政府采购预算${w.fig('政府采购')}，明细见单位政府采购预算表。`];
}

function section7(w: Writer, input: NarrativeInput): string[] {
  const y = input.year;
  const out: string[] = [];
  if (w.value('固定资产') === null) out.push(w.mark('固定资产情况（未找到单位固定资产占用情况表）'));
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

export function buildNarrative(input: NarrativeInput): Narrative {
  const w = new Writer(keyFigures(input.tables));
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
  const sections: NarrativeSection[] = SECTION_HEADINGS.map((heading, i) => ({ heading, paragraphs: bodies[i] }));
  return {
    title: `${unitName}${input.year}年单位预算信息公开情况说明`,
    intro: `依据《中华人民共和国预算法》和《地方预决算公开操作规程》的规定，现公开${unitName}${input.year}年单位预算，说明如下。`,
    sections,
    amounts: w.amounts,
    missing: w.missing,
  };
}
