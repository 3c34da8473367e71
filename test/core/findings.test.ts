import { applySettings, makeFinding, renderTemplate, summarize, summaryText, findingKey, type RuleDef } from '../../src/model/findings';

const R: RuleDef = { id: 'X-01', severity: 'warning', title: 't', message: '{code} 应为 {expected}', tags: ['#test'], example: '' };

describe('findings', () => {
  it('renders templates and keeps unknown placeholders visible', () => {
    expect(renderTemplate('{a} 与 {b}', { a: 1 })).toBe('1 与 {b}');
    const f = makeFinding(R, { code: '208', expected: '3798.89' }, { cell: 'C5', sheet: 'S' });
    expect(f).toMatchObject({ rule: 'X-01', severity: 'warning', message: '208 应为 3798.89', cell: 'C5' });
    expect(findingKey(f)).toBe('X-01@S!C5');
  });
  it('switches rules off and re-grades them, with prefixes', () => {
    const fs = [makeFinding(R, {}), makeFinding({ ...R, id: 'KPI-DIR-01' }, {}), makeFinding({ ...R, id: 'KPI-DIR-02' }, {})];
    expect(applySettings(fs, { disabled: ['KPI-DIR-*'] }).map((f) => f.rule)).toEqual(['X-01']);
    expect(applySettings(fs, { severity: { 'X-01': 'error' } })[0].severity).toBe('error');
  });
  it('summarises in Chinese', () => {
    const fs = [makeFinding({ ...R, severity: 'error' }, {}), makeFinding({ ...R, severity: 'error' }, {}), makeFinding(R, {})];
    expect(summaryText(summarize(fs))).toBe('2 个错误，1 个警告');
    expect(summaryText(summarize([]))).toBe('无问题');
  });
});
