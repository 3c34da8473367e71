/** Codes, the subject dictionary and the T1/T4 类-line map. */
import {
  normalizeCode, splitCodeName, parentCode, codeLevel, ancestors, isValidCode, schemeForKind, guessScheme,
  createDictionary, DEFAULT_DICTIONARY, FUNCTION_CODES, ECONOMIC_CODES, createClassMap, DEFAULT_CLASS_MAP, CLASS_LINES,
} from '../../src/model/budget';
import { JULUXIAN, RSJ, SBZX } from '../fixtures/juluxian-data';

describe('codes', () => {
  it('normalises codes arriving as numbers or text', () => {
    expect(normalizeCode(208)).toBe('208');
    expect(normalizeCode(2080101)).toBe('2080101');
    expect(normalizeCode(' 208 01 01 ')).toBe('2080101');
    expect(normalizeCode('２０８０１')).toBe('20801');
    expect(normalizeCode('208-01')).toBe('20801');
    expect(normalizeCode(208.5)).toBeNull();
    expect(normalizeCode(-208)).toBeNull();
    expect(normalizeCode('合计')).toBeNull();
    expect(normalizeCode('')).toBeNull();
    expect(normalizeCode(null)).toBeNull();
    expect(splitCodeName('208 社会保障和就业支出')).toEqual({ code: '208', name: '社会保障和就业支出' });
    expect(splitCodeName('2080101行政运行')).toEqual({ code: '2080101', name: '行政运行' });
    expect(splitCodeName('行政运行')).toBeNull();
  });

  it('finds parents by prefix, per scheme', () => {
    expect(parentCode('2080101')).toBe('20801');
    expect(parentCode('20801')).toBe('208');
    expect(parentCode('208')).toBeNull();
    expect(parentCode('30101')).toBe('301');
    expect(ancestors('2080101')).toEqual(['20801', '208']);
    expect(codeLevel('2080101')).toBe(3);
    expect(codeLevel('30101', 'economic')).toBe(2);
    expect(codeLevel('3010101', 'economic')).toBe(0);
    expect(isValidCode('20801011')).toBe(false);
    expect(isValidCode('3010101', 'economic')).toBe(false);
    expect(schemeForKind('T6')).toBe('economic');
    expect(schemeForKind('T3')).toBe('function');
    expect(guessScheme('301')).toBe('economic');
  });
});

describe('dictionary', () => {
  it('knows every 类 of tables.md and every code of seed 004, with the published names', () => {
    expect(Object.keys(FUNCTION_CODES).filter((c) => c.length === 3)).toHaveLength(30);
    for (const u of [RSJ, SBZX]) {
      for (const [code, name] of u.functions) expect(DEFAULT_DICTIONARY.name(code)).toBe(name);
      for (const [code, name] of u.economics) expect(DEFAULT_DICTIONARY.name(code, 'economic')).toBe(name);
    }
    expect(Object.keys(ECONOMIC_CODES)).toContain('30239');
    expect(DEFAULT_DICTIONARY.name('2089998')).toBeUndefined();
    expect(DEFAULT_DICTIONARY.parentCode('2101103')).toBe('21011');
    expect(DEFAULT_DICTIONARY.level('21011')).toBe(2);
  });

  it('takes overrides, optionally pinned to a scheme', () => {
    const d = createDictionary({ '2089999': '新设项目', '208': '社会保障和就业', 'economic:39999': '试用' });
    expect(d.name('2089999')).toBe('新设项目');
    expect(d.name('208')).toBe('社会保障和就业');
    expect(d.has('39999', 'economic')).toBe(true);
    expect(DEFAULT_DICTIONARY.name('208')).toBe('社会保障和就业支出');
  });
});

describe('T1/T4 类 lines', () => {
  it('map names to function codes ignoring the ordinal, spacing and brackets', () => {
    expect(DEFAULT_CLASS_MAP.codeOf('八、社会保障和就业支出')).toBe('208');
    expect(DEFAULT_CLASS_MAP.codeOf('二十、住房保障支出')).toBe('221');
    expect(DEFAULT_CLASS_MAP.codeOf('（十）卫生健康支出')).toBe('210');
    expect(DEFAULT_CLASS_MAP.codeOf('10、卫生 健康支出')).toBe('210');
    expect(DEFAULT_CLASS_MAP.codeOf('三十一、人行科目')).toBeUndefined();
    expect(DEFAULT_CLASS_MAP.nameOf('234')).toBe('抗疫特别国债安排的支出');
    expect(Object.keys(CLASS_LINES)).toHaveLength(30);
    // every expense line of the fixture but the 31st maps
    const t1 = JULUXIAN.rsj.sheets[0].rows.slice(5, 36).map((r) => r[3] as string);
    expect(t1.filter((n) => !DEFAULT_CLASS_MAP.codeOf(n))).toEqual(['三十一、人行科目']);
  });

  it('lets a workbook rename or add lines', () => {
    const m = createClassMap({ 文化体育与传媒支出: '207', 人行科目: '299' });
    expect(m.codeOf('七、文化体育与传媒支出')).toBe('207');
    expect(m.codeOf('七、文化旅游体育与传媒支出')).toBe('207');
    expect(m.nameOf('207')).toBe('文化体育与传媒支出');
    expect(m.codeOf('三十一、人行科目')).toBe('299');
  });
});
