/**
 * The indicator-semantics module on names written for this test in the seeds' style
 * (not taken from the seeds), across six fields. Each row: 二级, 三级, expected kind,
 * expected direction. A direction of 'lower' or 'higher' must also be at least medium
 * confidence for a rate (so KPI-DIR may speak); 'neutral' means no rule may advise one.
 */
import { senseIndicator, type IndicatorKind } from '../../src/model/kpi/semantics';
import type { KpiDirection } from '../../src/model/kpi/types';

type Case = [level2: string, level3: string, kind: IndicatorKind, direction: KpiDirection];

const 人社: Case[] = [
  ['数量指标', '职业技能培训人次', 'count', 'higher'],
  ['数量指标', '城镇新增就业人数', 'count', 'higher'],
  ['数量指标', '发放失业保险金人数', 'count', 'higher'],
  ['数量指标', '举办专场招聘会场次', 'count', 'higher'],
  ['数量指标', '劳动保障监察检查用人单位户数', 'count', 'higher'],
  ['质量指标', '社保待遇核定差错率', 'rate', 'lower'],
  ['质量指标', '劳动人事争议仲裁结案率', 'rate', 'higher'],
  ['质量指标', '仲裁裁决被法院撤销率', 'rate', 'lower'],
  ['质量指标', '欠薪案件清欠率', 'rate', 'higher'],
  ['质量指标', '社保基金冒领率', 'rate', 'lower'],
  ['质量指标', '养老保险待遇重复领取发生率', 'rate', 'lower'],
  ['质量指标', '培训后取证率', 'rate', 'higher'],
  ['时效指标', '社保卡制卡及时率', 'rate', 'higher'],
  ['时效指标', '工伤认定办结时限', 'duration', 'lower'],
  ['时效指标', '待遇发放逾期率', 'rate', 'lower'],
  ['时效指标', '劳动仲裁案件平均审理天数', 'duration', 'lower'],
  ['成本指标', '人均培训补贴标准', 'money', 'neutral'],
  ['成本指标', '招聘会场地租赁费用', 'money', 'lower'],
  ['社会效益指标', '城镇登记失业率', 'rate', 'lower'],
  ['社会效益指标', '农民工工资拖欠案件发生率', 'rate', 'lower'],
  ['社会效益指标', '重复信访率', 'rate', 'lower'],
  ['社会效益指标', '就业困难人员帮扶率', 'rate', 'higher'],
  ['社会效益指标', '群体性上访事件起数', 'count', 'lower'],
  ['可持续影响指标', '和谐劳动关系持续构建', 'qualitative', 'neutral'],
  ['服务对象满意度指标', '参保群众满意度', 'rate', 'higher'],
  ['经济效益指标', '带动劳动者增收金额', 'money', 'higher'],
];

const 教育: Case[] = [
  ['数量指标', '资助家庭经济困难学生人数', 'count', 'higher'],
  ['数量指标', '新建改建校舍面积（平方米）', 'count', 'higher'],
  ['数量指标', '教师培训人次', 'count', 'higher'],
  ['数量指标', '配备教学仪器套数', 'count', 'higher'],
  ['质量指标', '义务教育巩固率', 'rate', 'higher'],
  ['质量指标', '学生辍学率', 'rate', 'lower'],
  ['质量指标', '学生体质健康测试达标率', 'rate', 'higher'],
  ['质量指标', '中小学生近视率', 'rate', 'lower'],
  ['质量指标', '校舍安全隐患整改率', 'rate', 'higher'],
  ['质量指标', '学生营养餐食品安全事故发生率', 'rate', 'lower'],
  ['质量指标', '资助对象识别错误率', 'rate', 'lower'],
  ['质量指标', '教师持证上岗率', 'rate', 'higher'],
  ['质量指标', '学生流失率', 'rate', 'lower'],
  ['时效指标', '助学金发放及时率', 'rate', 'higher'],
  ['时效指标', '校舍维修工期', 'duration', 'lower'],
  ['时效指标', '资助资金拨付完成时间', 'duration', 'lower'],
  ['成本指标', '生均公用经费标准', 'money', 'neutral'],
  ['成本指标', '校舍改造每平方米造价', 'money', 'lower'],
  ['社会效益指标', '适龄儿童入学率', 'rate', 'higher'],
  ['社会效益指标', '因贫失学辍学学生人数', 'count', 'lower'],
  ['社会效益指标', '高中阶段毛入学率', 'rate', 'higher'],
  ['社会效益指标', '校园欺凌事件发生次数', 'count', 'lower'],
  ['可持续影响指标', '教育教学质量持续提升', 'qualitative', 'neutral'],
  ['可持续影响指标', '校舍使用年限', 'duration', 'higher'],
  ['服务对象满意度指标', '家长满意度', 'rate', 'higher'],
  ['服务对象满意度指标', '受助学生满意率', 'rate', 'higher'],
];

const 卫健: Case[] = [
  ['数量指标', '免费孕前优生健康检查人数', 'count', 'higher'],
  ['数量指标', '家庭医生签约服务人数', 'count', 'higher'],
  ['数量指标', '开展健康教育讲座次数', 'count', 'higher'],
  ['数量指标', '新增床位数', 'count', 'higher'],
  ['质量指标', '孕产妇死亡率', 'rate', 'lower'],
  ['质量指标', '婴儿死亡率', 'rate', 'lower'],
  ['质量指标', '高血压患者规范管理率', 'rate', 'higher'],
  ['质量指标', '适龄儿童免疫规划疫苗接种率', 'rate', 'higher'],
  ['质量指标', '医院感染发生率', 'rate', 'lower'],
  ['质量指标', '住院患者抗菌药物使用率', 'rate', 'lower'],
  ['质量指标', '门诊处方合格率', 'rate', 'higher'],
  ['质量指标', '医疗纠纷发生率', 'rate', 'lower'],
  ['质量指标', '传染病报告漏报率', 'rate', 'lower'],
  ['质量指标', '剖宫产率', 'rate', 'lower'],
  ['质量指标', '肺结核患者治愈率', 'rate', 'higher'],
  ['时效指标', '突发公共卫生事件报告及时率', 'rate', 'higher'],
  ['时效指标', '急救平均响应时间', 'duration', 'lower'],
  ['时效指标', '门诊患者平均等候时长', 'duration', 'lower'],
  ['成本指标', '门诊次均费用', 'money', 'lower'],
  ['成本指标', '基本公共卫生服务人均补助标准', 'money', 'neutral'],
  ['社会效益指标', '居民健康素养水平', 'qualitative', 'neutral'],
  ['社会效益指标', '重大传染病暴发次数', 'count', 'lower'],
  ['社会效益指标', '住院费用实际报销比例', 'rate', 'higher'],
  ['社会效益指标', '因病致贫返贫户数', 'count', 'lower'],
  ['可持续影响指标', '医疗设备使用寿命', 'duration', 'higher'],
  ['服务对象满意度指标', '患者满意度', 'rate', 'higher'],
];

const 农业: Case[] = [
  ['数量指标', '高标准农田建设面积（亩）', 'count', 'higher'],
  ['数量指标', '培训高素质农民人数', 'count', 'higher'],
  ['数量指标', '补贴农机具台数', 'count', 'higher'],
  ['数量指标', '推广良种面积', 'count', 'higher'],
  ['质量指标', '农产品质量安全抽检合格率', 'rate', 'higher'],
  ['质量指标', '重大动物疫病免疫密度', 'qualitative', 'neutral'],
  ['质量指标', '农作物病虫害绿色防控覆盖率', 'rate', 'higher'],
  ['质量指标', '苗木成活率', 'rate', 'higher'],
  ['质量指标', '农作物重大病虫害发生率', 'rate', 'lower'],
  ['质量指标', '补贴发放错发率', 'rate', 'lower'],
  ['质量指标', '耕地撂荒率', 'rate', 'lower'],
  ['质量指标', '秸秆综合利用率', 'rate', 'higher'],
  ['质量指标', '畜禽粪污资源化利用率', 'rate', 'higher'],
  ['时效指标', '耕地地力保护补贴兑付及时率', 'rate', 'higher'],
  ['时效指标', '项目建设周期', 'duration', 'lower'],
  ['成本指标', '每亩建设成本', 'money', 'lower'],
  ['成本指标', '农机购置补贴标准', 'money', 'neutral'],
  ['经济效益指标', '项目区农民人均增收', 'money', 'higher'],
  ['经济效益指标', '带动农户增加收入', 'money', 'higher'],
  ['经济效益指标', '粮食损失率', 'rate', 'lower'],
  ['社会效益指标', '脱贫人口返贫率', 'rate', 'lower'],
  ['生态效益指标', '化肥农药减量情况', 'qualitative', 'neutral'],
  ['生态效益指标', '水土流失治理率', 'rate', 'higher'],
  ['可持续影响指标', '农田设施持续发挥效益年限', 'duration', 'higher'],
  ['服务对象满意度指标', '受益农户满意度', 'rate', 'higher'],
  ['数量指标', '新增养殖场户数', 'count', 'higher'],
];

const 交通: Case[] = [
  ['数量指标', '农村公路养护里程', 'count', 'higher'],
  ['数量指标', '新建公交候车亭个数', 'count', 'higher'],
  ['数量指标', '开通城乡公交线路条数', 'count', 'higher'],
  ['数量指标', '危桥改造座数', 'count', 'higher'],
  ['质量指标', '道路交通事故死亡率', 'rate', 'lower'],
  ['质量指标', '公路优良路率', 'rate', 'higher'],
  ['质量指标', '工程质量一次验收合格率', 'rate', 'higher'],
  ['质量指标', '公交车辆故障率', 'rate', 'lower'],
  ['质量指标', '班线客车正点率', 'rate', 'higher'],
  ['质量指标', '治超检测超载率', 'rate', 'lower'],
  ['质量指标', '路面病害处治率', 'rate', 'higher'],
  ['质量指标', '工程返工率', 'rate', 'lower'],
  ['时效指标', '项目按期完工率', 'rate', 'higher'],
  ['时效指标', '道路抢通时间', 'duration', 'lower'],
  ['时效指标', '航班延误率', 'rate', 'lower'],
  ['成本指标', '每公里养护成本', 'money', 'lower'],
  ['成本指标', '工程建设超支率', 'rate', 'lower'],
  ['社会效益指标', '建制村通客车率', 'rate', 'higher'],
  ['社会效益指标', '交通事故起数', 'count', 'lower'],
  ['社会效益指标', '群众出行安全感', 'qualitative', 'neutral'],
  ['社会效益指标', '道路拥堵率', 'rate', 'lower'],
  ['生态效益指标', '新能源公交车占比', 'rate', 'higher'],
  ['可持续影响指标', '路面设计使用年限', 'duration', 'higher'],
  ['服务对象满意度指标', '沿线群众满意度', 'rate', 'higher'],
  ['数量指标', '安装安全防护设施公里数', 'count', 'higher'],
];

const 民政: Case[] = [
  ['数量指标', '城乡低保保障人数', 'count', 'higher'],
  ['数量指标', '特困人员集中供养人数', 'count', 'higher'],
  ['数量指标', '临时救助人次', 'count', 'higher'],
  ['数量指标', '发放高龄津贴人数', 'count', 'higher'],
  ['数量指标', '养老服务机构床位数', 'count', 'higher'],
  ['质量指标', '低保对象认定错保率', 'rate', 'lower'],
  ['质量指标', '困难群众救助资金发放准确率', 'rate', 'higher'],
  ['质量指标', '养老机构安全事故发生率', 'rate', 'lower'],
  ['质量指标', '殡葬服务投诉率', 'rate', 'lower'],
  ['质量指标', '特困人员失能照护率', 'rate', 'higher'],
  ['质量指标', '低保漏保率', 'rate', 'lower'],
  ['质量指标', '社会组织年检通过率', 'rate', 'higher'],
  ['质量指标', '养老床位空置率', 'rate', 'lower'],
  ['时效指标', '临时救助审批办结时限', 'duration', 'lower'],
  ['时效指标', '救助资金发放到位率', 'rate', 'higher'],
  ['时效指标', '低保金每月发放日期', 'deadline', 'neutral'],
  ['成本指标', '特困人员基本生活费标准', 'money', 'neutral'],
  ['成本指标', '养老机构运营费用', 'money', 'lower'],
  ['社会效益指标', '困难群众基本生活保障情况', 'qualitative', 'neutral'],
  ['社会效益指标', '流浪乞讨人员救助率', 'rate', 'higher'],
  ['社会效益指标', '留守儿童关爱服务覆盖率', 'rate', 'higher'],
  ['社会效益指标', '冒领骗取救助资金案件数', 'count', 'lower'],
  ['可持续影响指标', '社会救助体系持续完善', 'qualitative', 'neutral'],
  ['服务对象满意度指标', '救助对象满意度', 'rate', 'higher'],
  ['数量指标', '走访慰问困难群众户数', 'count', 'higher'],
  ['社会效益指标', '社会稳定', 'qualitative', 'neutral'],
];

const ALL = { 人社, 教育, 卫健, 农业, 交通, 民政 };

describe('indicator semantics: kind and good direction from morphology', () => {
  it('holds at least 150 names across the six fields, each with lower- and higher-is-better rates', () => {
    const all = Object.values(ALL).flat();
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((c) => c[1])).size).toBe(all.length);
    for (const [field, cases] of Object.entries(ALL)) {
      const kinds = new Set(cases.map((c) => `${c[2]}:${c[3]}`));
      expect({ field, lowerRate: kinds.has('rate:lower'), higherRate: kinds.has('rate:higher'), count: [...kinds].some((k) => k.startsWith('count')) }).toEqual({
        field,
        lowerRate: true,
        higherRate: true,
        count: true,
      });
    }
  });

  for (const [field, cases] of Object.entries(ALL)) {
    it.each(cases)(`${field}: %s / %s → %s, %s`, (level2, level3, kind, direction) => {
      const s = senseIndicator({ level3, level2 });
      expect({ level3, kind: s.kind, direction: s.direction }).toEqual({ level3, kind, direction });
      // A rate direction that a rule may act on is never a guess.
      if (kind === 'rate' && direction !== 'neutral') expect(s.directionConfidence).not.toBe('low');
    });
  }

  it('reads the 描述 marker, the ratio numerator and a change of something undesirable', () => {
    expect(senseIndicator({ level3: '年度维护成本增长率（%）', description: '（反向指标）' })).toMatchObject({ kind: 'rate', direction: 'lower', directionConfidence: 'high' });
    expect(senseIndicator({ level3: '已参保人数占应参保人数的比率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '故障降低率(％)' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '运行成本增长率' })).toMatchObject({ kind: 'rate', direction: 'lower' });
    expect(senseIndicator({ level3: '无安全事故率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '未达标率' })).toMatchObject({ kind: 'rate', direction: 'lower' });
    expect(senseIndicator({ level3: '费用核算准确率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '资金在规定时间内下达率' })).toMatchObject({ kind: 'rate', direction: 'higher' });
  });

  it('is unsure, and says so, where the name does not tell', () => {
    // An unknown rate: higher by default, never confident enough to advise a flip.
    expect(senseIndicator({ level3: '外出务工率' })).toMatchObject({ kind: 'rate', directionConfidence: 'low' });
    // `信访率降低`: the value may be the rate or the reduction.
    expect(senseIndicator({ level3: '信访率降低' }).direction).toBe('neutral');
    // A headcount of the staff the money pays has no good direction.
    expect(senseIndicator({ level3: '政府购买服务人员数量' }).direction).toBe('neutral');
    // Kind from the unit only when the name gives nothing, at low confidence.
    expect(senseIndicator({ level3: '资金直达基层', unit: '%' })).toMatchObject({ kind: 'rate', kindConfidence: 'low' });
  });

  it('flags abstract aims, yes/no questions, satisfaction and management measures', () => {
    expect(senseIndicator({ level3: '维护社会稳定' })).toMatchObject({ kind: 'qualitative', abstract: true });
    expect(senseIndicator({ level3: '提升全民国防意识' }).abstract).toBe(true);
    expect(senseIndicator({ level3: '保障工作持续推进' }).abstract).toBe(true);
    expect(senseIndicator({ level3: '补贴是否发放' }).yesNo).toBe(true);
    expect(senseIndicator({ level3: '退休人员是否满意' })).toMatchObject({ satisfaction: true, kind: 'rate', direction: 'higher' });
    expect(senseIndicator({ level3: '预算执行率' }).management).toBe(true);
    expect(senseIndicator({ level3: '补贴发放率' }).management).toBe(false);
  });
});
