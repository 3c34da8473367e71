/**
 * One test table, two registrations: every case is entered as a formula over cells of
 * the same workbook, once through Excel's registration (CustomFunctions.associate, the
 * range as Office.js passes it: blanks as '') and once through WPS's (wps.AddCustomFunction
 * on the WPS double, the range as ET's Value2 gives it: blanks as undefined). Results must
 * be identical; failures must carry the same error code and Chinese message.
 */
import { associateAll } from '../../src/functions/functions';
import { setErrorFactory } from '../../src/functions/errors';
import { resetRuntimeState } from '../../src/functions/runtime-state';
import { WPS_FUNCTIONS, registerWpsFunctions, wpsFunctionsJson } from '../../src/wps/functions';
import { WpsDouble } from '../wps-double';
import { sheetOf } from '../fixtures/juluxian-data';
import { kpiGrid } from '../adapter/workbooks';

type Arg = { range: string } | string | number | boolean | undefined;
interface Case {
  formula: string;
  args: Arg[];
  /** What the result must look like (both hosts give the same, checked separately). */
  expect: RegExp | 'error';
}

function damaged(): unknown[][] {
  const g = sheetOf('rsj', 'T5').rows.map((r) => [...r]);
  const r = g.findIndex((row) => row.some((c) => String(c).trim() === '20801'));
  const c = g[r].findIndex((x) => x === 861.59);
  g[r][c] = 861.49;
  return g;
}

const CASES: Case[] = [
  { formula: 'BUDGET.CHECKSUM', args: [{ range: "'T5'!A1:H40" }], expect: /^✔ 平衡（\d+ 行）$/ },
  { formula: 'BUDGET.CHECKSUM', args: [{ range: "'坏'!A1:H40" }], expect: /^✘ \d+ 处不平：/ },
  { formula: 'BUDGET.CHECKSUM', args: [{ range: "'坏'!A1:H40" }, undefined, true], expect: /位置\|规则\|说明\|应为\|实为\|差额[\s\S]*0\.10/ },
  { formula: 'BUDGET.CHECKSUM', args: [{ range: "'T5'!A1:H40" }, '一般公共预算支出表', false], expect: /^✔ 平衡/ },
  { formula: 'BUDGET.CHECKSUM', args: [{ range: "'T5'!A1:H40" }, '没有这种表'], expect: 'error' },
  { formula: 'BUDGET.CHECKSUM', args: [{ range: "'空'!A1:D5" }], expect: 'error' },
  { formula: 'BUDGET.SUBJECT', args: ['2080101'], expect: /^\S+$/ },
  { formula: 'BUDGET.SUBJECT', args: [20801], expect: /^\S+$/ },
  { formula: 'BUDGET.SUBJECT', args: ['abc'], expect: 'error' },
  { formula: 'BUDGET.SUBJECT', args: ['9999999'], expect: 'error' },
  { formula: 'BUDGET.FINGERPRINT', args: [{ range: "'T5'!A1:H40" }], expect: /^[0-9a-f]{12}$/ },
  { formula: 'KPI.VALIDATE', args: [{ range: "'绩效'!A1:E5" }], expect: /✔|✘|⚠/ },
  { formula: 'KPI.VALIDATE', args: [{ range: "'绩效'!A1:E5" }, 'summary'], expect: /错误|警告|通过|✔/ },
  { formula: 'KPI.VALIDATE', args: [{ range: "'绩效'!A1:E5" }, '随便'], expect: 'error' },
  { formula: 'KPI.PARSE', args: ['≥95%'], expect: /≥.*95.*%/ },
  { formula: 'KPI.PARSE', args: ['效果显著'], expect: /效果显著|定性/ },
];

function workbook(): WpsDouble {
  const w = new WpsDouble();
  w.addSheet('T5', sheetOf('rsj', 'T5').rows);
  w.addSheet('坏', damaged());
  w.addSheet('绩效', kpiGrid());
  w.addSheet('空');
  return w;
}

interface Outcome {
  value?: unknown;
  error?: { code: string; message: string };
}

function outcome(f: () => unknown): Outcome {
  try {
    return { value: f() };
  } catch (e) {
    const x = e as { code: string; message: string };
    return { error: { code: String(x.code), message: String(x.message) } };
  }
}

describe('the same functions through Excel’s and WPS’s registration', () => {
  const excelFns = new Map<string, (...a: unknown[]) => unknown>();
  let w: WpsDouble;

  beforeAll(() => {
    class CfError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    (globalThis as Record<string, unknown>).CustomFunctions = {
      associate: (id: string, fn: (...a: unknown[]) => unknown) => excelFns.set(id, fn),
      Error: CfError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    };
    expect(associateAll()).toBe(5);
    w = workbook();
    expect(registerWpsFunctions(w.wpsGlobal())).toBe(WPS_FUNCTIONS.length);
  });

  afterAll(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
    setErrorFactory();
  });

  beforeEach(() => resetRuntimeState());

  /** Excel: the range's values as Office.js passes them ('' for blank). */
  const excelArg = (a: Arg) => {
    if (a && typeof a === 'object') {
      const [sheet, addr] = a.range.replace(/'/g, '').split('!');
      return w.values(sheet, addr);
    }
    return a ?? null;
  };
  /** WPS: the range's Value2 as ET gives it (undefined for blank). */
  const wpsArg = (a: Arg) => {
    if (a && typeof a === 'object') {
      const [sheet, addr] = a.range.replace(/'/g, '').split('!');
      return w.Application.ActiveWorkbook!.Worksheets.Item(sheet).Range(addr).Value2;
    }
    return a;
  };

  it.each(CASES.map((c) => [`=${c.formula}(${c.args.map((a) => (a && typeof a === 'object' ? a.range : JSON.stringify(a) ?? '')).join(', ')})`, c] as const))('%s', (_label, c) => {
    const x = outcome(() => excelFns.get(c.formula)!(...c.args.map(excelArg), undefined));
    const y = outcome(() => w.callFunction(c.formula, ...c.args.map(wpsArg)));
    expect(y).toEqual(x);
    if (c.expect === 'error') {
      expect(x.error?.code).toMatch(/^#(VALUE!|N\/A)$/);
      expect(x.error?.message).toMatch(/[\u4e00-\u9fff]/);
    } else {
      expect(x.error).toBeUndefined();
      expect(Array.isArray(x.value) ? (x.value as unknown[][]).map((r) => r.join('|')).join('\n') : String(x.value)).toMatch(c.expect);
    }
  });

  it('the KPI functions also answer as BUDGET.KPI_VALIDATE / BUDGET.KPI_PARSE in WPS', () => {
    expect(w.callFunction('BUDGET.KPI_PARSE', '≥95%')).toEqual(w.callFunction('KPI.PARSE', '≥95%'));
    const rows = w.Application.ActiveWorkbook!.Worksheets.Item('绩效').Range('A1:E5').Value2;
    expect(w.callFunction('BUDGET.KPI_VALIDATE', rows)).toEqual(w.callFunction('KPI.VALIDATE', rows));
  });

  it('functions.json for WPS lists the BUDGET namespace with typed parameters and Chinese descriptions', () => {
    const excelMeta = {
      functions: [
        { id: 'BUDGET.CHECKSUM', description: '核对一张预算公开表是否平衡', parameters: [{ name: 'table', description: '表格区域' }, { name: 'kind' }, { name: 'detail' }] },
      ],
    };
    const json = wpsFunctionsJson(excelMeta) as { functions: { name: string; description: string; parameters: { name: string; type: string; description: string }[]; result: { type: string } }[] };
    expect(json.functions.map((f) => f.name)).toEqual(['CHECKSUM', 'SUBJECT', 'FINGERPRINT', 'KPI_VALIDATE', 'KPI_PARSE']);
    expect(json.functions[0]).toEqual({
      name: 'CHECKSUM',
      description: '核对一张预算公开表是否平衡',
      parameters: [
        { name: 'table', description: '表格区域', type: 'any[][]' },
        { name: 'kind', description: '表名', type: 'string?' },
        { name: 'detail', description: '明细', type: 'bool?' },
      ],
      result: { type: 'any[][]' },
    });
    expect(json.functions[3].description).toContain('同 KPI.VALIDATE');
    for (const f of json.functions) expect(f.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });
});
