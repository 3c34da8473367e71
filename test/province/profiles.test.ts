/** Table sets as data: titles normalised, the best-fitting set chosen, named sets checked. */
import { bareTitle, chooseProfile, describeChoice, findProfile, PROFILES, requiredTables } from '../../src/model/budget/profiles';
import { titleKind } from '../../src/model/budget/kinds';

describe('profiles', () => {
  it('strips year, numbering and the 单位/部门 prefix from titles', () => {
    expect(bareTitle('2026年预算单位财务收支预算总表')).toBe('财务收支预算总表');
    expect(bareTitle('2026年部门“三公”经费和机关运行经费预算表')).toBe('三公经费和机关运行经费预算表');
    expect(bareTitle('2.16收入总表')).toBe('收入总表');
    expect(bareTitle('单位预算一般公共预算财政拨款支出表')).toBe('一般公共预算财政拨款支出表');
    expect(bareTitle('财政拨款支出预算表（功能科目）')).toBe('财政拨款支出预算表功能科目');
  });

  it('every profile title is read as the kind the profile lists', () => {
    for (const p of PROFILES) {
      for (const t of p.tables) {
        // The national export names and Jiangsu's 收入预算总表 (T15, told apart by its headers) aside.
        if (t.kind === 'T15') continue;
        expect([p.id, t.title, titleKind(t.title)]).toEqual([p.id, t.title, t.kind]);
      }
    }
  });

  it('chooses by titles, needs two matches, and lets sheet names break ties', () => {
    expect(chooseProfile(['2026年预算单位财务收支预算总表', '2026年预算单位收入预算总表']).profile.id).toBe('shanghai');
    expect(chooseProfile(['收支预算总表', '财政拨款支出预算表（功能科目）']).profile.id).toBe('jiangsu');
    expect(chooseProfile(['单位预算收支总表', '单位预算一般公共预算财政拨款支出表']).profile.id).toBe('hebei');
    expect(chooseProfile(['收支总表']).how).toBe('default');
    expect(chooseProfile([], undefined, ['2.15单位收支总表', '2.16收入总表']).profile.id).toBe('national');
    expect(chooseProfile([], '上海').profile.id).toBe('shanghai');
    expect(() => chooseProfile([], 'zhejiang')).toThrow(/未知的表格口径/);
    expect(findProfile('JIANGSU')?.id).toBe('jiangsu');
  });

  it('names the required tables of each set', () => {
    expect(requiredTables(findProfile('hebei')!).map((t) => t.kind)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    expect(requiredTables(findProfile('jiangsu')!).map((t) => t.kind)).toHaveLength(11);
    expect(requiredTables(findProfile('shanghai')!).find((t) => t.kind === 'T9')?.title).toBe('“三公”经费和机关运行经费预算表');
    expect(describeChoice(chooseProfile([], 'hebei'))).toBe('表格口径：河北省县级单位预算公开（9+2 张表）（按设置）');
  });
});
