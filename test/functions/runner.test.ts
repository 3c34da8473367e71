/**
 * The declarative function runner: argument coercion the way Excel passes arguments,
 * used-range trimming of whole columns, result shaping and error values.
 */
import { coerceArg, defineFunction, invoke, shapeResult, type AnyFunctionDef } from '../../src/functions/define';
import { usedGrid, originOf, sheetOf, isBlankCell, normalizeCell } from '../../src/functions/grid';
import { ExcelError, FunctionInputError, setErrorFactory, makeError } from '../../src/functions/errors';
import { lazy, setRuleSettings, getRuleSettings, resetRuntimeState } from '../../src/functions/runtime-state';

const EXCEL_ROWS = 1_048_576;

/** Calls like Excel and returns either the value or the error value that was thrown. */
function call(def: AnyFunctionDef, ...args: unknown[]): unknown {
  try {
    return invoke(def, args);
  } catch (e) {
    return e;
  }
}

describe('usedGrid', () => {
  test('drops trailing blank rows and columns, keeps leading ones', () => {
    const g = usedGrid([
      [null, '', null, ''],
      ['项目', '金额', '', null],
      [' ', 1, null, ''],
      ['', '', '', ''],
      [null, null, null, null],
    ]);
    expect(g).toEqual([
      [null, ''],
      ['项目', '金额'],
      [' ', 1],
    ]);
  });

  test('ragged rows are padded with null; undefined becomes null', () => {
    expect(usedGrid([[1], [undefined, 2, 3], ['x']])).toEqual([
      [1, null, null],
      [null, 2, 3],
      ['x', null, null],
    ]);
  });

  test('a scalar becomes a 1×1 grid and a blank input an empty grid', () => {
    expect(usedGrid(5)).toEqual([[5]]);
    expect(usedGrid('')).toEqual([]);
    expect(usedGrid(null)).toEqual([]);
    expect(usedGrid([[null, ''], ['　', ' ']])).toEqual([]);
    expect(usedGrid(['a', 'b'])).toEqual([['a', 'b']]);
  });

  test('error objects and entity values become text', () => {
    expect(usedGrid([[{ code: '#N/A', message: 'x' }, { error: '#REF!' }, { type: 'Entity', text: '张三' }]])).toEqual([['#N/A', '#REF!', '张三']]);
    expect(normalizeCell({ basicValue: 7 })).toBe(7);
    expect(isBlankCell('\u3000 ')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell(false)).toBe(false);
  });

  // Its cost is measured by npm run bench (a timed assertion here turned red on a loaded machine).
  test('a whole column (1,048,576 rows, 8 columns) is cut to its used rows', () => {
    const rows: unknown[][] = new Array(EXCEL_ROWS);
    const blank = [null, null, null, null, null, null, null, null];
    for (let r = 0; r < EXCEL_ROWS; r++) rows[r] = blank;
    rows[0] = ['科目编码', '科目名称', '合计', '', '', '', '', ''];
    rows[30] = ['', '合计', 12.5, '', '', '', '', ''];
    const g = usedGrid(rows);
    expect(g.length).toBe(31);
    expect(g[0]).toEqual(['科目编码', '科目名称', '合计']);
    expect(g[30]).toEqual(['', '合计', 12.5]);
  });
});

describe('originOf / sheetOf', () => {
  test.each([
    ['Sheet1!B3:H40', { row: 2, col: 1 }],
    ["'2.15 收支总表'!A5:D40", { row: 4, col: 0 }],
    ['Sheet1!$C$7', { row: 6, col: 2 }],
    ['Sheet1!A:H', { row: 0, col: 0 }],
    ['Sheet1!$C:$F', { row: 0, col: 2 }],
    ['Sheet1!5:40', { row: 4, col: 0 }],
    ['[Book1]Sheet1!D2:E3', { row: 1, col: 3 }],
    ['', { row: 0, col: 0 }],
    [undefined, { row: 0, col: 0 }],
    ['garbage!!', { row: 0, col: 0 }],
  ])('%s', (addr, origin) => {
    expect(originOf(addr as string | undefined)).toEqual(origin);
  });

  test('sheet names are unquoted', () => {
    expect(sheetOf("'2.15 收支总表'!A5:D40")).toBe('2.15 收支总表');
    expect(sheetOf("'It''s'!A1")).toBe("It's");
    expect(sheetOf('[Book1]Sheet1!A1')).toBe('Sheet1');
    expect(sheetOf('A1:B2')).toBeUndefined();
  });
});

describe('coerceArg', () => {
  test('optional arguments missing (null/undefined/blank) take their default', () => {
    const p = { name: 'detail', type: 'boolean', optional: true, default: false } as const;
    expect(coerceArg(p, null)).toBe(false);
    expect(coerceArg(p, undefined)).toBe(false);
    expect(coerceArg(p, '')).toBe(false);
    const k = { name: 'kind', type: 'string', optional: true } as const;
    expect(coerceArg(k, null)).toBeUndefined();
  });

  test('booleans accept Excel booleans, numbers and Chinese words', () => {
    const p = { name: 'detail', type: 'boolean', optional: true, default: false } as const;
    expect(coerceArg(p, true)).toBe(true);
    expect(coerceArg(p, 1)).toBe(true);
    expect(coerceArg(p, 0)).toBe(false);
    expect(coerceArg(p, 'true')).toBe(true);
    expect(coerceArg(p, '是')).toBe(true);
    expect(coerceArg(p, '否')).toBe(false);
    expect(() => coerceArg(p, '也许')).toThrow(FunctionInputError);
    expect(() => coerceArg({ ...p, label: '明细' }, '也许')).toThrow(/参数“明细”应为 TRUE 或 FALSE，实为“也许”/);
  });

  test('strings: numbers become text, text is trimmed, ranges give their first cell', () => {
    const p = { name: 'code', type: 'string' } as const;
    expect(coerceArg(p, 20801)).toBe('20801');
    expect(coerceArg(p, '  收支总表 ')).toBe('收支总表');
    expect(coerceArg(p, [['收入总表', 'x']])).toBe('收入总表');
    expect(coerceArg(p, null)).toBe('');
  });

  test('numbers reject text', () => {
    const p = { name: 'n', type: 'number' } as const;
    expect(coerceArg(p, '12.5')).toBe(12.5);
    expect(() => coerceArg(p, '十二')).toThrow(/应为数字/);
  });

  test('error values in scalar arguments are reported, in any-typed ones passed on', () => {
    expect(() => coerceArg({ name: 'kind', type: 'string' }, '#N/A')).toThrow(/错误值 #N\/A/);
    expect(() => coerceArg({ name: 'kind', type: 'string' }, { code: '#REF!' })).toThrow(/错误值 #REF!/);
    expect(coerceArg({ name: 'v', type: 'any' }, '#N/A')).toBe('#N/A');
  });

  test('a missing required range is an error naming the parameter', () => {
    expect(() => coerceArg({ name: 'table', type: 'matrix', label: '表格' }, null)).toThrow(/缺少参数“表格”/);
  });
});

describe('shapeResult', () => {
  test('matrices are rectangular, non-empty, with displayable cells', () => {
    expect(shapeResult('matrix', [])).toEqual([['']]);
    expect(shapeResult('matrix', 'x')).toEqual([['x']]);
    expect(shapeResult('matrix', [['a'], ['b', 2], [null, NaN, undefined]])).toEqual([
      ['a', '', ''],
      ['b', 2, ''],
      ['', '', ''],
    ]);
  });

  test('scalars', () => {
    expect(shapeResult('string', null)).toBe('');
    expect(shapeResult('string', [['x']])).toBe('x');
    expect(shapeResult('number', 3)).toBe(3);
    expect(() => shapeResult('number', NaN)).toThrow(FunctionInputError);
  });
});

describe('invoke', () => {
  const seen: unknown[][] = [];
  const ECHO = defineFunction({
    name: 'TEST.ECHO',
    params: [
      { name: 'table', type: 'matrix', label: '表格' },
      { name: 'kind', type: 'string', optional: true },
      { name: 'detail', type: 'boolean', optional: true, default: false },
    ],
    result: 'matrix',
    impl: ([table, kind, detail]) => {
      seen.push([table, kind, detail]);
      if (table.length === 0) throw new FunctionInputError('区域为空。');
      if (kind === 'boom') throw new Error('model defect');
      return detail ? table : [[`${table.length} 行`]];
    },
  });

  beforeEach(() => {
    seen.length = 0;
    setErrorFactory();
  });
  afterAll(() => setErrorFactory());

  test('arguments arrive coerced; missing optionals get defaults', () => {
    expect(call(ECHO, [[1, null], ['', 'x'], ['', null]])).toEqual([['2 行']]);
    expect(seen[0]).toEqual([[[1, null], ['', 'x']], undefined, false]);
    expect(call(ECHO, [['a']], null, true)).toEqual([['a']]);
  });

  test('input errors become #VALUE! with the Chinese message (Node fallback value)', () => {
    const e = call(ECHO, [[null]]);
    expect(e).toBeInstanceOf(ExcelError);
    expect(e).toEqual(new ExcelError('#VALUE!', '区域为空。'));
  });

  test('unexpected exceptions are still an error value, never a raw exception', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const e = call(ECHO, [[1]], 'boom') as ExcelError;
    spy.mockRestore();
    expect(e).toBeInstanceOf(ExcelError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('TEST.ECHO 计算出错：model defect');
  });

  test('the error factory is injectable (as CustomFunctions.Error would be)', () => {
    const made: [string, string][] = [];
    setErrorFactory((code, message) => {
      made.push([code, message]);
      return { fake: true, code, message };
    });
    expect(call(ECHO, [[1]], null, '也许')).toEqual({ fake: true, code: 'invalidValue', message: '参数“detail”应为 TRUE 或 FALSE，实为“也许”。' });
    expect(made).toHaveLength(1);
    expect(seen).toHaveLength(0); // the body never ran
  });

  test('inside Excel the runtime CustomFunctions.Error is used', () => {
    class FakeCfError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: FakeCfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
    try {
      const e = makeError('notAvailable', '无此科目');
      expect(e).toBeInstanceOf(FakeCfError);
      expect(e).toEqual(new FakeCfError('#N/A', '无此科目'));
    } finally {
      delete g.CustomFunctions;
    }
    expect(makeError('invalidValue', 'x')).toBeInstanceOf(ExcelError);
    // Before the host script has loaded (associate only): the plain error value.
    g.CustomFunctions = { associate: () => undefined };
    try {
      expect(makeError('invalidValue', 'x')).toEqual(new ExcelError('#VALUE!', 'x'));
    } finally {
      delete g.CustomFunctions;
    }
  });
});

describe('runtime state', () => {
  afterEach(() => resetRuntimeState());

  test('lazy singletons are built once per runtime', () => {
    let built = 0;
    const a = lazy('dict', () => ({ n: ++built }));
    const b = lazy('dict', () => ({ n: ++built }));
    expect(a).toBe(b);
    expect(built).toBe(1);
  });

  test('state is shared through globalThis (a second bundle sees it)', () => {
    setRuleSettings({ disabled: ['BAL-001'] });
    const shared = (globalThis as unknown as Record<symbol, { settings?: unknown }>)[Symbol.for('budget-disclosure-helper.runtime-state')];
    expect(shared.settings).toEqual({ disabled: ['BAL-001'] });
    expect(getRuleSettings()).toEqual({ disabled: ['BAL-001'] });
  });
});
