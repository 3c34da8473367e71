/**
 * The five worksheet functions called the way Excel calls them: 2-D arrays of mixed
 * numbers, strings, blanks ('' and null) and booleans; optional arguments missing or
 * null; a whole column of 1,048,576 rows; the invocation's parameter addresses. Bad
 * input must come back as an error value (#VALUE! / #N/A) with a Chinese message,
 * never as a thrown exception of another kind.
 */
import { budgetChecksum, budgetSubject, budgetFingerprint, kpiValidate, kpiParse, type Invocation } from '../../src/functions/functions';
import { ExcelError, setErrorFactory } from '../../src/functions/errors';
import { resetRuntimeState, setRuleSettings } from '../../src/functions/runtime-state';
import { sheetOf } from '../fixtures/juluxian-data';
import { runtimeError, richError, cellValueError } from './excel-values';

const EXCEL_ROWS = 1_048_576;
const CJK = /[\u4e00-\u9fff]/;

/** Runs a call and returns its value, or the error value it threw. */
function excel<T>(f: () => T): T | ExcelError {
  try {
    return f();
  } catch (e) {
    if (e instanceof ExcelError) return e;
    throw new Error(`not an error value: ${String(e)}`);
  }
}

function expectError(v: unknown, code: '#VALUE!' | '#N/A', message: RegExp): void {
  expect(v).toBeInstanceOf(ExcelError);
  const e = v as ExcelError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(CJK);
  expect(e.message).toMatch(message);
}

/** Copies a fixture grid so a test can damage it. */
function grid(kind: 'T5' | 'T1' | 'T6', unit: 'rsj' | 'sbzx' = 'rsj'): unknown[][] {
  return sheetOf(unit, kind).rows.map((r) => [...r]);
}

/** Row index (0-based) of the first row whose cells include `text`. */
function rowWith(g: unknown[][], text: string): number {
  const r = g.findIndex((row) => row.some((c) => String(c ?? '').replace(/\s/g, '') === text));
  expect(r).toBeGreaterThanOrEqual(0);
  return r;
}

/** Pads a grid to a whole column A:… (1,048,576 rows of which the rest are null). */
function wholeColumn(g: unknown[][], width = 8): unknown[][] {
  const blank = new Array(width).fill(null);
  const out: unknown[][] = new Array(EXCEL_ROWS);
  for (let r = 0; r < EXCEL_ROWS; r++) out[r] = blank;
  g.forEach((row, r) => {
    out[r] = [...row, ...blank].slice(0, width);
  });
  return out;
}

beforeEach(() => {
  setErrorFactory();
  resetRuntimeState();
});

describe('BUDGET.CHECKSUM', () => {
  test('a balanced table (seed 004, 一般公共预算支出表) → ✔ with the row count, as [[text]]', () => {
    const out = budgetChecksum(grid('T5'));
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    expect(out[0][0]).toMatch(/^✔ 平衡（\d+ 行）$/);
  });

  test('optional arguments missing, null or blank behave the same; kind by name works', () => {
    const g = grid('T5');
    const a = budgetChecksum(g);
    expect(budgetChecksum(g, null as unknown as string, null as unknown as boolean)).toEqual(a);
    expect(budgetChecksum(g, '', '' as unknown as boolean)).toEqual(a);
    expect(budgetChecksum(g, '一般公共预算支出表', false)).toEqual(a);
  });

  test('an unbalanced parent row → ✘ naming the sheet row, with the difference', () => {
    const g = grid('T5');
    const r = rowWith(g, '20801');
    const col = g[r].findIndex((c) => c === 861.59);
    expect(col).toBeGreaterThan(0);
    g[r][col] = 861.49; // 款 no longer equals the sum of its 项
    const text = budgetChecksum(g)[0][0] as string;
    expect(text).toMatch(/^✘ \d+ 处不平：/);
    expect(text).toContain(`第${r + 1}行`);
    expect(text).toContain('0.10');
    // The same range placed at B5 on the sheet: row numbers follow the sheet.
    const shifted = budgetChecksum(g, undefined, undefined, { parameterAddresses: ['Sheet1!B5:F40'] })[0][0] as string;
    expect(shifted).toContain(`第${r + 5}行`);
  });

  test('detail TRUE spills 位置 | 规则 | 说明 | 应为 | 实为 | 差额 with sheet addresses', () => {
    const g = grid('T5');
    const r = rowWith(g, '20801');
    const col = g[r].findIndex((c) => c === 861.59);
    g[r][col] = 861.49;
    const inv: Invocation = { parameterAddresses: ["'2.20一般公共预算拨款表'!A1:E40"] };
    const out = budgetChecksum(g, undefined, true, inv);
    expect(out[0]).toEqual(['位置', '规则', '说明', '应为', '实为', '差额']);
    expect(out.length).toBeGreaterThan(1);
    for (const row of out) expect(row).toHaveLength(6);
    const cells = out.slice(1).map((row) => row[0]);
    expect(cells.some((c) => typeof c === 'string' && new RegExp(`^[A-Z]+${r + 1}$`).test(c))).toBe(true);
    expect(out.slice(1).some((row) => row[5] === '0.10' || row[5] === '-0.10')).toBe(true);
  });

  test('detail TRUE on a balanced table still has the six-column header', () => {
    const out = budgetChecksum(grid('T5'), undefined, true);
    expect(out[0]).toEqual(['位置', '规则', '说明', '应为', '实为', '差额']);
    expect(out[1][2]).toMatch(/^✔ 平衡/);
  });

  test('a whole column A:H (beyond the 5 MB argument limit) → #VALUE! asking for a bounded range or a table', () => {
    const col = wholeColumn(grid('T5'));
    const e = excel(() => budgetChecksum(col, undefined, undefined, { parameterAddresses: ['Sheet1!A:H'] }));
    expectError(e, '#VALUE!', /Sheet1!A:H.*上限.*有边界的区域.*表格/);
    // Without an address (older clients) the size alone decides.
    expectError(excel(() => budgetChecksum(col)), '#VALUE!', /8,388,608 个单元格/);
    // A bounded range of the same data is fine.
    expect(budgetChecksum(grid('T5'))[0][0]).toMatch(/^✔ 平衡/);
  });

  test('text and error cells (as Excel passes them) in amount cells are reported at their cell, not thrown', () => {
    const g = grid('T5');
    const r = rowWith(g, '20801');
    const col = g[r].findIndex((c) => c === 861.59);
    g[r][col] = '八百六十一';
    const text = excel(() => budgetChecksum(g));
    expect(text).not.toBeInstanceOf(ExcelError);
    expect((text as unknown[][])[0][0]).toMatch(/^✘ .*八百六十一.*应为数字/);
    // An #N/A cell reaches the function as the runtime's CustomFunctions.Error (allowErrorForDataTypeAny).
    const na = grid('T5');
    na[r][col] = runtimeError('#N/A');
    const withNa = excel(() => budgetChecksum(na, undefined, true, { parameterAddresses: ['收支总表!A1:H40'] })) as unknown[][];
    expect(withNa).not.toBeInstanceOf(ExcelError);
    const naRow = withNa.slice(1).find((row) => String(row[2]).includes('#N/A'));
    expect(naRow?.[0]).toMatch(new RegExp(`^收支总表!?[A-Z]+${r + 1}$|^[A-Z]+${r + 1}$`));
    // The other shapes of the same error (rich data JSON, ErrorCellValue with only errorType) read the same.
    for (const v of [richError('#N/A'), cellValueError('NotAvailable')]) {
      const other = grid('T5');
      other[r][col] = v;
      expect(excel(() => budgetChecksum(other, undefined, true, { parameterAddresses: ['收支总表!A1:H40'] }))).toEqual(withNa);
    }
    // #REF! and #DIV/0! are named as such.
    const ref = grid('T5');
    ref[r][col] = runtimeError('#REF!');
    expect(String(excel(() => budgetChecksum(ref)) as unknown as unknown[][])).toMatch(/#REF!/);
    const div = grid('T5');
    div[r][col] = cellValueError('Div0');
    expect(String(excel(() => budgetChecksum(div)) as unknown as unknown[][])).toMatch(/#DIV\/0!/);
  });

  test('detail accepts the words Excel now passes through (declared any): 明细, 是, TRUE, 1', () => {
    const g = grid('T5');
    const full = budgetChecksum(g, undefined, true);
    for (const w of ['明细', '是', 'TRUE', 1]) expect(budgetChecksum(g, undefined, w)).toEqual(full);
    expect(budgetChecksum(g, undefined, '否')).toEqual(budgetChecksum(g));
  });

  test('a range that is not a disclosure table → #VALUE! with a Chinese message', () => {
    const notATable = [
      ['姓名', '电话', '备注'],
      ['张三', 13800000000, ''],
      [null, true, 12.5],
    ];
    expectError(excel(() => budgetChecksum(notATable)), '#VALUE!', /不是预算公开表/);
  });

  test('an empty range and an unknown table name → #VALUE! saying what is expected', () => {
    expectError(excel(() => budgetChecksum([[null, ''], ['', null]])), '#VALUE!', /区域为空/);
    expectError(excel(() => budgetChecksum(wholeColumn([]))), '#VALUE!', /上限/);
    expectError(excel(() => budgetChecksum(grid('T5'), '利润表')), '#VALUE!', /利润表.*收支总表/);
    expectError(excel(() => budgetChecksum(grid('T5'), undefined, '也许')), '#VALUE!', /明细.*TRUE 或 FALSE/);
  });

  test('disabled rules (workbook settings in the shared runtime) no longer count', () => {
    const g = grid('T5');
    const r = rowWith(g, '20801');
    const col = g[r].findIndex((c) => c === 861.59);
    g[r][col] = 861.49;
    const detail = budgetChecksum(g, undefined, true);
    const rules = [...new Set(detail.slice(1).map((row) => String(row[1])))].filter(Boolean);
    expect(rules.length).toBeGreaterThan(0);
    setRuleSettings({ disabled: rules });
    expect(budgetChecksum(g)[0][0]).toMatch(/^✔/);
  });
});

describe('BUDGET.SUBJECT', () => {
  test.each([
    [208, '社会保障和就业支出'],
    ['20801', '人力资源和社会保障管理事务'],
    [2080101, '行政运行'],
    [' 208 01 01 ', '行政运行'],
    ['３０１', '工资福利支出'],
  ])('%p → %s', (code, name) => {
    expect(budgetSubject(code)).toBe(name);
  });

  test('blank → blank; unknown code → #N/A; not a code → #VALUE!', () => {
    expect(budgetSubject(null)).toBe('');
    expect(budgetSubject('')).toBe('');
    expectError(excel(() => budgetSubject('2089998')), '#N/A', /2089998.*不在科目字典/);
    expectError(excel(() => budgetSubject('社保')), '#VALUE!', /不是科目编码/);
    expectError(excel(() => budgetSubject(12.5)), '#VALUE!', /不是科目编码/);
  });
});

describe('BUDGET.FINGERPRINT', () => {
  test('stable, short, and blind to text and blank rows; a whole column asks for a bounded range', () => {
    const g = grid('T5');
    const fp = budgetFingerprint(g);
    expect(fp).toMatch(/^[0-9a-f]{8,16}$/);
    expect(budgetFingerprint(grid('T5'))).toBe(fp);
    expectError(excel(() => budgetFingerprint(wholeColumn(g))), '#VALUE!', /上限/);
    const padded = [...g, ...Array.from({ length: 5000 }, () => new Array(8).fill(null))];
    expect(budgetFingerprint(padded)).toBe(fp);
    const retitled = grid('T5');
    retitled[0] = ['（修订稿）' + String(retitled[0][0] ?? '')];
    expect(budgetFingerprint(retitled)).toBe(fp);
  });

  test('changes when one amount changes; empty range → #VALUE!', () => {
    const g = grid('T5');
    const r = rowWith(g, '20801');
    const col = g[r].findIndex((c) => c === 861.59);
    g[r][col] = 861.6;
    expect(budgetFingerprint(g)).not.toBe(budgetFingerprint(grid('T5')));
    expectError(excel(() => budgetFingerprint([['', null]])), '#VALUE!', /区域为空/);
  });
});

describe('KPI.VALIDATE', () => {
  // A 项目绩效目标表 in the plain layout, written for this test.
  const HEADER = ['一级指标', '二级指标', '三级指标', '指标描述', '指标值', '依据'];
  const rows = (): unknown[][] => [
    ['项目名称：就业见习补贴', '', '', '', '', ''],
    HEADER,
    ['产出指标', '数量指标', '见习人数', '全年组织见习的人数', '≥120人', '年度计划'],
    ['产出指标', '质量指标', '补贴发放准确率', '补贴按标准足额发放', '≥98%', '管理办法'],
    ['产出指标', '时效指标', '补贴发放及时率', '按月发放', '100%', '管理办法'],
    [null, '', '', '', '', ''],
    ['效益指标', '社会效益指标', '见习后就业率', '见习结束半年内就业', '≥60%', '年度计划'],
    ['满意度指标', '服务对象满意度指标', '见习人员满意度', '问卷调查', '≥90人', '问卷'],
  ];

  test('spills one cell per input row: blank for title/header/blank rows, ✔ or findings for indicators', () => {
    const g = rows();
    const out = kpiValidate(g);
    expect(out).toHaveLength(g.length);
    for (const row of out) expect(row).toHaveLength(1);
    expect(out[1][0]).toBe('');
    expect(out[5][0]).toBe('');
    expect(out[2][0]).toBe('✔');
    // 满意度 given in 人 instead of %: the row says what is wrong.
    expect(String(out[7][0])).toMatch(/^✘ .*见习人员满意度.*%/);
    expect(out.map((row) => row[0]).filter((v) => v === '✔')).toHaveLength(4);
  });

  test('summary mode returns one text; mode missing, null or blank = rows', () => {
    const g = rows();
    const s = kpiValidate(g, 'summary');
    expect(s).toHaveLength(1);
    expect(s).toEqual([['1 个错误']]);
    expect(kpiValidate(g, '汇总')).toEqual(s);
    expect(kpiValidate(g, null as unknown as string)).toEqual(kpiValidate(g));
    expect(kpiValidate(g, '')).toEqual(kpiValidate(g));
    expectError(excel(() => kpiValidate(g, 'all')), '#VALUE!', /模式.*summary/);
  });

  test('a whole column → #VALUE! asking for a bounded range; blank rows below a bounded range are trimmed', () => {
    const g = rows();
    expectError(excel(() => kpiValidate(wholeColumn(g), undefined, { parameterAddresses: ['Sheet1!A:H'] })), '#VALUE!', /Sheet1!A:H.*有边界的区域/);
    const padded = [...g, ...Array.from({ length: 2000 }, () => new Array(6).fill(null))];
    expect(kpiValidate(padded)).toEqual(kpiValidate(g));
  });

  test('a range that is not a 绩效目标表 → #VALUE! with a Chinese message', () => {
    expectError(
      excel(() =>
        kpiValidate([
          ['姓名', '电话'],
          ['张三', 13800000000],
        ]),
      ),
      '#VALUE!',
      /未识别到绩效目标表/,
    );
    expectError(excel(() => kpiValidate([[null]])), '#VALUE!', /区域为空/);
  });

  test('#N/A and numbers in the value column do not throw', () => {
    const g = rows();
    g[3][4] = runtimeError('#N/A');
    g[4][4] = 1;
    const out = excel(() => kpiValidate(g));
    expect(out).not.toBeInstanceOf(ExcelError);
    expect(out as unknown[][]).toHaveLength(g.length);
  });
});

describe('KPI.PARSE', () => {
  test.each([
    ['≥95%', ['≥', 95, '%']],
    ['>=95%', ['≥', 95, '%']],
    ['＝10 人', ['=', 10, '人']],
    ['100%', ['', 100, '%']],
  ])('%s → one row of 符号 | 数值 | 单位 | 类型', (value, head) => {
    const out = kpiParse(value);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(4);
    expect(out[0].slice(0, 3)).toEqual(head);
    expect(out[0][3]).toMatch(CJK);
  });

  test('qualitative, blank, numbers and error values still give four cells', () => {
    for (const v of ['效果显著', '', null, 0.95, runtimeError('#N/A'), richError('#N/A'), cellValueError('NotAvailable'), true]) {
      const out = excel(() => kpiParse(v));
      expect(out).not.toBeInstanceOf(ExcelError);
      expect((out as unknown[][])[0]).toHaveLength(4);
    }
    expect(kpiParse('效果显著')[0].slice(0, 3)).toEqual(['', '', '']);
  });
});
