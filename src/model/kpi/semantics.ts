/**
 * What an indicator measures, which way it is good and how sure we are — the one place
 * in the KPI model that understands an indicator (every rule asks it; direction.ts and
 * library.ts only re-export or consume it).
 *
 * Built from morphology and small data tables of morphemes, never from whole names:
 * - the measured thing of a rate is the part before `占` (`已参保人数占应参保人数的比率`);
 * - its head is the right-most morpheme found in the tables (`费用核算准确率` → 准确);
 * - an event that is undesirable (差错, 事故, 投诉, 逾期, 损失, 违规, 死亡 …) makes a rate or a
 *   count lower-is-better; a negation right before a morpheme flips it (`无事故`, `不合格`);
 * - a change head takes the polarity of what changes: `故障降低率` (an undesirable thing
 *   falls) is higher-is-better, `维护成本增长率` (a cost grows) lower-is-better;
 * - measure words (人数, 次数, 户数, 件数 …) make a count; 时间/时限/天数 a duration (less is
 *   better unless what lasts is the benefit: 使用年限, 作用期限); 日期 a deadline; 金额/成本/
 *   标准 money; 情况/程度/水平/稳定 … a qualitative indicator.
 * The 描述 (with `反向指标` / `正向指标`), the 二级 and the value's unit fill in what the name
 * leaves open. Confidence says how far a rule may go: 'high' may advise a fix, 'medium' may
 * warn, 'low' must stay silent (or say info without advice).
 */
import { fastNorm as norm } from './fastnorm';
import type { KpiDirection } from './types';

export type IndicatorKind = 'rate' | 'count' | 'money' | 'duration' | 'deadline' | 'qualitative';
export type Confidence = 'high' | 'medium' | 'low';
/** The unit family a value of the indicator should use. */
export type UnitFamily = 'percent' | 'count' | 'money' | 'time' | 'date' | 'words';

export interface IndicatorInput {
  /** 三级指标 name. */
  level3?: unknown;
  /** 绩效指标描述. */
  description?: unknown;
  /** 二级指标 as written (数量指标, 时效, 成本指标 …). */
  level2?: unknown;
  /** 一级指标 as written. */
  level1?: unknown;
  /** The value's unit (normalised, `%`, `人`, `万元` …), when the row has one. */
  unit?: string;
}

export interface IndicatorSense {
  kind: IndicatorKind;
  kindConfidence: Confidence;
  direction: KpiDirection;
  directionConfidence: Confidence;
  unitFamily: UnitFamily;
  /** For counts: the measure word the name implies (人, 次, 户, 件 …), when it implies one. */
  countUnit?: string;
  /** A 满意度 indicator (a percentage, 80 % or more by convention). */
  satisfaction: boolean;
  /** A budget-management measure (预算执行率, 资金到位率, 支出进度 …), not a result. */
  management: boolean;
  /** Names something no number measures (维护社会稳定, 提升全民国防意识, 保障工作持续推进). */
  abstract: boolean;
  /** A yes/no question (`补贴是否发放`). */
  yesNo: boolean;
  /** Why (for tests and KPI.DATA tooltips): the morpheme or signal that decided. */
  why: string;
}

/* ---------- data tables (morphemes, not names) ---------- */

/** Events or states one wants fewer of, across fields (人社, 教育, 卫健, 农业, 交通, 民政 …). */
const UNDESIRABLE = [
  // mistakes and failures
  '差错', '错误', '出错', '错案', '错发', '错报', '错登', '误差', '偏差', '失误', '误诊', '误判', '误报', '差评', '失败', '失效', '故障',
  '停机', '宕机', '中断', '掉线', '停电', '停水', '缺陷', '瑕疵', '隐患', '返工', '返修', '退货', '不良', '漏报', '漏检', '漏诊', '漏登', '漏发',
  '重复', '废品', '报废', '破损', '损坏', '毁损', '霉变', '变质',
  // harm
  '事故', '伤亡', '死亡', '病死', '致死', '伤残', '受伤', '发病', '患病', '感染', '传染', '复发', '并发症', '再入院', '中毒', '溺水', '火灾',
  '疫情', '暴发', '病害', '虫害', '灾害', '灾情', '险情', '塌方', '污染', '排放', '能耗', '水耗', '噪声', '扬尘', '近视', '肥胖', '龋齿',
  '贫血', '低体重', '残疾', '文盲', '流产', '剖宫产', '抗菌药物', '药占', '耗占', '自付', '自费', '次均费用',
  // social problems
  '失业', '辍学', '失学', '流失', '离职', '缺勤', '旷课', '投诉', '上访', '信访', '越级访', '纠纷', '违规', '违法', '违纪', '违章', '违约',
  '非法', '犯罪', '案发', '发案', '刑事', '欺诈', '骗保', '骗取', '套取', '挪用', '冒领', '截留', '返贫', '致贫', '贫困发生', '拖欠', '欠薪',
  '欠费', '欠款', '坏账', '呆账', '代偿', '逾期', '延误', '延迟', '滞后', '超期', '超时', '晚点', '拖期', '积压', '拥堵', '超载', '超员',
  // waste and money that should not grow
  '损失', '损耗', '浪费', '超支', '超标', '空置', '闲置', '撂荒', '结余', '沉淀', '负债', '赤字', '成本', '费用', '开支', '调整次数', '调剂',
  '驳回', '退回', '整改通知', '处罚', '问责', '欺凌', '霸凌', '暴力', '盗窃', '诈骗', '失能', '撤销', '改判',
];

/** Wrongdoing verbs and the adverb 重复: they decide wherever they stand (`冒领骗取救助资金案件数`). */
const STRONG = ['冒领', '骗取', '骗保', '套取', '挪用', '截留', '欺诈', '拖欠', '欠薪', '重复', '非法', '违规', '违法'];

/** Remedies: dealing with a problem is the good thing (`事故处理及时率`, `欠薪案件清欠率`). */
const REMEDY = [
  '排除', '处置', '处理', '解决', '化解', '调解', '整改', '查处', '修复', '消除', '治理', '纠正', '追回', '清欠', '挽回', '处治', '防治',
  '防控', '救治', '治愈', '办结', '结案', '清理', '打击', '整治', '修补', '清偿', '诉讼', '起诉', '追缴', '稽核', '督办', '审计',
];

/** Nouns that contain an undesirable morpheme but name a programme or a group (`失业保险金`, `残疾人`): no polarity. */
const NEUTRAL = ['失业保险', '失业金', '工伤保险', '伤残津贴', '残疾人', '死亡抚恤', '丧葬', '事故责任', '费用报销', '灾后重建'];

/** What one wants more of, or the doing of the work (the usual head of a higher-is-better rate). */
const DESIRABLE = [
  '完成', '办结', '结案', '结清', '到位', '到账', '及时', '按时', '按期', '准时', '如期', '合格', '达标', '优良', '优秀', '满意', '好评', '认可',
  '知晓', '覆盖', '普及', '参保', '参合', '续保', '缴费', '征缴', '收缴', '就业', '入学', '升学', '巩固', '毕业', '出勤', '签订', '签约', '执行',
  '落实', '兑现', '发放', '拨付', '支付', '下达', '使用', '利用', '采用', '采纳', '转化', '准确', '正确', '精准', '完好', '完整', '合规', '合理',
  '规范', '有效', '正常', '成功', '通过', '治愈', '好转', '救治', '接种', '免疫', '筛查', '体检', '检测', '监测', '随访', '回访', '管理', '建档',
  '录入', '归档', '审核', '处置', '处理', '解决', '化解', '调解', '整改', '查处', '排除', '修复', '消除', '治理', '纠正', '追回', '清欠', '挽回',
  '安置', '救助', '保障', '受益', '享受', '领取', '获得', '认证', '登记', '满足', '实现', '运行', '畅通', '通畅', '通车', '硬化', '绿化', '成活',
  '存活', '出栏', '产量', '增收', '回收', '配备', '配套', '开通', '上线', '共享', '在线', '线上', '持证', '转移', '培训', '宣传', '开展', '覆盖面',
  '保存', '投保', '承保', '理赔', '补足', '补助', '补贴', '资助', '帮扶', '慰问', '服务', '提供', '供应', '供给', '发证', '审批', '办理', '受理',
  '识别', '核查', '检查', '督查', '巡查', '抽查', '走访', '评估', '验收', '竣工', '完工', '建成', '改造', '修缮', '维修', '养护', '疏浚', '入住',
  '托养', '供养', '集中供养', '寄养', '收养', '助餐', '上岗', '招聘', '录用', '晋级', '达产', '增产', '良种', '节水', '灌溉', '机械化', '养殖',
  '种植', '流转', '生存认证', '正常运行', '知悉', '留存', '留用', '转正', '复工', '返岗', '就诊', '住院分娩', '母乳喂养', '健康管理', '规范管理',
  '控制', '稳定', '安全', '无事故', '正点', '准点', '防疫', '防护', '到岗', '康复', '脱贫', '达效', '合作', '参与', '照护', '照料',
  '护理', '通客车', '通达', '通公交', '新能源', '清洁能源', '节能', '报销', '赔付', '兑付', '新建', '新增', '建设', '改建', '扩建', '安装',
  '购置', '配置', '取证', '发证',
];

/** A change measured: the rate takes the polarity of what changes. */
const DECREASE = ['降低', '下降', '减少', '缩短', '缩减', '节约', '节省', '压缩', '减小', '压降', '减低', '减幅', '降幅', '下降幅度', '削减'];
const INCREASE = ['增长', '增加', '增幅', '提高', '提升', '上升', '增速', '增量', '增收'];
/** Usage heads take the polarity of what is used (`秸秆综合利用率` +, `抗菌药物使用率` −). */
const USE = ['使用', '利用', '用量', '使用量'];
/** Prevention words: what is prevented is undesirable, so the indicator is higher-is-better. */
const PREVENT = /严防|防止|杜绝|避免|遏制|防范|预防|防控|打击|整治/;
const NEGATION = /[无零不未非免]$/;
const LEAD_REDUCE = /^(?:降低|减少|缩短|节约|节省|压缩|压减|削减|控制|减轻)/;

/** Durations where more is the benefit (the rest — 办理时间, 响应时间, 工期 — want less). */
const LONG_GOOD = /持续|作用|使用|寿命|取暖|供暖|供热|供水期|保修|质保|有效期|开放|培训|学习|学时|课时|保存|存续|受益|运行时间|服务年限|服务期|任期|陪护|在岗/;
const MARK_LOWER = /反向指标|逆向指标|越低越好|越小越好|负向指标/;
const MARK_HIGHER = /正向指标|越高越好|越大越好/;
// `在规定时间内下达率`: a time limit qualifies the rate, it is not the quantity.
const WITHIN = /(在)?(规定|要求|承诺|法定|约定|限定)?(的)?(时间|时限|期限|日期)(之)?内/g;
const TRAILER = /(?:[(（][^()（）]*[)）]?|指标|[%％≥≤。.;；,，、]|\s)+$/;
const TRAILER_TEST = /[)）标%％≥≤。.;；,，、\s]$/;

const RATE_END = /(?:率|比例|比率|比重|占比|覆盖面|满意度|达标|百分比)$/;
const RATE_ANY = /率|比例|比率|比重|占比|覆盖面|满意|达标/;
const RATE_IN_DESC = /率|比例|比率|比重|占比|百分比|覆盖面|[*×]\s*100\s*%|\/.*(总|应|全部)/;
const SATISFACTION = /满意|好评率|认可度/;
const YES_NO = /是否/;

/** Measure-word endings of a count, with the unit they imply. */
const COUNT_ENDS: [RegExp, string | undefined][] = [
  [/(人次|人数|人员数量|人员数|名额|人口数|人口|学生数|学员数|患者数|就业人数|职工数)$/, '人'],
  [/(户数|家庭数|户)$/, '户'],
  [/(次数|场次|期数|批次|频次|轮次)$/, '次'],
  [/(件数|案件数|起数|宗数)$/, '件'],
  [/(家数|企业数|单位数|机构数|所数|学校数)$/, '家'],
  [/(个数|项数|份数|台数|套数|册数|篇数|条数|床位数|辆数|座数|处数|村数|点数|岗位数|站点数)$/, undefined],
  [/(数量|总数|规模|总量|数目|产量|存栏量|出栏量|面积|里程|长度|公里数|亩数)$/, undefined],
];
// `受益数`, `新增岗位数`: a bare 数 after a verb or noun, but not 指数/系数/预算数/控制数 and the like.
const COUNT_BARE = /[^\d指系分倍基参读控核定算预额限制]数$/;
const COUNT_BRACKET = /[(（](人|人次|户|次|件|家|个|项|份|台|套|所|场|期|篇|条|名|辆|座|处|亩|公里|平方米|吨|床)(?:\/[^()（）]*)?[)）]$/;
/** Headcounts of the people the money pays (an input, no better direction). */
const STAFF_COUNT = /(政府购买|劳务派遣|派遣|聘用|聘请|雇佣|雇用|编制|在职|在编|工作人员|公益性岗位人员|辅警|协管员|临时工)/;

const MONEY_END = /(金额|数额|资金|经费|费用|成本|开支|支出|投入|收入|标准|单价|价格|补贴|补助|补助金|工资|报酬|薪酬|租金|费|款|奖金|资助|预算|造价|利息|贴息|保费|金|增收)$/;
const MONEY_LOWER = /(成本|费用|开支|支出|经费|单价|价格|租金|造价|报价|维护费|运行费|管理费|花费)/;
const MONEY_HIGHER = /(收入|增收|产值|营业额|营收|利润|节约|节省|回收|挽回|追回|带动|拉动|撬动|吸引)/;
const MONEY_EXACT = /(标准|补贴|补助|工资|待遇|报酬|薪酬|金额|数额|奖金|资助)/;

const DURATION_END = /(时间|时长|用时|耗时|时限|周期|期限|天数|工期|日数|年限|月数|小时数|工作日|时效|寿命)$/;
const DEADLINE_END = /(日期|时间节点|截止时间|截止日期|完成时点|节点|时点|月份)$/;

/** Qualitative heads: a state, a degree, an effect — a 效益 row may be judged in words. */
const QUALITATIVE = /(情况|程度|水平|能力|效果|影响|意识|稳定|和谐|发展|推进|开展|成效|作用|环境|氛围|形象|面貌|秩序|权益|保障|安全|质量|素质|建设|机制|制度|体系|观念|理念|风气|活力|信心|获得感|幸福感|安全感|满足感|认同感|凝聚力|影响力|竞争力|创新|示范|引领|带动|改善|提升|提高|增强|加强|完善|优化|促进|维护|确保|保证|保持|落实|规范|便利|便捷|持续|长效|可持续|效率|效能|状况|状态)/;
/** Abstract aims no number measures (VAGUE_PCT of the audit). */
const ABSTRACT = /(社会稳定|和谐稳定|是否稳定|国防意识|推进和发展|推进工作|工作开展|持续推进|事业的推进|事业发展|经济.{0,4}可持续|可持续性发展|生活水平|生活保障|服务水平|社会效益|社会影响|社会治安|安全感|幸福感|获得感|凝聚力|公信力|形象|氛围|意识|风气|基金安全|制度$|体系$|发展$)/;

const MGMT = /(预算(资金)?执行率|资金执行率|资金到位率|(预算)?(资金)?支出进度|执行进度|支付进度|结余率|结转率|科目调整|预算调整次数|资金拨付率|资金支付率|资金使用率)/;

const alt = (list: readonly string[]) => [...new Set(list)].sort((a, b) => b.length - a.length).join('|');
// `错保`, `漏保`, `误发`: 错/漏/误 before a verb is a mistake in it (after every listed word, so lists win).
const MORPHEME = new RegExp(
  `(${alt([...NEUTRAL, ...STRONG, ...REMEDY, ...UNDESIRABLE, ...DESIRABLE, ...DECREASE, ...INCREASE, ...USE])}|[错漏误][\u4e00-\u9fa5]|被[\u4e00-\u9fa5]{1,4}?(?=率|$))`,
  'g',
);
const UNDES_SET = new Set([...UNDESIRABLE, ...STRONG]);
const STRONG_SET = new Set(STRONG);
const REMEDY_SET = new Set(REMEDY);
const NEUTRAL_SET = new Set(NEUTRAL);
const DES_SET = new Set([...DESIRABLE, ...REMEDY]);
const DEC_SET = new Set(DECREASE);
const INC_SET = new Set([...INCREASE, ...USE]);

type Polarity = 1 | -1;
interface Head {
  polarity: Polarity | 0;
  why: string;
  /** True when the decision came from a table morpheme (not a default). */
  known: boolean;
  /** Only a change was found, not what changes (`人口自然增长率`): a guess, not knowledge. */
  weak?: boolean;
  /** A change head with no subject found (`提高率`): direction of the change itself. */
}

/** The indicator name with trailing `（%）`, `指标`, punctuation removed, normalised. */
export function coreName(name: unknown): string {
  const n = norm(name);
  return TRAILER_TEST.test(n) ? n.replace(TRAILER, '') : n;
}

/**
 * Polarity of a noun phrase from its right-most morphemes: +1 desirable, -1 undesirable,
 * 0 unknown. A change head (增长/降低) combines with the polarity of what changes.
 */
export function phrasePolarity(text: string): Head {
  const t = text.replace(WITHIN, '');
  const hits: { w: string; at: number }[] = [];
  MORPHEME.lastIndex = 0;
  for (let m = MORPHEME.exec(t); m; m = MORPHEME.exec(t)) if (!NEUTRAL_SET.has(m[1])) hits.push({ w: m[1], at: m.index });
  if (!hits.length) return { polarity: 0, why: '', known: false };
  const polOf = (w: string): Polarity => (UNDES_SET.has(w) || /^[错漏误被]/.test(w) && !DES_SET.has(w) ? -1 : 1);
  // A wrongdoing or a remedy decides wherever it stands; the right-most of them wins. An
  // undesirable event to the right of a remedy is what is counted (`办结超期率`: the share of
  // closings that ran late), so the scan stops there and the head decides below.
  for (let k = hits.length - 1; k >= 0; k--) {
    const w = hits[k].w;
    if (REMEDY_SET.has(w)) return { polarity: 1, why: w, known: true };
    if (STRONG_SET.has(w)) return { polarity: -1, why: w, known: true };
    if (UNDES_SET.has(w)) break;
  }
  // Change words at the end (`故障降低率`, `成本增长率`); a change before the subject is a verb (`提高群众满意度`).
  let i = hits.length - 1;
  let change: 1 | -1 | 0 = 0;
  let changeWord = '';
  while (i >= 0 && (DEC_SET.has(hits[i].w) || INC_SET.has(hits[i].w))) {
    if (!change) {
      change = DEC_SET.has(hits[i].w) ? -1 : 1;
      changeWord = hits[i].w;
    }
    i--;
  }
  // Only a change word: `提高率`, `资金使用率` — the change itself is what is measured.
  if (i < 0) return { polarity: 1, why: changeWord, known: true, weak: true };
  const h = hits[i];
  let pol = polOf(h.w);
  const before = t.slice(Math.max(0, h.at - 1), h.at);
  // `无安全事故`: 无/零 negate the event a few characters on.
  const negated = (NEGATION.test(before) || /[无零][^无零]{0,3}$/.test(t.slice(Math.max(0, h.at - 4), h.at))) && h.w !== '无事故';
  if (negated) pol = (pol === 1 ? -1 : 1) as Polarity;
  const why = (negated ? before : '') + h.w + (changeWord ? `+${changeWord}` : '');
  if (change) pol = (pol * change) as Polarity;
  return { polarity: pol, why, known: true };
}

/** The measured part of a ratio name: `A占B的比率` measures A. */
function numerator(n: string): string {
  const k = n.indexOf('占');
  return k > 0 ? n.slice(0, k) : n;
}

const KIND_BY_L2: Record<string, IndicatorKind> = { 数量: 'count', 成本: 'money', 经济成本: 'money', 满意度: 'rate', 服务对象满意度: 'rate' };

function level2Key(level2: unknown): string {
  const t = norm(level2).replace(/[()（）:：]/g, '');
  if (!t) return '';
  if (t.includes('满意')) return '服务对象满意度';
  const m = /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|生态环境效益|可持续影响|可持续|经济成本|社会成本|生态环境成本)/.exec(t);
  if (!m) return '';
  return m[1] === '生态环境效益' ? '生态效益' : m[1] === '可持续' ? '可持续影响' : m[1];
}

function unitFamilyOf(unit: string | undefined): UnitFamily | null {
  if (!unit) return null;
  if (unit === '%' || unit === '‰' || unit === '百分点' || unit === '个百分点') return 'percent';
  if (/^(?:万|亿|千|百)?元(?:\/|$)/.test(unit) || /^(?:万|亿)(?:\/|$)/.test(unit)) return 'money';
  if (/^(天|日|工作日|个月|月|年|周|小时|分钟|秒)$/.test(unit)) return 'time';
  return 'count';
}

const FAMILY: Record<IndicatorKind, UnitFamily> = { rate: 'percent', count: 'count', money: 'money', duration: 'time', deadline: 'date', qualitative: 'words' };

const CACHE = new Map<string, IndicatorSense>();

/** What an indicator measures and which way it is good. Pure, deterministic, never throws. */
export function senseIndicator(input: IndicatorInput): IndicatorSense {
  const level3 = typeof input.level3 === 'string' ? input.level3 : norm(input.level3);
  const desc = typeof input.description === 'string' ? input.description : norm(input.description);
  const l2 = typeof input.level2 === 'string' ? input.level2 : norm(input.level2);
  const key = `${level3}\u0001${desc}\u0001${l2}\u0001${input.unit ?? ''}`;
  const hit = CACHE.get(key);
  if (hit) return hit;
  const s = computeSense(level3, desc, l2, input.unit);
  if (CACHE.size > 5000) CACHE.clear();
  CACHE.set(key, s);
  return s;
}

function computeSense(level3: string, descRaw: string, level2Raw: string, unit: string | undefined): IndicatorSense {
  const core = coreName(level3);
  const desc = desc0(descRaw);
  const l2 = level2Key(level2Raw);
  const uf = unitFamilyOf(unit);
  const nameNoEff = core.includes('效率') ? core.replace(/效率/g, '效') : core;
  const satisfaction = SATISFACTION.test(core) || (!core && SATISFACTION.test(desc));
  const yesNo = YES_NO.test(core);
  const management = MGMT.test(core);

  let kind: IndicatorKind | null = null;
  let kindConf: Confidence = 'low';
  let countUnit: string | undefined;
  let why = '';

  // 1. The name's ending decides the kind.
  const bracket = COUNT_BRACKET.exec(core);
  const nameForEnd = nameNoEff.replace(/[(（][^()（）]*[)）]$/, '');
  if (satisfaction) {
    kind = 'rate';
    kindConf = 'high';
    why = '满意';
  } else if (RATE_END.test(nameForEnd) || /[(（]\s*[%％]\s*[)）]$/.test(level3)) {
    kind = 'rate';
    kindConf = 'high';
  } else if (DEADLINE_END.test(nameForEnd)) {
    kind = 'deadline';
    kindConf = 'high';
  } else if (DURATION_END.test(nameForEnd)) {
    kind = 'duration';
    kindConf = 'high';
  } else if (bracket) {
    kind = 'count';
    kindConf = 'high';
    countUnit = bracket[1];
  } else {
    for (const [re, u] of COUNT_ENDS) {
      if (re.test(nameForEnd)) {
        kind = 'count';
        kindConf = 'high';
        countUnit = u;
        break;
      }
    }
    if (!kind && MONEY_END.test(nameForEnd) && !/(工作|情况|水平|[缴交收]费)$/.test(nameForEnd)) {
      kind = 'money';
      kindConf = 'medium';
    }
    if (!kind && COUNT_BARE.test(nameForEnd)) {
      kind = 'count';
      kindConf = 'medium';
    }
  }
  // `信访率降低`, `提高参保续保的比例`: a rate named inside a phrase.
  if (!kind && RATE_ANY.test(nameNoEff) && (uf === 'percent' || !/(情况|程度|水平)$/.test(nameNoEff))) {
    kind = 'rate';
    kindConf = 'medium';
  }
  if (!kind && yesNo) {
    kind = 'qualitative';
    kindConf = 'medium';
  }
  if (!kind && core && QUALITATIVE.test(core)) {
    kind = 'qualitative';
    kindConf = 'medium';
  }
  // 2. The description (`按时发放次数占应发放次数的比例`), then the unit, then the 二级.
  if (!kind && desc && RATE_IN_DESC.test(desc) && !/(人数|次数|户数)$/.test(desc)) {
    kind = 'rate';
    kindConf = 'medium';
  }
  // `档案保存完善程度 ≥99%`: a degree stated in % is a rate.
  if (kind === 'qualitative' && uf === 'percent' && /程度$/.test(core)) {
    kind = 'rate';
    kindConf = 'low';
  }
  if ((!kind || kindConf === 'low') && uf) {
    kind = uf === 'percent' ? 'rate' : uf === 'money' ? 'money' : uf === 'time' ? 'duration' : 'count';
    kindConf = 'low';
  }
  if (!kind && l2 === '时效') {
    kind = 'deadline';
    kindConf = 'low';
  }
  if (!kind && KIND_BY_L2[l2]) {
    kind = KIND_BY_L2[l2];
    kindConf = 'low';
  }
  if (!kind) {
    kind = 'qualitative';
    kindConf = 'low';
  }

  // `减少查阅档案时间`, `降低监察办案成本`: the name is an aim to reduce something — what is
  // measured is the reduction, so more is better, and the value may well be in words.
  const aimToReduce = LEAD_REDUCE.test(core);
  if (aimToReduce && kind !== 'rate') {
    kind = uf === 'percent' ? 'rate' : 'qualitative';
    kindConf = 'low';
  }
  // 3. Direction.
  let direction: KpiDirection = 'neutral';
  let dirConf: Confidence = 'low';
  const marked = MARK_LOWER.test(core) || MARK_LOWER.test(desc) ? 'lower' : MARK_HIGHER.test(core) || MARK_HIGHER.test(desc) ? 'higher' : null;
  if (marked) {
    direction = marked;
    dirConf = 'high';
    why = marked === 'lower' ? '反向指标' : '正向指标';
  } else if (satisfaction) {
    direction = 'higher';
    dirConf = 'high';
  } else if (aimToReduce) {
    direction = 'higher';
    dirConf = 'medium';
    why = '减少';
  } else if (kind === 'rate') {
    const rateName = /率.*(降低|下降|减少|提高|提升|增加)$/.test(core) ? '' : core;
    if (!rateName && core) {
      // `信访率降低`: the value may be the rate (≤) or the reduction (≥) — do not judge.
      direction = 'neutral';
      why = '率+变化';
    } else {
      const h = phrasePolarity(numerator(rateName || desc));
      if (PREVENT.test(core)) {
        direction = 'higher';
        dirConf = 'medium';
        why = '防范';
      } else if (h.known) {
        direction = h.polarity === -1 ? 'lower' : 'higher';
        dirConf = h.weak ? 'medium' : 'high';
        why = h.why;
      } else if (/发生率$|几率$|概率$/.test(core)) {
        direction = 'lower';
        dirConf = 'medium';
        why = '发生率';
      } else {
        // An unknown rate is most often a completion-type rate, but we cannot be sure.
        direction = 'higher';
        dirConf = 'low';
        why = '率';
      }
    }
  } else if (kind === 'count') {
    if (STAFF_COUNT.test(core)) {
      why = '人员规模';
    } else {
      const h = phrasePolarity(core);
      if (h.known) {
        direction = h.polarity === -1 ? 'lower' : 'higher';
        dirConf = 'medium';
        why = h.why;
      }
    }
  } else if (kind === 'duration') {
    if (LONG_GOOD.test(core)) {
      direction = 'higher';
      dirConf = 'medium';
      why = '持续期';
    } else {
      direction = 'lower';
      dirConf = 'medium';
      why = '用时';
    }
  } else if (kind === 'money') {
    if (/标准$/.test(core)) {
      why = '标准';
    } else if (MONEY_HIGHER.test(core)) {
      direction = 'higher';
      dirConf = 'medium';
      why = '收益';
    } else if (MONEY_LOWER.test(core)) {
      direction = 'lower';
      dirConf = 'medium';
      why = '成本';
    } else if (MONEY_EXACT.test(core)) {
      why = '标准';
    } else if (l2 === '成本' || l2 === '经济成本') {
      direction = 'lower';
      why = '成本';
    }
  } else if (kind === 'qualitative' && core && PREVENT.test(core)) {
    direction = 'higher';
    dirConf = 'low';
  }

  // A kind guessed from the unit or the 二级 cannot carry a sure direction.
  if (kindConf === 'low' && dirConf === 'high') dirConf = 'medium';
  const abstract = kind === 'qualitative' && !!core && ABSTRACT.test(core);
  const sense: IndicatorSense = {
    kind,
    kindConfidence: kindConf,
    direction,
    directionConfidence: direction === 'neutral' ? 'low' : dirConf,
    unitFamily: FAMILY[kind],
    satisfaction,
    management,
    abstract,
    yesNo,
    why,
  };
  if (countUnit) sense.countUnit = countUnit;
  return sense;
}

function desc0(d: string): string {
  return d ? norm(d) : '';
}

/** Confidence at least `min`. */
export function sure(c: Confidence, min: Confidence): boolean {
  const r = { low: 0, medium: 1, high: 2 };
  return r[c] >= r[min];
}

/** Chinese names of the kinds (KPI.DATA, messages). */
export const KIND_NAME_ZH: Record<IndicatorKind, string> = {
  rate: '比率',
  count: '数量',
  money: '金额',
  duration: '时长',
  deadline: '时间节点',
  qualitative: '定性',
};

const TIME_WORD = /及时|按时|按期|准时|如期|时间|时限|时效|期限|进度|周期|当月|当年|当日|月底|年底|日前|天内|日内|工作日|限时|速度|效率|时长|用时|到位/;
const QUALITY_WORD = /准确|合格|达标|素质|正确|完好|规范|质量|覆盖/;

/**
 * Why the indicator does not belong under its 二级, and where it belongs; null when it fits or
 * we cannot say. Money or a quality measure (准确率, 素质水平, 覆盖率) under 时效 when the name
 * has no word of time; revenue (征缴收入) under 成本.
 */
export function level2Misfit(sense: IndicatorSense, level2: unknown, level3: unknown = '', unit?: string): { reason: string; expected: string } | null {
  const l2 = level2Key(level2);
  if (!l2) return null;
  const core = coreName(level3);
  if (l2 === '时效') {
    if (core && TIME_WORD.test(core)) return null;
    const money = (sense.kind === 'money' && sure(sense.kindConfidence, 'medium')) || unitFamilyOf(unit) === 'money';
    if (money) return { reason: '是金额', expected: '成本指标或经济效益指标' };
    if (core && QUALITY_WORD.test(core)) return { reason: '衡量的是质量而不是时间', expected: '质量指标' };
    return null;
  }
  if ((l2 === '成本' || l2 === '经济成本') && sense.kind === 'money' && sure(sense.kindConfidence, 'medium') && sense.why === '收益') {
    return { reason: '是收入而不是支出', expected: '数量指标或经济效益指标' };
  }
  return null;
}

/** A growth or increase rate (`增长率`, `提高率`): a percentage that may exceed 100 and may be small. */
export function isGrowthRate(level3: unknown): boolean {
  return GROWTH.test(typeof level3 === 'string' ? level3 : norm(level3));
}
const GROWTH = /增长|增幅|提高率|提升率|增加率/;

/** Is this unit of the family the indicator expects? undefined when either is unknown. */
export function unitFits(sense: IndicatorSense, unit: string | undefined): boolean | undefined {
  const uf = unitFamilyOf(unit);
  if (!uf) return undefined;
  return uf === sense.unitFamily;
}

export { unitFamilyOf };
