/**
 * Indicator library for authoring 绩效目标表: the 三级指标 met in published county
 * tables (human resources and social security), each placed under its proper
 * 一级/二级, with the usual unit, the good direction and an example value. Where
 * the published tables got an indicator wrong (a 发放率 given in 人, a 受益人数 filed
 * under 成本指标, `≥0.95 百分比`), the library carries the corrected default.
 * Near-duplicates share one entry through `aliases`; lookups ignore whitespace,
 * full/half-width forms and trailing decorations such as `（%）`, `(件)`, `(≥)`.
 */
import { norm } from '../text';

export type LibraryLevel1 = '产出指标' | '效益指标' | '满意度指标' | '成本指标';
export type LibraryDirection = 'higher' | 'lower' | 'none';
/** What the value measures: a percentage, a count, money, a duration, a date/deadline or words. */
export type LibraryKind = 'rate' | 'count' | 'money' | 'duration' | 'date' | 'qualitative';

export interface LibraryIndicator {
  /** Canonical 三级指标 name. */
  name: string;
  level1: LibraryLevel1;
  /** Canonical 二级 name (`数量指标`, `社会效益指标`, `服务对象满意度指标` …). */
  level2: string;
  /** Usual unit: `%`, `人`, `次`, `万元`, `元/人`, `天` …; '' for dates and qualitative values. */
  unit: string;
  direction: LibraryDirection;
  /** A typical, well-formed 指标值. */
  example: string;
  kind: LibraryKind;
  /** Other names meaning the same indicator (after normalisation none equals another entry's name or alias). */
  aliases: string[];
  /** A budget-management measure (资金到位率, 预算执行率, 不超预算 …) rather than a result of the project. */
  management?: boolean;
  /** Suggested 绩效指标描述 for a new row, where the library has one. */
  description?: string;
  /** Suggested 指标值确定依据 for a new row (满意度: 问卷调查). */
  basis?: string;
}

type Row = [name: string, unit: string, direction: LibraryDirection, example: string, aliases?: string[]];
type Section = [level1: LibraryLevel1, level2: string, rows: Row[]];

const SECTIONS: Section[] = [
  [
    '产出指标',
    '数量指标',
    [
      ['受益人数', '人', 'higher', '≥500 人', ['受益数']],
      ['享受补贴人员数量', '人', 'higher', '≥158 人', ['享受补贴人数']],
      ['享受社会保险补贴人员数量', '人', 'higher', '≥801 人'],
      ['享受岗位补贴人员数量', '人', 'higher', '≥284 人'],
      ['享受见习岗位补贴人员数量', '人', 'higher', '≥450 人'],
      ['公益性岗位人数', '人', 'higher', '≥255 人'],
      ['补助个人（家庭）数量', '人', 'higher', '≥253 人'],
      ['登记人数', '人', 'higher', '≥223387 人'],
      ['参保人数', '人', 'higher', '≥39000 人', ['企业养老保险覆盖人数', '企业养老保险参保人数', '16-59周岁参保人数']],
      ['城乡居民基本养老保险参保人数', '万人', 'higher', '≥17.88 万人'],
      ['待遇领取人数', '人', 'higher', '≥3300 人', ['养老金待遇领取人数']],
      ['工伤待遇领取人数', '人', 'higher', '≥300 人'],
      ['享受保险基金补助人数', '人', 'higher', '≥10000 人'],
      ['享受补助代办员人数', '人', 'higher', '≥500 人', ['享受各类社会保险基金补助的代办员人数']],
      ['发放人数', '人', 'higher', '≥128 人'],
      ['企业离休人数', '人', 'higher', '=10 人'],
      ['退休人员数量', '人', 'higher', '≥5400 人', ['退休人员', '管理的退休总人数']],
      ['优抚对象补助人数', '人', 'higher', '=1 人'],
      ['政府购买人员数量', '人', 'none', '=10 人'],
      ['帮扶户数', '户', 'higher', '=3 户'],
      ['人脸识别认证人数', '人', 'higher', '≥16000 人', ['人脸识别系统认证人数', '我县人数全部认证']],
      ['失业动态监测企业数量', '家', 'higher', '≥40 家'],
      ['劳动监察案件数量', '件', 'higher', '≥60 件', ['监察办案任务结案数量']],
      ['劳动仲裁案件数量', '件', 'higher', '≥60 件'],
      ['办结业务数', '件', 'higher', '≥30 件'],
      ['工伤待遇支付案件数量', '起', 'higher', '≥2 起'],
      ['死亡冒领养老金诉讼案件数量', '起', 'higher', '≥2 起'],
      ['就业政策宣传次数', '次', 'higher', '≥2 次', ['就业政策宣传宣传次数']],
      ['就业创业下乡调查次数', '次', 'higher', '≥5 次'],
      ['开展宣传方式的数量', '次', 'higher', '≥4 次'],
      ['开展就业服务指导培训次数', '次', 'higher', '≥15 次', ['开展就业培训数', '开展培训次数']],
      ['举办招聘会次数', '次', 'higher', '≥3 次'],
      ['招聘次数', '次', 'higher', '≥2 次'],
      ['应急周转金补足次数', '次', 'none', '≤1 次'],
      ['职业培训人数', '人', 'higher', '≥200 人'],
      ['带动就业人员', '人', 'higher', '≥400 人', ['带动就业人数']],
      ['创业成功人数', '人', 'higher', '≥90 人'],
      ['精品课程增加数', '课', 'higher', '≥50 课'],
      ['印刷宣传资料份数', '份', 'higher', '≥10000 份', ['印刷资料份数', '业务宣传资料份数', '印刷《保障农民工工资支付条例》份数']],
      ['按合同完成档案整理数量', '件', 'higher', '≥合同约定数', ['按合同完成装订数量', '按合同完成整理数量', '按合同完成扫描数量', '按合同完成数据录入数量']],
      ['空气源热泵数量', '台', 'none', '=3 台'],
      ['专用网络连接数', '台', 'higher', '≥200 台'],
      ['公共取暖月数', '个月', 'none', '=5 个月'],
      ['工作日保障单位运转', '小时', 'higher', '≥8 小时', ['反映工作日保障单位运转情况']],
      ['财政补助数额', '万元', 'none', '=1550 万元', ['财政补贴数额', '财政补助金额']],
      ['征缴收入', '万元', 'higher', '≥2000 万元'],
    ],
  ],
  [
    '产出指标',
    '质量指标',
    [
      ['资金到位率', '%', 'higher', '=100%', ['就业创业调查专项资金到位率']],
      ['资金发放到位率', '%', 'higher', '≥95%'],
      ['补贴发放率', '%', 'higher', '=100%', ['发放率', '补助金发放率']],
      ['养老金待遇发放率', '%', 'higher', '=100%', ['养老金发放到位率']],
      ['工资发放率', '%', 'higher', '=100%'],
      ['补贴发放准确率', '%', 'higher', '=100%', ['社会保险补贴发放准确率']],
      ['补贴核算正确率', '%', 'higher', '=100%'],
      ['按时足额发放率', '%', 'higher', '≥95%', ['待遇按时足额发放']],
      ['基金按时足额支付率', '%', 'higher', '=100%'],
      ['养老金待遇发放差错率', '%', 'lower', '≤1%'],
      ['数据库信息和社会化发放差错率', '%', 'lower', '≤1%'],
      ['系统故障率', '%', 'lower', '≤1%'],
      ['非正常停机几率', '%', 'lower', '≤10%'],
      ['系统正常运行率', '%', 'higher', '≥90%', ['系统运行情况']],
      ['故障排除率', '%', 'higher', '≥90%'],
      ['人脸识别认证准确率', '%', 'higher', '≥95%', ['人脸识别系统认证率', '人脸识别技术的正确率']],
      ['资金使用合规率', '%', 'higher', '=100%', ['经费使用合规率', '资金使用合理率']],
      ['经费支出准确率', '%', 'higher', '≥95%'],
      ['费用核算准确率', '%', 'higher', '≥98%'],
      ['政府采购应采尽采率', '%', 'higher', '=100%', ['政府采购应采率']],
      ['贷款申请满足率', '%', 'higher', '≥80%'],
      ['符合条件申报对象覆盖率', '%', 'higher', '≥80%'],
      ['补助覆盖率', '%', 'higher', '=100%', ['补助率', '补助人员比率']],
      ['劳务补贴发放覆盖率', '%', 'higher', '=100%', ['协助办理人员劳务补贴发放覆盖率']],
      ['工资发放覆盖率', '%', 'higher', '≥95%'],
      ['参保率', '%', 'higher', '≥90%'],
      ['参保登记率', '%', 'higher', '≥90%'],
      ['参保续保率', '%', 'higher', '≥90%', ['提高参保续保的比例']],
      ['征缴率', '%', 'higher', '≥90%'],
      ['失业登记率', '%', 'higher', '=100%', ['就业人数登记率']],
      ['城镇退役士兵自谋职业补助率', '%', 'higher', '≥90%'],
      ['公益性岗位补贴到位率', '%', 'higher', '≥90%'],
      ['就业服务到位率', '%', 'higher', '≥90%'],
      ['就业扶持工作完成率', '%', 'higher', '≥90%'],
      ['公共就业服务信息管理完成率', '%', 'higher', '≥90%'],
      ['劳动力转移培训计划完成率', '%', 'higher', '≥90%'],
      ['培训合格率', '%', 'higher', '≥90%', ['培训人数达标率']],
      ['培训出勤率', '%', 'higher', '≥90%'],
      ['高技能人才培训完成率', '%', 'higher', '≥90%'],
      ['机关公务员考核、培训完成率', '%', 'higher', '≥90%'],
      ['事业单位考核工作完成率', '%', 'higher', '≥90%'],
      ['人员调配档案审核率', '%', 'higher', '≥90%'],
      ['毕业学生档案接受率', '%', 'higher', '≥95%'],
      ['招聘计划完成率', '%', 'higher', '≥95%', ['招聘率', '公开招聘任务完成率']],
      ['综合业务管理工作完成率', '%', 'higher', '≥90%'],
      ['为群众提供优质政务服务完成率', '%', 'higher', '≥90%'],
      ['保质保量完成率', '%', 'higher', '≥98%'],
      ['项目建设完工率', '%', 'higher', '=100%'],
      ['政策执行到位率', '%', 'higher', '=100%'],
      ['工资政策落实率', '%', 'higher', '=100%'],
      ['问题整改率', '%', 'higher', '≥90%'],
      ['宣传资料更新率', '%', 'higher', '≥90%'],
      ['宣传普及率', '%', 'higher', '≥92%', ['宣传参保活动达到的效果']],
      ['公用取暖正常运行率', '%', 'higher', '=100%'],
      ['办公自动化覆盖率', '%', 'higher', '≥90%'],
      ['数据共享率', '%', 'higher', '≥90%'],
      ['监察案件实地调查率', '%', 'higher', '=100%', ['监察案件实地调查']],
      ['劳动仲裁结案率', '%', 'higher', '≥90%', ['仲裁办案任务结案率']],
      ['劳动仲裁到期结案率', '%', 'higher', '≥90%'],
      ['劳动监察结案率', '%', 'higher', '≥90%'],
      ['案件办结率', '%', 'higher', '≥90%'],
      ['审限结案率', '%', 'higher', '≥95%'],
      ['案件调解率', '%', 'higher', '≥50%'],
      ['案件处置率', '%', 'higher', '≥90%'],
      ['举报线索处置率', '%', 'higher', '=100%'],
      ['重大违法案件查处率', '%', 'higher', '≥90%'],
      ['劳动关系的调解、仲裁、信访完成率', '%', 'higher', '≥90%'],
      ['错案率', '%', 'lower', '<5%'],
      ['任课教师比', '%', 'higher', '≥90%'],
      ['专任教师比率', '%', 'higher', '≥95%'],
      ['免费健康体检率', '%', 'higher', '≥95%'],
      ['新闻稿发稿率', '%', 'higher', '≥95%'],
      ['创业贷款发放率', '%', 'higher', '≥90%'],
      ['创业贷款资金地方配套率', '%', 'higher', '≥90%'],
      ['创业贷款回收率', '%', 'higher', '=100%'],
      ['创业担保基金代偿率', '%', 'lower', '<5%'],
      ['创业成功率', '%', 'higher', '≥90%'],
    ],
  ],
  [
    '产出指标',
    '时效指标',
    [
      ['任务完成及时率', '%', 'higher', '≥95%', ['及时率', '日常工作完成效率', '各项任务完成及时率', '各项工作完成及时率', '工作任务完成及时率', '工作完成及时性', '工作按时完成', '工作任务及时完成情况']],
      ['业务处理及时率', '%', 'higher', '≥90%', ['业务处理及时性']],
      ['异常处理及时率', '%', 'higher', '≥90%', ['异常处理能力']],
      ['案件处理及时率', '%', 'higher', '≥90%', ['案件处理及时性', '案件及时完成率']],
      ['监察案件按期办结率', '%', 'higher', '≥95%', ['监察办案效率']],
      ['工伤及时认定率', '%', 'higher', '=100%'],
      ['社会保险报销及时率', '%', 'higher', '≥90%', ['工伤保险报销及时率']],
      ['社会保险缴纳及时率', '%', 'higher', '=100%'],
      ['工资发放及时率', '%', 'higher', '=100%'],
      ['发放及时率', '%', 'higher', '=100%', ['及时性', '发放及时性', '按时发放', '待遇补贴的及时发放率', '补贴是否发放']],
      ['养老金待遇发放及时率', '%', 'higher', '=100%', ['养老金发放及时性', '养老金待遇发放及时性', '养老退休金按时发放', '待遇金发放当月完成']],
      ['贷款及时发放率', '%', 'higher', '≥95%'],
      ['资金拨付及时率', '%', 'higher', '=100%'],
      ['资金在规定时间内下达率', '%', 'higher', '≥98%'],
      ['补贴资金在规定时间内支付到位率', '%', 'higher', '≥98%'],
      ['缴费及时率', '%', 'higher', '≥95%', ['缴费时效性']],
      ['养老保险费收缴及时率', '%', 'higher', '≥95%', ['城乡居民养老保险及时收缴']],
      ['宣传参保活动的及时率', '%', 'higher', '≥90%'],
      ['生存认证完成率', '%', 'higher', '≥90%', ['人脸识别技术当年完成']],
      ['合同按期完成率', '%', 'higher', '=100%', ['按合同要求时间完成']],
      ['预算执行率', '%', 'higher', '≥90%', ['预算资金执行率', '资金使用率']],
      ['资金支出进度', '%', 'higher', '≥90%', ['按时间进度要求支付使用资金', '项目资金支付率']],
      ['项目完成时间', '个月', 'lower', '≤7 个月', ['完成时间']],
      ['发放补贴时间', '天', 'lower', '≤90 天'],
      ['工资发放时间', '天', 'lower', '≤31 天', ['发放时间']],
      ['案件办理时限', '天', 'lower', '≤60 天'],
      ['资金发放到位日期', '', 'none', '每月 25日前', ['发放保险基金补助日期']],
    ],
  ],
  [
    '产出指标',
    '成本指标',
    [
      ['成本预算控制数', '万元', 'lower', '≤预算控制数', ['按总成本控制', '项目预算控制数', '预算', '各项经费成本', '成本开支', '降低监察办案成本', '降低公开招聘成本', '就业创业调查经费缩紧', '不低于合同要求成本']],
      ['补贴标准', '元/人', 'none', '=300 元/人', ['补贴发放标准', '按固定标准发放', '人均补贴水平']],
      ['岗位补贴人均标准', '元/人', 'none', '≤当地最低工资标准', ['公益岗岗位补贴人均标准']],
      ['社会保险补贴人均标准', '元/人', 'none', '≤实际缴费额的2/3', ['社会保险补贴标准']],
      ['平均待遇标准', '元', 'none', '=118 元'],
      ['贫困资金发放标准', '元', 'none', '=6000 元'],
      ['代缴养老保险费标准', '元/人', 'none', '=100 元/人', ['对16-59周岁代缴养老保险费水平']],
      ['工伤补助金', '万元', 'none', '=2 万元'],
      ['协办人员劳务补贴', '万元', 'none', '=17.14 万元', ['协助办理城乡居民养老保险征收发放人员费用']],
      ['每件案件平均成本', '万元/件', 'lower', '≤0.1 万元/件', ['案件综合成本']],
      ['招聘费用标准', '万元/次', 'lower', '≤6.5 万元/次'],
      ['劳务派遣人员人均费用', '万元/人', 'lower', '≤5 万元/人', ['支付劳务派遣人员待遇']],
      ['宣传活动成本', '万元', 'lower', '≤3 万元', ['今年宣传活动成本']],
      ['设备更换单价', '万元', 'lower', '≤10 万元', ['更换空气源热泵的费用']],
      ['人脸识别认证单价', '元/人', 'lower', '≤4 元/人'],
    ],
  ],
  [
    '效益指标',
    '经济效益指标',
    [
      ['带动增加人口全年总收入', '万元', 'higher', '≥800 万元', ['人口全年总收入']],
      ['补贴发放金额', '万元', 'higher', '≥39.96 万元', ['补贴金额']],
      ['经济收入增长情况', '', 'none', '显著改善', ['经济增长情况', '补助人群经济增长情况', '学员经济增长情况']],
      ['带动消费情况', '', 'none', '明显提高'],
      ['防止养老金冒领', '', 'none', '效果显著', ['严防冒领，确定基金安全']],
      ['提升就业能力', '', 'none', '明显提升'],
      ['工作效率提升情况', '', 'none', '明显提高', ['提高工作效率']],
      ['年度维护成本增长率', '%', 'lower', '≤10%'],
    ],
  ],
  [
    '效益指标',
    '社会效益指标',
    [
      ['政策知晓率', '%', 'higher', '≥90%'],
      ['城镇新增就业人数', '人', 'higher', '≥4500 人', ['新增就业人员数量']],
      ['失业人员再就业人数', '人', 'higher', '≥95 人', ['再就业人数', '失业再就业人数', '失业人员再就业']],
      ['就业困难人员就业人数', '人', 'higher', '≥700 人', ['就业困难人口就业增加']],
      ['建档立卡贫困劳动力就业人数', '人', 'higher', '≥111 人'],
      ['服务毕业生数量', '人', 'higher', '≥800 人', ['为毕业生提供招聘岗位，服务毕业生数量']],
      ['提供就业岗位数', '个', 'higher', '≥10 个', ['提供就业岗位']],
      ['参保单位增加数', '家', 'higher', '≥20 家'],
      ['困难人员就业率', '%', 'higher', '≥95%'],
      ['总体就业率', '%', 'higher', '≥95%'],
      ['职业培训就业率', '%', 'higher', '≥90%'],
      ['受训学员持证上岗率', '%', 'higher', '≥90%'],
      ['高校毕业生就业率、创业率提高情况', '%', 'higher', '≥5%'],
      ['高校毕业生就业率、创业成功率', '%', 'higher', '≥90%'],
      ['创业贷款发放增长率', '%', 'higher', '≥8%'],
      ['创业担保贷款带动吸纳就业人数增长率', '%', 'higher', '≥20%'],
      ['创业担保贷款扶持自主创业人数增长率', '%', 'higher', '≥20%'],
      ['高校毕业生创业人数增长率', '%', 'higher', '≥20%'],
      ['退伍军人创业人数增长率', '%', 'higher', '≥20%'],
      ['高技能人才增长率', '%', 'higher', '≥10%'],
      ['人才增长率', '%', 'higher', '≥10%'],
      ['人才创造科研成果推广使用率', '%', 'higher', '≥90%'],
      ['规模以上企业劳动合同签订率', '%', 'higher', '≥90%'],
      ['劳动保障监察覆盖率', '%', 'higher', '=100%'],
      ['参保面', '%', 'higher', '≥90%', ['参保全覆盖']],
      ['享受保险基金补助覆盖面', '%', 'higher', '≥90%', ['享受代办员补助覆盖面']],
      ['失业保险金领取率', '%', 'higher', '≥90%', ['失业金领取人员占申请人员的比率']],
      ['农村居民最低生活保障率', '%', 'higher', '≥95%'],
      ['城镇居民最低生活保障率', '%', 'higher', '≥95%'],
      ['城乡居民健康档案建档率', '%', 'higher', '≥95%'],
      ['标准化村卫生所建设合格率', '%', 'higher', '≥95%'],
      ['毛入学率', '%', 'higher', '≥95%'],
      ['升学率', '%', 'higher', '≥90%'],
      ['学生辍学率', '%', 'lower', '<5%'],
      ['美丽乡村建设达标率', '%', 'higher', '≥95%'],
      ['政策措施建议采用率', '%', 'higher', '≥95%'],
      ['收藏及保管物品完好率', '%', 'higher', '≥95%'],
      ['公共数字文化服务微平台覆盖率', '%', 'higher', '≥95%', ['公共数字文化服务-微平台覆盖率']],
      ['展示和传承优秀项目占比', '%', 'higher', '≥10%'],
      ['贫困人口好评率', '%', 'higher', '≥99%', ['贫困人口评价']],
      ['故障降低率', '%', 'higher', '≥30%'],
      ['社会保障工作正常运行率', '%', 'higher', '≥95%', ['保证社会保障工作正常有效运行']],
      ['维护社会稳定', '', 'none', '效果显著', ['保持社会稳定', '社会稳定', '促进社会稳定', '社会稳定水平', '退休人员是否稳定', '退休人员是否和谐稳定']],
      ['退休人员生活水平提高程度', '', 'none', '明显提高', ['到龄人员生活水平提高程度', '生活水平提高', '提升退休人员生活保障', '保障居民生活水平']],
      ['补助人群生活改善情况', '', 'none', '显著改善'],
      ['社会服务能力提升', '', 'none', '显著提升', ['提高社会服务水平', '服务水平提升情况', '创业服务能力提升']],
      ['信息化保障办公情况', '', 'none', '显著'],
      ['构建和谐劳动关系', '', 'none', '效果显著'],
      ['维护劳动者合法权益', '', 'none', '效果显著', ['维护农民工合法权益', '农民工工资不受损失', '提高企业职工合法权益']],
      ['保证待遇人员按时领取待遇', '', 'none', '效果显著'],
      ['减少查阅档案时间', '', 'none', '明显缩短', ['减少查阅档案流程']],
      ['提升全民国防意识', '', 'none', '效果显著'],
    ],
  ],
  [
    '效益指标',
    '生态效益指标',
    [
      ['线上办理率', '%', 'higher', '≥80%', ['尽量线上操作']],
      ['使用节能减排产品', '', 'none', '持续使用'],
    ],
  ],
  [
    '效益指标',
    '可持续影响指标',
    [
      ['城镇调查失业率', '%', 'lower', '≤5.5%'],
      ['档案保存完善程度', '%', 'higher', '≥99%'],
      ['持续发挥作用期限', '年', 'higher', '≥1 年'],
      ['业务工作持续开展', '', 'none', '长期持续有效', ['保持工作稳定，持续开展实现率', '保持工作稳定、持续开展实现率', '保持工作稳定、持续开展工伤保险业务工作', '各项工作开展', '工作连续的持久度', '保障工作持续推进', '保障工作的推进和发展', '保障部门单位事业的推进和发展', '推进工作开展']],
      ['保障日常办公', '', 'none', '效果显著', ['正常办公条件保障情况', '保持工作稳定、确保单位正常办公']],
      ['执法办案水平提升', '', 'none', '效果显著', ['提高劳动监察执法的水平', '提高劳动人事争议调解仲裁的水平']],
      ['人员在岗作用发挥', '', 'none', '效果显著', ['劳动派遣人员在单位的作用', '招聘人员在单位的作用']],
      ['维持人力资源市场服务能力', '', 'none', '效果显著'],
      ['完善就业失业监测统计制度', '', 'none', '效果显著'],
      ['项目持续发挥作用程度', '', 'none', '效果显著'],
      ['受益人群扩大', '', 'none', '效果显著', ['保险基金补助受益人群增多']],
    ],
  ],
  [
    '满意度指标',
    '服务对象满意度指标',
    [
      ['服务对象满意度', '%', 'higher', '≥90%', ['服务对象满意度指标', '群众满意度', '群众满意率', '满意度', '满意率', '服务群众满意度', '提高群众满意度', '民众满意度', '服务群体满意度', '对象满意度', '社会满意度', '客户满意度']],
      ['受益对象满意度', '%', 'higher', '≥90%', ['受益满意度', '受益人口满意度', '受助人员满意度', '受援群众满意度', '救助对象满意度', '补助对象满意度', '领取补贴人员满意度', '建档立卡户满意度', '贫困人员满意度', '重残人员满意度', '遗属子女满意度']],
      ['退休人员满意度', '%', 'higher', '≥90%', ['退休人员是否满意', '办理退休手续人员满意度']],
      ['参保人员满意度', '%', 'higher', '≥90%', ['参保对象满意度']],
      ['公共就业服务满意度', '%', 'higher', '≥90%', ['就业服务满意度', '就业扶持政策经办服务满意度', '失业金领取人员满意度']],
      ['培训人员满意度', '%', 'higher', '≥90%', ['受训人员满意度', '学员对讲课教师满意度', '学员对补贴政策落实情况满意度']],
      ['用人单位满意度', '%', 'higher', '≥90%'],
      ['公益性岗位人员满意度', '%', 'higher', '≥90%'],
      ['创业人员满意度', '%', 'higher', '≥90%'],
      ['创业贷款对象满意度', '%', 'higher', '≥90%', ['小额贷款人员满意度']],
      ['银行对借贷人员满意度', '%', 'higher', '≥90%'],
      ['毕业生满意度', '%', 'higher', '≥90%'],
      ['机关工作人员满意度', '%', 'higher', '≥95%', ['机关工作人员满意率', '人员满意度']],
      ['退役军人安置满意度', '%', 'higher', '≥90%', ['退役安置满意度', '优抚对象对优抚工作的满意度']],
      ['社保缴纳及工资发放满意度', '%', 'higher', '≥90%', ['对社保缴纳工资发放满意度']],
      ['协办员工作满意度', '%', 'higher', '≥90%', ['群众对协办员工作满意度']],
      ['立案服务满意度', '%', 'higher', '≥90%', ['群众对立案速度满意率']],
      ['企业满意度', '%', 'higher', '≥90%', ['企业对劳动合同鉴定满意']],
      ['网络服务满意度', '%', 'higher', '≥90%', ['用户对网络建设满意率', '科室对网络硬件建设满意度']],
      ['家长对学校的满意度', '%', 'higher', '≥95%'],
      ['学生对老师的满意度', '%', 'higher', '≥90%'],
      ['节目观众满意度', '%', 'higher', '≥95%'],
    ],
  ],
];

/** Budget-management measures (kpi.md: they measure budget management, not the project's results). */
const MANAGEMENT = new Set(['资金到位率', '资金拨付及时率', '资金在规定时间内下达率', '补贴资金在规定时间内支付到位率', '预算执行率', '资金支出进度', '成本预算控制数']);

const DURATION_UNITS = new Set(['天', '日', '个月', '月', '小时', '年']);

function kindOf(unit: string, example: string): LibraryKind {
  if (unit === '%') return 'rate';
  if (unit.includes('元')) return 'money';
  if (DURATION_UNITS.has(unit)) return 'duration';
  if (unit === '') return /\d/.test(example) ? 'date' : 'qualitative';
  return 'count';
}

export const INDICATOR_LIBRARY: LibraryIndicator[] = SECTIONS.flatMap(([level1, level2, rows]) =>
  rows.map(([name, unit, direction, example, aliases = []]): LibraryIndicator => {
    const e: LibraryIndicator = { name, level1, level2, unit, direction, example, kind: kindOf(unit, example), aliases };
    if (MANAGEMENT.has(name)) e.management = true;
    if (level1 === '满意度指标') e.basis = '问卷调查';
    return e;
  }),
);

// Trailing decorations that do not change the indicator: `（%）`, `(件)`, `(人/户)`, `(≥)`, `%`, a full stop.
const TRAILER = /(?:\([^()]*\)?|[%≥≤。.;；,，、])$/;

/**
 * Matching key of an indicator name: half-width, no whitespace, brackets folded,
 * trailing `（%）`-style decorations and punctuation removed.
 */
export function indicatorKey(name: unknown): string {
  let s = norm(name);
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(TRAILER, '');
  }
  return s;
}

const INDEX = new Map<string, LibraryIndicator>();
for (const e of INDICATOR_LIBRARY) {
  for (const n of [e.name, ...e.aliases]) {
    const k = indicatorKey(n);
    if (!INDEX.has(k)) INDEX.set(k, e);
  }
}

/** The library entry for a 三级 name or alias (whitespace-, bracket- and `（%）`-insensitive). */
export function findIndicator(name: unknown): LibraryIndicator | undefined {
  const k = indicatorKey(name);
  if (!k) return undefined;
  const hit = INDEX.get(k);
  if (hit) return hit;
  // `服务对象满意度指标`-style names: retry without a trailing 指标.
  if (k.length > 4 && k.endsWith('指标')) return INDEX.get(k.slice(0, -2));
  return undefined;
}

const LEVEL2_NAMES = Array.from(new Set(INDICATOR_LIBRARY.map((e) => e.level2)));

/** `数量` → `数量指标`, `满意度` → `服务对象满意度指标`; null when the text names no 二级 of the library. */
function canonicalLevel2(text: string): string | null {
  const k = norm(text).replace(/[()（）:：]/g, '');
  if (!k) return null;
  if (k === '满意度' || k === '满意度指标') return '服务对象满意度指标';
  for (const n of LEVEL2_NAMES) if (k === n || `${k}指标` === n) return n;
  return null;
}

/**
 * Entries for an authoring search box: the query matches (normalised) anywhere in
 * the name or an alias; exact matches first, then names starting with the query,
 * then other name matches, then alias-only matches, each in library order. An
 * empty query lists everything. `level2` (`数量`, `数量指标` …) narrows the list
 * and an unknown 二级 yields nothing; a number in its place is taken as `limit`
 * (`searchIndicators(q, 30)`).
 */
export function searchIndicators(query: string, level2?: string | number, limit?: number): LibraryIndicator[] {
  if (typeof level2 === 'number') return searchIndicators(query, undefined, level2);
  const out = rankedSearch(query, level2);
  return limit !== undefined && limit >= 0 ? out.slice(0, limit) : out;
}

function rankedSearch(query: string, level2: string | undefined): LibraryIndicator[] {
  let pool = INDICATOR_LIBRARY;
  if (level2 !== undefined && norm(level2) !== '') {
    const l2 = canonicalLevel2(level2);
    if (!l2) return [];
    pool = pool.filter((e) => e.level2 === l2);
  }
  const q = indicatorKey(query);
  if (!q) return pool.slice();
  const ranked: [number, number, LibraryIndicator][] = [];
  pool.forEach((e, i) => {
    const name = indicatorKey(e.name);
    let rank = -1;
    if (name === q) rank = 0;
    else if (name.startsWith(q)) rank = 1;
    else if (name.includes(q)) rank = 2;
    else if (e.aliases.some((a) => indicatorKey(a).includes(q))) rank = 3;
    if (rank >= 0) ranked.push([rank, i, e]);
  });
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return ranked.map((r) => r[2]);
}
