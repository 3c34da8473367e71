/** The 科目 list as data: per-year files, a 科目 sheet, a --dictionary file; unknown codes are info. */
import { analyzeBudget, createDictionary } from '../../src/model/budget';
import { readSubjectGrid } from '../../src/model/budget/dictionary';
import { SUBJECT_LISTS, subjectsFor } from '../../src/model/budget/subjects';
import { SHANGHAI_UNIT, provinceSheets } from '../fixtures/provinces/make-provinces';

describe('shipped 科目 lists', () => {
  it('has one file per year, each with every 类 and the economic 类/款', () => {
    expect(SUBJECT_LISTS.map((l) => l.year)).toEqual([2023, 2026]);
    for (const l of SUBJECT_LISTS) {
      expect(Object.keys(l.function).filter((c) => c.length === 3)).toHaveLength(30);
      expect(l.economic['30113']).toBe('住房公积金');
      expect(l.economic['30311']).toBe('代缴社会保险费');
      for (const [code, name] of Object.entries(l.function)) {
        expect(code).toMatch(/^2\d{2}(\d{2}){0,2}$/);
        expect(name.length).toBeGreaterThan(1);
        // Every 款/项 has its parent in the list.
        if (code.length > 3) expect(l.function[code.slice(0, code.length - 2)]).toBeDefined();
      }
    }
  });

  it('loads by year: that year, else the nearest earlier, else the first', () => {
    expect(subjectsFor('2026').year).toBe(2026);
    expect(subjectsFor(2027).year).toBe(2026);
    expect(subjectsFor(2024).year).toBe(2023);
    expect(subjectsFor(2019).year).toBe(2023);
    expect(createDictionary({}, 2026).year).toBe(2026);
  });
});

describe('clerk extensions', () => {
  it('reads code/name pairs in any column layout', () => {
    expect(
      readSubjectGrid([
        ['科目编码', '科目名称'],
        [2080198, '本地新增项目'],
        ['30311', '住房公积金（本省口径）'],
        ['[2130599]其他巩固脱贫攻坚成果支出'],
        ['备注', '不是编码'],
      ]),
    ).toEqual({ '2080198': '本地新增项目', '30311': '住房公积金(本省口径)'.replace(/\(/, '（').replace(/\)/, '）'), '2130599': '其他巩固脱贫攻坚成果支出' });
  });

  it('an unknown but well-formed code is info; a 科目 sheet makes it known; a contradicting name is a warning', () => {
    const sheets = provinceSheets(SHANGHAI_UNIT);
    const t3 = sheets.find((s) => s.name === '单位支出总表')!;
    // 2010301 → 2010398 (not in the list), keep the figures.
    t3.values[10][2] = '98';
    t3.values[10][3] = '本区特色项目';
    let r = analyzeBudget(sheets);
    const unknown = r.findings.filter((f) => f.rule === 'BAL-004');
    expect(unknown.map((f) => `${f.cell} ${f.severity}`)).toEqual(['A11 info']);
    expect(unknown[0].message).toContain('不在2026年科目字典中');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);

    sheets.push({ name: '科目', values: [['科目编码', '科目名称'], ['2010398', '本区特色项目']], origin: { row: 0, col: 0 } });
    r = analyzeBudget(sheets);
    expect(r.findings.filter((f) => f.rule === 'BAL-004')).toEqual([]);

    // The same through the option (what --dictionary passes), and a renamed code.
    r = analyzeBudget(sheets, { subjects: { '2010350': '事业单位运行' } });
    const named = r.findings.filter((f) => f.rule === 'BAL-009');
    expect(named.map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual(['单位收入总表!D12 warning', '单位支出总表!D12 warning', '单位一般公共预算拨款表!D12 warning']);
    expect(named[0].message).toContain('2026年科目字典中为「事业单位运行」');
  });

  it('the balanced fixtures have no unknown code with the 2026 list', () => {
    const r = analyzeBudget(provinceSheets(SHANGHAI_UNIT));
    expect(r.dictionary.year).toBe(2026);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
