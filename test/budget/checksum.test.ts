/** BUDGET.CHECKSUM / BUDGET.FINGERPRINT: what the custom functions render. */
import { checksum, checksumText, checksumDetail, fingerprint, kindOf, createDictionary } from '../../src/model/budget';
import { sheetOf } from '../fixtures/juluxian-data';
import { perturb } from '../fixtures/make-juluxian';

const T2 = sheetOf('rsj', 'T2').rows;
/** The T2 range from its header down (sheet rows 3…), as a clerk might select it. */
const T2_BODY = T2.slice(2);

describe('checksum', () => {
  it('says ✔ with the row count for a balanced table', () => {
    const r = checksum(T2);
    expect(r).toMatchObject({ ok: true, rows: 27, kind: 'T2', findings: [] });
    expect(checksumText(r)).toBe('✔ 平衡（27 行）');
    expect(checksumDetail(r)).toEqual([
      ['位置', '规则', '说明', '应为', '实为', '差额'],
      ['', '', '✔ 平衡（27 行）', '', '', ''],
    ]);
  });

  it('lists each imbalance with sheet rows when given the origin', () => {
    // 2080101 本年收入小计 lowered by 0.10: 20801 no longer adds up, and 2080101's own row breaks twice.
    const bad = perturb(T2, 'F9', -0.1).slice(2);
    const r = checksum(bad, undefined, { row: 2, col: 0 });
    expect(checksumText(r)).toBe(
      '✘ 3 处不平：第8行 20801 小计 861.59 ≠ 下级合计 861.49（差 0.10）；' +
        '第9行 2080101 合计 475.46 ≠ 上年结转+本年收入 475.36（差 0.10）；' +
        '第9行 2080101 小计 475.36 ≠ 各项收入之和 475.46（差 -0.10）',
    );
    const detail = checksumDetail(r);
    expect(detail.map((row) => [row[0], row[1], row[3], row[4], row[5]])).toEqual([
      ['位置', '规则', '应为', '实为', '差额'],
      ['F8', 'BAL-101', '861.49', '861.59', '0.10'],
      ['D9', 'BAL-201', '475.36', '475.46', '0.10'],
      ['F9', 'BAL-202', '475.46', '475.36', '-0.10'],
    ]);
    expect(detail[1][2]).toBe('收入总表 第8行 20801 人力资源和社会保障管理事务：小计为 861.59，下级合计为 861.49（差 0.10）');
  });

  it('counts rows from the top of the range when no origin is given', () => {
    const r = checksum(perturb(T2, 'F9', -0.1).slice(2));
    expect(checksumText(r)).toMatch(/^✘ 3 处不平：第6行 20801 小计 861\.59/);
    expect(checksumDetail(r)[1][0]).toBe('F6');
  });

  it('recognises the table from its headers or takes the kind by name', () => {
    const t3 = sheetOf('rsj', 'T3').rows;
    expect(checksumText(checksum(t3.slice(2)))).toBe('✔ 平衡（27 行）');
    for (const k of ['支出总表', 'T3', 't3', '单位预算支出总表', '单位支出总表']) expect(kindOf(k)).toBe('T3');
    expect(kindOf('三公经费表')).toBe('T9');
    expect(checksum(t3, '支出总表')).toMatchObject({ ok: true, kind: 'T3' });
    expect(checksum(T2_BODY, '收入总表')).toMatchObject({ ok: true, kind: 'T2', rows: 27 });
    // data rows only (no header): read in the published column order when the kind is named
    const dataOnly = T2.slice(5);
    expect(checksumText(checksum(dataOnly, '收入总表'))).toBe('✔ 平衡（27 行）');
    expect(checksumText(checksum(perturb(dataOnly, 'F4', 0.1), '收入总表'))).toMatch(/^✘ 3 处不平：第3行 20801 本年收入小计 861\.59 ≠ 下级合计 861\.69（差 -0\.10）/);
    expect(checksum(dataOnly)).toEqual({ error: '不是预算公开表：未找到表头' });
    const e = checksum(t3, '工资表');
    expect(e).toEqual({ error: expect.stringMatching(/^不认识的表名「工资表」，可用：收支总表、收入总表/) });
    expect(checksumText(e)).toBe((e as { error: string }).error);
    expect(checksumDetail(e)[1][2]).toMatch(/^不认识的表名/);
  });

  it('returns the parser error for a range that is not a table', () => {
    const r = checksum([['a', 'b'], [1, 2]]);
    expect(r).toEqual({ error: '不是预算公开表：未找到表头' });
    expect(checksumText(r)).toBe('不是预算公开表：未找到表头');
  });

  it('reports warnings in the detail but stays ✔', () => {
    const withUnknown = [...T2_BODY.slice(0, 5), [99, 2080198, '新增项目', 0, '', 0, 0, '', '', '', '', '', ''], ...T2_BODY.slice(5)];
    const r = checksum(withUnknown);
    expect(checksumText(r)).toBe('✔ 平衡（28 行）');
    expect(checksumDetail(r).map((x) => x[1])).toEqual(['规则', 'BAL-004']);
    // with the code in the dictionary, nothing to say
    const d = createDictionary({ '2080198': '新增项目' });
    expect(checksum(withUnknown, undefined, undefined, { dictionary: d })).toMatchObject({ ok: true, findings: [] });
  });

  it('spells out at most ten imbalances', () => {
    let g = T2;
    // seven leaves of 20801 each +0.01 in 小计: two row identities per leaf, and 20801 ≠ its children
    for (let r = 9; r <= 15; r++) g = perturb(g, `F${r}`, 0.01);
    const r = checksum(g);
    const n = (r as { findings: { severity: string }[] }).findings.filter((f) => f.severity === 'error').length;
    expect(n).toBe(2 * 7 + 1);
    const text = checksumText(r);
    expect(text.startsWith(`✘ ${n} 处不平：`)).toBe(true);
    expect(text.split('；')).toHaveLength(11);
    expect(text.endsWith(`；…另有 ${n - 10} 处`)).toBe(true);
  });

  it('finds a 2,000-row 支出总表 balanced (its speed is measured by `npm run bench`)', () => {
    const { grid, dictionary } = bigT3();
    expect(checksumText(checksum(grid, undefined, undefined, { dictionary }))).toBe('✔ 平衡（2001 行）');
  });
});

/** 40 类 × 7 款 × 6 项 = 2,000 code rows plus 合计, all balanced, every code known. */
function bigT3(): { grid: unknown[][]; dictionary: ReturnType<typeof createDictionary> } {
  const grid: unknown[][] = [['单位预算支出总表'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上解上级支出', '经营支出', '对附属单位补助支出']];
  const body: unknown[][] = [];
  const names: Record<string, string> = {};
  let total = 0;
  for (let k = 0; k < 40; k++) {
    const lei = String(201 + k);
    let leiSum = 0;
    const kuans: unknown[][] = [];
    for (let j = 1; j <= 7; j++) {
      const kuan = lei + String(j).padStart(2, '0');
      let kuanSum = 0;
      const xiangs: unknown[][] = [];
      for (let i = 1; i <= 6; i++) {
        const cents = k * 10000 + j * 100 + i * 7 + 1;
        kuanSum += cents;
        const code = kuan + String(i).padStart(2, '0');
        names[code] = `项${code}`;
        xiangs.push([code, names[code], cents / 100, cents / 100, '', '', '', '']);
      }
      leiSum += kuanSum;
      names[kuan] = `款${kuan}`;
      kuans.push([kuan, names[kuan], kuanSum / 100, kuanSum / 100, '', '', '', ''], ...xiangs);
    }
    total += leiSum;
    names[lei] = `类${lei}`;
    body.push([lei, names[lei], leiSum / 100, leiSum / 100, '', '', '', ''], ...kuans);
  }
  grid.push(['', '合计', total / 100, total / 100, '', '', '', ''], ...body);
  return { grid, dictionary: createDictionary(names) };
}

describe('fingerprint', () => {
  const fp = fingerprint(T2);

  it('is 12 hex characters and stable', () => {
    expect(fp).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint(T2.map((r) => [...r]))).toBe(fp);
  });

  it('ignores formatting: text numbers, spaces, blank rows, leading blank columns, zero vs blank, header text', () => {
    const asText = T2.map((r) => r.map((v) => (typeof v === 'number' && v > 100 ? v.toLocaleString('en-US', { minimumFractionDigits: 2 }) : v)));
    expect(asText.some((r) => r.some((v) => typeof v === 'string' && v.includes(',')))).toBe(true);
    expect(fingerprint(asText)).toBe(fp);
    const spaced = [[], ...T2.map((r) => ['', ...r]), ['', ''], []];
    expect(fingerprint(spaced)).toBe(fp);
    const zeros = T2.map((r, i) => (i === 10 ? r.map((v) => (v === '' ? 0 : v)) : r));
    expect(fingerprint(zeros)).toBe(fp);
    const renamed = T2.map((r, i) => (i === 0 ? ['另一个标题'] : r));
    expect(fingerprint(renamed)).toBe(fp);
    const noisy = T2.map((r) => r.map((v) => (typeof v === 'number' ? v + 1e-12 : v)));
    expect(fingerprint(noisy)).toBe(fp);
  });

  it('changes with any amount, even by one cent, or with a figure moved to another column', () => {
    expect(fingerprint(perturb(T2, 'D9', 0.01))).not.toBe(fp);
    expect(fingerprint(perturb(T2, 'M20', 0.01))).not.toBe(fp);
    const moved = T2.map((r, i) => (i === 8 ? [r[0], r[1], r[2], r[3], r[5], r[4], ...r.slice(6)] : r));
    expect(moved[8][4]).toBe(T2[8][5]);
    expect(fingerprint(moved)).not.toBe(fp);
  });

  it('handles empty and odd input without throwing', () => {
    expect(fingerprint([])).toMatch(/^[0-9a-f]{12}$/);
    expect(() => fingerprint([[null, {}, '#N/A', true]])).not.toThrow();
  });
});
