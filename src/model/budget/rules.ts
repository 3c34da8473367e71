/**
 * Budget-table rules (frictionless-style catalogue). Ids are stable and grouped:
 *   BAL-0xx  reading and format (parse time)
 *   BAL-1xx  code hierarchy and the 合计 row (T2, T3, T5–T8)
 *   BAL-2xx  row identities (columns of one row add up)
 *   BAL-3xx  T1/T4 line totals
 *   BAL-4xx  T9 “三公” lines
 *   BAL-5xx  T11 固定资产 lines
 *   BAL-6xx  across tables of one unit
 *   BAL-7xx  the 说明 text against the tables
 * Tag `#identity` marks the balance identities of tables.md (each has a test case that
 * breaks it). Messages say what was found and what was expected, with the difference.
 */
import { ruleMaker, type RuleDef } from '../findings';

const R = ruleMaker('#budget');

const LIST: RuleDef[] = [
  // ---- reading and format
  R('BAL-001', 'error', '金额单元格为文字', '{table} {cell}：金额单元格内容为文字「{raw}」，应为数字（或留空）', ['#cell', '#format'], 'C5 填了“约3万”'),
  R('BAL-002', 'error', '金额单元格为错误值', '{table} {cell}：单元格为错误值 {raw}，应为数字', ['#cell', '#format'], 'C5 为 #N/A'),
  R('BAL-003', 'warning', '小数位数超过表格精度', '{table} {cell}：{raw} 有 {decimals} 位小数，本表金额最多 {places} 位（按 {rounded} 校验）', ['#cell', '#format'], '861.594'),
  R('BAL-004', 'info', '科目编码不在字典中', '{table} 第{row}行：科目编码 {code}（{name}）不在{year}年科目字典中（编码位数正确，仍按编码前缀参与汇总；如是本地或新增科目，可在“科目”工作表补充）', ['#row', '#code'], '2089998'),
  R('BAL-005', 'warning', '科目编码格式不对', '{table} 第{row}行：「{raw}」不是有效的科目编码（{scheme}编码应为 {lengths} 位数字），该行未参与层级汇总', ['#row', '#code'], '20801011'),
  R('BAL-006', 'warning', '重复的行', '{table} 第{row}行：{label} 与第{first}行重复且金额不同，按第{first}行汇总', ['#row'], '20801 出现两次'),
  R('BAL-007', 'warning', '有金额但无科目编码', '{table} 第{row}行：「{name}」有金额但没有科目编码，未参与层级汇总', ['#row', '#code'], '名称列有金额而编码列空白'),
  R('BAL-008', 'warning', '缺少上级科目行', '{table} 第{row}行：{code} {name} 的上级科目 {parent} 不在表中，已计入更上一级', ['#row', '#code'], '有 2080101 而无 20801'),
  R('BAL-009', 'warning', '科目名称与字典不同', '{table} 第{row}行：{code} 的名称为「{name}」，{year}年科目字典中为「{dictName}」（编码或名称可能有误）', ['#row', '#code'], '208 写成“社会保障支出”'),
  R('BAL-017', 'warning', '数字存储为文本', '{table} {cell}：金额「{raw}」是文本形式的数字，按 {value} 校验；Excel 的 SUM 会跳过文本单元格，请改为数值', ['#cell', '#format'], "'3,889.89（单引号开头）"),
  R('BAL-021', 'warning', '预算金额为负数', '{table} {cell}：{label}为 {value}，预算数不应为负数，请核对（冲减应在说明中交代）', ['#cell'], '−3.00'),
  R('BAL-022', 'error', '金额大得不可能', '{table} {cell}：「{raw}」超过本工具能精确计算的金额（约 90 万亿），多半是误填的编号或身份证号，应为金额', ['#cell', '#format'], '130528199001011234'),
  R('BAL-018', 'error', '逗号不是千分位', '{table} {cell}：「{raw}」中的逗号不在千分位上，读不出金额；如是小数点，应为 {guess}', ['#cell', '#format'], '272，93'),
  R('BAL-010', 'warning', '缺少固定行', '{table}：未找到「{line}」行，相关平衡关系无法校验', ['#table'], '收支总表没有“本年支出合计”行'),
  R('BAL-011', 'info', '空表未注明', '{table}：表中没有金额，公开时应注明“无…，空表列示”', ['#table'], '政府性基金支出表全空且无注'),
  R('BAL-012', 'warning', '注明空表却有金额', '{table}：注明空表列示，但表中有金额（{cell} 为 {actual}）', ['#table'], '注：空表列示，而合计为 5.00'),
  R('BAL-013', 'warning', '缺少金额列', '{table}：未找到「{col}」列，相关平衡关系无法校验', ['#table'], '支出总表没有“项目支出”列'),
  R('BAL-014', 'warning', '缺少合计行', '{table}：未找到“合计”行，无法校验合计', ['#table'], '收入总表直接从 208 开始'),
  R('BAL-015', 'warning', '项目行缺少名称', '{table} 第{row}行：{side}有金额 {actual} 但没有项目名称，未参与汇总', ['#row'], '收支总表 D12 空白而 E12 有数'),
  R('BAL-016', 'warning', '同一单位的表重复', '{table} 在工作簿中出现多次（{first} 与 {second}），按第一张校验', ['#table', '#cross'], '两个工作表都是支出总表'),
  R('BAL-019', 'warning', '尾差', '{table} {what}：{actual} 与 {expected} 相差 {diff}，在由{source}换算为{unit}的四舍五入范围内（尾差，按“{rule}”应相等），请确认是否需要调整尾数', ['#cell', '#rounding'], '元换算为万元后合计差 0.01'),
  // ---- hierarchy and 合计 row
  R('BAL-101', 'error', '上级科目不等于下级之和', '{table} 第{row}行 {code} {name}：{col}为 {actual}，下级合计为 {expected}（差 {diff}）', ['#identity', '#row'], '20801 为 861.59，下级合计 861.49'),
  R('BAL-102', 'error', '合计行不等于各类之和', '{table} 合计行：{col}为 {actual}，各类合计为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 3889.89，208+210+221=3889.79'),
  // ---- row identities
  R('BAL-201', 'error', '收入总表：合计≠上年结转+本年收入', '{table} 第{row}行 {label}：合计为 {actual}，上年结转 + 本年收入为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 100，上年结转 10 + 小计 80'),
  R('BAL-202', 'error', '收入总表：本年收入小计≠各来源之和', '{table} 第{row}行 {label}：本年收入小计为 {actual}，各项收入之和为 {expected}（差 {diff}）', ['#identity', '#row'], '小计 90，财政拨款 80 + 事业收入 5'),
  R('BAL-203', 'error', '支出总表：合计≠各类支出之和', '{table} 第{row}行 {label}：合计为 {actual}，{basis}为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 3889.89，基本 685.86 + 项目 3204.00'),
  R('BAL-204', 'error', '合计≠基本支出+项目支出', '{table} 第{row}行 {label}：合计为 {actual}，基本支出 + 项目支出为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 861.59，491.66 + 369.83'),
  R('BAL-205', 'error', '基本支出表：合计≠人员经费+公用经费', '{table} 第{row}行 {label}：合计为 {actual}，人员经费 + 公用经费为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 685.86，632.20 + 53.56'),
  R('BAL-206', 'error', '财政拨款收支总表：支出合计≠三类拨款之和', '{table} 第{row}行 {label}：合计为 {actual}，一般公共预算 + 政府性基金 + 国有资本经营为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 3798.89，各列之和 3798.79'),
  R('BAL-207', 'error', '“三公”表：合计≠各资金来源之和', '{table} 第{row}行 {label}：合计为 {actual}，各资金来源之和为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 5.00，一般公共预算 4.00'),
  R('BAL-208', 'error', '政府采购表：合计≠各资金来源之和', '{table} 第{row}行 {label}：合计为 {actual}，各资金来源之和为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 33.00，一般公共预算拨款 30.00'),
  R('BAL-209', 'error', '收支总表：支出合计≠基本支出+项目支出', '{table} 第{row}行 {label}：合计为 {actual}，基本支出（人员经费 + 公用经费）+ 项目支出为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 1500，人员 800 + 公用 200 + 项目 400'),
  R('BAL-210', 'error', '政府采购表：品目类别≠其下各项之和', '{table} 第{row}行 {label}：{col}为 {actual}，其下各采购项目之和为 {expected}（差 {diff}）', ['#identity', '#row'], '一、货物A 30.00，12.00 + 17.00'),
  R('BAL-211', 'error', '政府采购表：合计≠各品目类别之和', '{table} 第{row}行 合计：{col}为 {actual}，各品目类别之和为 {expected}（差 {diff}）', ['#identity', '#row'], '合计 45.00，货物 30.00 + 服务 14.00'),
  // ---- T1/T4
  R('BAL-301', 'error', '本年收入合计≠各项收入之和', '{table} 第{row}行 本年收入合计：{col}为 {actual}，各项收入之和为 {expected}（差 {diff}）', ['#identity', '#line'], '本年收入合计 3889.89，一…九 之和 3889.79'),
  R('BAL-302', 'error', '收入总计≠本年收入合计+结转', '{table} 第{row}行 收入总计：{col}为 {actual}，本年收入合计 + {basis}为 {expected}（差 {diff}）', ['#identity', '#line'], '收入总计 3889.89，3889.89 + 上年结转 0.10'),
  R('BAL-303', 'error', '本年支出合计≠各类支出之和', '{table} 第{row}行 本年支出合计：{col}为 {actual}，各类支出之和为 {expected}（差 {diff}）', ['#identity', '#line'], '本年支出合计 3889.89，各类之和 3889.79'),
  R('BAL-304', 'error', '支出总计≠本年支出合计+结转结余', '{table} 第{row}行 支出总计：{col}为 {actual}，本年支出合计 + {basis}为 {expected}（差 {diff}）', ['#identity', '#line'], '支出总计 3889.89，3889.79 + 0'),
  R('BAL-305', 'error', '收入总计≠支出总计', '{table} 第{row}行 支出总计为 {actual}，收入总计为 {expected}（差 {diff}）', ['#identity', '#line'], '收入总计 3889.89，支出总计 3889.79'),
  R('BAL-306', 'error', '年初结转和结余≠其明细之和', '{table} 第{row}行 {label}：{col}为 {actual}，其下各项之和为 {expected}（差 {diff}）', ['#identity', '#line'], '年初财政拨款结转和结余 5，明细 3'),
  R('BAL-307', 'error', '功能分类支出之和≠按用途的支出小计', '{table} 第{row}行 {label}：{col}为 {actual}，功能分类各类支出之和为 {expected}（差 {diff}）', ['#identity', '#line'], '当年支出小计 5200，各类支出之和 5100'),
  R('BAL-308', 'error', '收入项≠其明细之和', '{table} 第{row}行 {label}：{col}为 {actual}，其下各项之和为 {expected}（差 {diff}）', ['#identity', '#line'], '一、财政拨款收入 1200，1、一般公共预算 1000 + 2、政府性基金预算 100'),
  R('BAL-309', 'error', '收入类别小计≠其各项之和', '{table} 第{row}行 {label}：小计为 {actual}，其下各项之和为 {expected}（差 {diff}）', ['#identity', '#line'], '一般公共预算资金 小计 5000，各项 4900'),
  R('BAL-310', 'error', '收入总计≠各类别小计之和', '{table} 第{row}行 {label}：{col}为 {actual}，各类别小计之和为 {expected}（差 {diff}）', ['#identity', '#line'], '收入总计 6000，各类 5900'),
  // ---- T9
  R('BAL-401', 'error', '“三公”经费小计≠三项之和', '{table} 第{row}行 “三公”经费小计：{col}为 {actual}，因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费为 {expected}（差 {diff}）', ['#identity', '#line'], '小计 10，2 + 5 + 2'),
  R('BAL-402', 'error', '因公出国（境）费≠其中两项之和', '{table} 第{row}行 因公出国（境）费：{col}为 {actual}，其中两项之和为 {expected}（差 {diff}）', ['#identity', '#line'], '出国 2，教学科研 1 + 其他 0.5'),
  R('BAL-403', 'error', '公务用车购置及运维费≠购置+运维', '{table} 第{row}行 公务用车购置及运行维护费：{col}为 {actual}，购置费 + 运行维护费为 {expected}（差 {diff}）', ['#identity', '#line'], '5，购置 0 + 运维 4'),
  R('BAL-404', 'error', '“三公”表合计≠“三公”经费小计', '{table} 第{row}行 合计：{col}为 {actual}，“三公”经费小计为 {expected}（差 {diff}）', ['#identity', '#line'], '合计 10，小计 9'),
  R('BAL-405', 'error', '“三公”表合计≠“三公”经费+会议费+培训费', '{table} 第{row}行 合计：{col}为 {actual}，“三公”经费小计 + 会议费 + 培训费为 {expected}（差 {diff}）', ['#identity', '#line'], '合计 30，三公 20 + 会议 5 + 培训 4'),
  // ---- T11
  R('BAL-501', 'error', '资产总额≠各类资产之和', '{table} 第{row}行 资产总额：价值为 {actual}，房屋 + 车辆 + 单价20万元以上设备 + 其他固定资产为 {expected}（差 {diff}）', ['#identity', '#line'], '资产总额 79.98，11.24 + 68.64'),
  R('BAL-502', 'warning', '办公用房超过房屋', '{table} 第{row}行 其中：办公用房 {col}为 {actual}，大于房屋的 {expected}', ['#line'], '办公用房 1200 平方米，房屋 1000'),
  // ---- across tables
  R('BAL-601', 'error', '收支总表本年收入合计≠收入总表本年收入', '收支总表 本年收入合计为 {actual}，收入总表 合计行本年收入为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '3889.89 对 3889.79'),
  R('BAL-602', 'error', '收支总表上年结转≠收入总表上年结转', '收支总表 上年结转结余为 {actual}，收入总表 合计行上年结转为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '0.00 对 5.00'),
  R('BAL-603', 'error', '收支总表支出类≠支出总表同类', '收支总表「{name}」为 {actual}，支出总表 {code} 合计为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '社会保障和就业支出 3798.89 对 208 = 3798.79'),
  R('BAL-604', 'error', '收支总表本年支出合计≠支出总表合计', '收支总表 本年支出合计为 {actual}，支出总表 合计为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '3889.89 对 3889.79'),
  R('BAL-605', 'warning', '收入总表与支出总表科目不一致', '{code} {name}：支出总表合计为 {actual}，收入总表合计为 {expected}（差 {diff}；有结转时可能合理）', ['#identity', '#cross'], '208 收入 3798.89，支出 3800.00'),
  R('BAL-606', 'error', '财政拨款收支总表一般公共预算拨款≠收支总表', '财政拨款收支总表 一般公共预算拨款为 {actual}，收支总表 一般公共预算拨款收入为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '3889.89 对 3889.79'),
  R('BAL-607', 'error', '财政拨款收支总表一般公共预算列≠一般公共预算支出表同类', '财政拨款收支总表「{name}」一般公共预算为 {actual}，一般公共预算支出表 {code} 合计为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '社会保障和就业支出 3798.89 对 3798.79'),
  R('BAL-608', 'error', '一般公共预算支出表合计≠财政拨款收支总表一般公共预算支出', '一般公共预算支出表 合计为 {actual}，财政拨款收支总表 本年支出合计（一般公共预算）为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '3889.79 对 3889.89'),
  R('BAL-609', 'error', '一般公共预算支出表基本支出≠基本支出表合计', '一般公共预算支出表 基本支出合计为 {actual}，基本支出表 合计为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '685.86 对 685.76'),
  R('BAL-610', 'error', '政府性基金支出表合计≠财政拨款收支总表政府性基金', '政府性基金支出表 合计为 {actual}，财政拨款收支总表 本年支出合计（政府性基金）为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '0.00 对 12.00'),
  R('BAL-611', 'error', '国有资本经营支出表合计≠财政拨款收支总表国有资本经营', '国有资本经营支出表 合计为 {actual}，财政拨款收支总表 本年支出合计（国有资本经营）为 {expected}（{otherCell}，差 {diff}）', ['#identity', '#cross'], '0.00 对 3.00'),
  // ---- 说明 text
  R('BAL-701', 'error', '说明中的金额与表格不符', '说明写{what} {actual}万元，表格为 {expected}万元（{source}，差 {diff}）', ['#identity', '#text'], '说明写支出 3889.79万元'),
  R('BAL-702', 'warning', '说明中的金额单位不是万元', '说明写{what} {raw}，公开金额应以万元为单位', ['#text'], '机关运行经费 67.68元'),
  R('BAL-703', 'warning', '说明中的金额超过两位小数', '说明中的金额 {raw} 有 {decimals} 位小数，应保留两位小数', ['#text'], '增加 790.913万元'),
];

export const BUDGET_RULES: Record<string, RuleDef> = Object.fromEntries(LIST.map((r) => [r.id, r]));

/** Ids of the balance identities (each must have a test that breaks it). */
export const IDENTITY_RULE_IDS: readonly string[] = LIST.filter((r) => r.tags.includes('#identity')).map((r) => r.id);

/** Short label of the expected side, for BUDGET.CHECKSUM's one-line text. */
export const BASIS: Record<string, string> = {
  'BAL-101': '下级合计',
  'BAL-102': '各类合计',
  'BAL-201': '上年结转+本年收入',
  'BAL-202': '各项收入之和',
  'BAL-203': '各类支出之和',
  'BAL-204': '基本+项目',
  'BAL-205': '人员+公用',
  'BAL-206': '三类拨款之和',
  'BAL-207': '各资金来源之和',
  'BAL-208': '各资金来源之和',
  'BAL-301': '各项收入之和',
  'BAL-302': '本年收入合计+结转',
  'BAL-303': '各类支出之和',
  'BAL-304': '本年支出合计+结转结余',
  'BAL-305': '收入总计',
  'BAL-306': '明细之和',
  'BAL-209': '基本+项目',
  'BAL-210': '各项之和',
  'BAL-211': '各类别之和',
  'BAL-307': '功能分类之和',
  'BAL-308': '明细之和',
  'BAL-309': '各项之和',
  'BAL-310': '各类别之和',
  'BAL-405': '三公+会议+培训',
  'BAL-401': '三项之和',
  'BAL-402': '其中两项之和',
  'BAL-403': '购置+运维',
  'BAL-404': '“三公”经费小计',
  'BAL-501': '各类资产之和',
};
