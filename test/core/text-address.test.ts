import { norm, toHalfWidth, stripOrdinal, cellText } from '../../src/model/text';
import { a1, colLetter, colIndex, parseA1, parseRange, qualify, rangeA1 } from '../../src/model/address';

describe('text', () => {
  it('normalises split headers, spaces, full-width forms and quotes', () => {
    expect(norm('人力资源和社\n会保障管理事\n务')).toBe('人力资源和社会保障管理事务');
    expect(norm('项 目')).toBe('项目');
    expect(norm('单位预算财政拨款“三公”经费支出表')).toBe('单位预算财政拨款"三公"经费支出表');
    expect(toHalfWidth('≥９５％')).toBe('≥95%');
  });
  it('strips outline ordinals', () => {
    expect(stripOrdinal('八、社会保障和就业支出')).toBe('社会保障和就业支出');
    expect(stripOrdinal('三十一、人行科目')).toBe('人行科目');
    expect(stripOrdinal('(一)贯彻')).toBe('贯彻');
    expect(stripOrdinal('其中：公务用车购置费')).toBe('公务用车购置费');
    expect(stripOrdinal('十分')).toBe('十分');
  });
  it('reads rich text, formula results and errors', () => {
    expect(cellText({ richText: [{ text: '合' }, { text: '计' }] })).toBe('合计');
    expect(cellText({ formula: 'SUM(A1:A2)', result: 3 })).toBe('3');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });
});

describe('address', () => {
  it('converts columns both ways', () => {
    expect([0, 25, 26, 701, 702].map(colLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(colIndex)).toEqual([0, 25, 26, 701, 702]);
  });
  it('addresses grid cells through the origin', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(11, 2)).toBe('C12');
    expect(a1(0, 0, { row: 4, col: 1 })).toBe('B5');
    expect(rangeA1({ row: 0, col: 0 }, 30, 8)).toBe('A1:H30');
  });
  it('parses cells and qualified ranges', () => {
    expect(parseA1('$C$12')).toEqual({ row: 11, col: 2 });
    expect(parseA1('12C')).toBeNull();
    expect(parseRange("'2.15 收支总表'!A1:D40")).toEqual({ sheet: '2.15 收支总表', start: { row: 0, col: 0 }, end: { row: 39, col: 3 } });
    expect(qualify('Sheet1', 'B2')).toBe('Sheet1!B2');
    expect(qualify("收支总表", 'B2')).toBe("'收支总表'!B2");
  });
});
