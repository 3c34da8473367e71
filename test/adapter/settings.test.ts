/**
 * The workbook's 设置 sheet reaches the custom functions (shared runtime): after detect()
 * the runtime state holds the same settings the pane applies, Excel is asked for a full
 * recalculation when they changed, and KPI.VALIDATE then agrees with the pane.
 */
import { createWorkbookPort } from '../../src/taskpane/excel';
import { getRuleSettings, resetRuntimeState } from '../../src/functions/runtime-state';
import { kpiValidate } from '../../src/functions/functions';
import { ExcelDouble } from '../double';

const KPI = [
  ['项目支出绩效目标表', '', '', '', ''],
  ['一级指标', '二级指标', '三级指标', '指标值', '备注'],
  ['产出指标', '数量指标', '发放人数', '≥135人', ''],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥95人', ''],
];

beforeEach(() => resetRuntimeState());

test('settings of the 设置 sheet reach KPI.VALIDATE, with one full recalculation per change', async () => {
  const before = kpiValidate(KPI);
  const failing = before.map((r) => String(r[0])).filter((t) => t.startsWith('✘'));
  expect(failing.length).toBeGreaterThan(0);

  const xl = new ExcelDouble();
  xl.addSheet('绩效', KPI);
  const port = createWorkbookPort(xl.run);
  await port.detect();
  expect(xl.viewLog.filter((v) => v.action === 'calculate')).toEqual([]); // no settings sheet, nothing to share
  expect(getRuleSettings()).toBeUndefined();

  // The clerk switches the KPI rules off in the 设置 sheet.
  xl.addSheet('设置', [['规则', '启用', '级别'], ['KPI-*', '否', '']]);
  await port.detect();
  expect(getRuleSettings()).toEqual(expect.objectContaining({ disabled: ['KPI-*'] }));
  expect(xl.viewLog.filter((v) => v.action === 'calculate').map((v) => v.address)).toEqual(['Full']);
  // The function now sees the same switches as the pane: no KPI finding is left.
  const after = kpiValidate(KPI);
  expect(after.map((r) => String(r[0])).filter((t) => t.startsWith('✘'))).toEqual([]);

  // Unchanged settings: no second recalculation.
  await port.detect();
  expect(xl.viewLog.filter((v) => v.action === 'calculate')).toHaveLength(1);
  expect(xl.writes()).toEqual([]);
});
