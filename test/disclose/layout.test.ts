import { buildDisclosurePlan, freeSheetName, sanitizeSheetName } from '../../src/model/layout';
import type { SheetPlan } from '../../src/model/plan';
import { parseRange } from '../../src/model/address';
import { Decimal } from '../../src/model/money';
import { seedTables, table, UNIT, YEAR } from './seed004';
import { expectSeedPackage, lanciRow } from './golden';
import { employmentProject, manyProjects, personnelProject } from './projects';

const plan = () => buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [personnelProject(), employmentProject()] });
const sheet = (p: ReturnType<typeof plan>, key: string) => p.sheets.find((s) => s.key === key)!;

describe('disclosure plan from the seed 004 tables', () => {
  const p = plan();

  it('orders the package like seed 004: 目录, 说明, T1–T11, one 绩效目标表 per project', () => {
    expect(p.sheets.map((s) => s.key)).toEqual(['目录', '说明', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'KPI-1', 'KPI-2']);
    expect(p.sheets.map((s) => s.name)).toEqual([
      '目录', '公开情况说明', '表1 收支总表', '表2 收入总表', '表3 支出总表', '表4 财政拨款收支总表', '表5 一般公共预算支出表', '表6 基本支出表',
      '表7 政府性基金支出表', '表8 国有资本经营支出表', '表9 三公经费表', '表10 政府采购表', '表11 固定资产表', '绩效1 人事和社会保障工作经费', '绩效2 就业工作经费',
    ]);
  });

  it('reproduces titles, unit lines, headers, codes, names and amounts of the nine tables', () => {
    expectSeedPackage((k) => sheet(p, k).values);
  });

  it('keeps every row the same width, merges inside the sheet and names within ≤31 chars', () => {
    for (const s of p.sheets) {
      const w = s.columnWidths.length;
      expect(s.values.every((r) => r.length === w)).toBe(true);
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      for (const m of s.merges) {
        const r = parseRange(m)!;
        expect(r.end.col).toBeLessThan(w);
        expect(r.end.row).toBeLessThan(s.values.length);
        // Only the top-left cell of a merged area holds a value.
        for (let i = r.start.row; i <= r.end.row; i++) {
          for (let j = r.start.col; j <= r.end.col; j++) if (i !== r.start.row || j !== r.start.col) expect([m, s.values[i][j]]).toEqual([m, null]);
        }
      }
    }
  });

  it('merges the published header spans (T2 本年收入 over eight columns, T1 收入/支出, T9 资金性质)', () => {
    expect(sheet(p, 'T2').merges).toEqual(expect.arrayContaining(['A1:M1', 'A3:A4', 'B3:C3', 'D3:D4', 'E3:E4', 'F3:M3']));
    expect(sheet(p, 'T1').merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:C3', 'D3:E3']));
    expect(sheet(p, 'T9').merges).toEqual(expect.arrayContaining(['B3:B4', 'C3:C4', 'D3:F3']));
  });

  it('formats amounts 0.00 with borders, codes as text, repeats the header rows and prints A4 landscape one page wide', () => {
    const t3 = sheet(p, 'T3');
    const amountBlock = t3.styles.find((b) => b.style.numberFormat === '0.00')!;
    expect(amountBlock.range).toBe('D6:I32');
    expect(amountBlock.style.border).toBe(true);
    expect(t3.styles.find((b) => b.style.numberFormat === '@')!.range).toBe('B6:B32');
    expect(t3.page).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: true, printTitleRows: '$2:$5' });
    expect(lanciRow(t3.values)).toBe(4);
    for (const k of ['T1', 'T2', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11']) {
      expect(sheet(p, k).page.orientation).toBe('landscape');
      expect(sheet(p, k).page.fitToWidth).toBe(true);
      expect(sheet(p, k).page.printTitleRows).toMatch(/^\$2:\$\d$/);
    }
    const title = t3.styles.find((b) => b.range === 'A1:I1')!;
    expect(title.style).toMatchObject({ bold: true, fontSize: 16, hAlign: 'center' });
  });

  it('names key figures and tables in the package', () => {
    const byName = Object.fromEntries(p.names.map((n) => [n.name, `${n.sheetKey}!${n.range}`]));
    expect(byName).toMatchObject({
      '公开.收入总计': 'T1!C39',
      '公开.支出总计': 'T1!E39',
      '公开.基本支出': 'T3!E6',
      '公开.项目支出': 'T3!F6',
      '公开.人员经费': 'T6!E6',
      '公开.公用经费': 'T6!F6',
      '公开.三公经费': 'T9!C7',
      '公开.收支总表': 'T1!A1:E39',
    });
    const value = (key: string, a1: string) => {
      const r = parseRange(a1)!;
      return sheet(p, key).values[r.start.row][r.start.col];
    };
    expect([value('T1', 'C39'), value('T3', 'E6'), value('T3', 'F6'), value('T6', 'E6'), value('T6', 'F6')]).toEqual([3889.89, 685.86, 3204.03, 632.2, 53.66]);
  });

  it('writes T10 and T11 with their own headers; T11 lists every asset line', () => {
    const t11 = sheet(p, 'T11').values;
    expect(t11[1].filter(Boolean)).toEqual(['323001巨鹿县人力资源和社会保障局本级', '截止时间：2022-12-31']);
    expect(t11.slice(3).map((r) => [String(r[0]).trim(), r[2]])).toEqual([
      ['资产总额', 92.71],
      ['1、房屋（平方米）', null],
      ['其中：办公用房（平方米）', null],
      ['2、车辆（台、辆）', null],
      ['3、单价在20万元以上的设备', null],
      ['4、其他固定资产', 92.71],
    ]);
    const t10 = sheet(p, 'T10').values;
    expect(t10[2]).toContain('政府采购金额（当年单位预算安排资金）');
    expect(t10[3]).toEqual(expect.arrayContaining(['项目名称', '预算资金', '一般公共预算拨款', '非财政拨款结转结余']));
    // seedTables has no T10: the package says so instead of claiming an empty table.
    expect(String(t10[t10.length - 1][0])).toMatch(/^【待填写：输入工作簿中未找到单位政府采购预算表/);
  });
});

describe('绩效目标表 sheet (layout 2)', () => {
  const p = plan();
  const k1 = sheet(p, 'KPI-1');
  const k2 = sheet(p, 'KPI-2');

  it('has the full header block and the indicator grid', () => {
    const v = k1.values;
    expect(v[0][0]).toBe('人事和社会保障工作经费绩效目标表');
    expect(v[1][0]).toBe('323001 承德县人力资源和社会保障局本级');
    expect(v[2]).toEqual(['项目编码', '13082123P00008010001H', null, '项目名称', '人事和社会保障工作经费', null]);
    expect(v[3]).toEqual(['预算数', 24.3, '其中：财政资金', 24.3, '其他资金', null]);
    expect(v[4][0]).toBe('资金用途');
    expect(v[5]).toEqual(['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底', null]);
    expect(v[6]).toEqual([null, 0.25, 0.5, 0.75, 1, null]);
    expect(v[7]).toEqual(['绩效目标', '保障公开招聘、仲裁办案、工伤调查等人事工作正常开展。', null, null, null, null]);
    expect(v[8]).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(k1.page.printTitleRows).toBe('$9:$9');
    expect(k1.styles.some((b) => b.range === 'B7:F7' && b.style.numberFormat === '0%')).toBe(true);
  });

  it('merges 一级 runs and 二级 runs within them vertically', () => {
    // rows 10–13 产出指标; 数量指标 on 10–11; 效益 14; 满意度 15.
    expect(k1.merges).toEqual(expect.arrayContaining(['A10:A13', 'B10:B11']));
    expect(k1.merges).not.toContain('A14:A15');
    expect(k1.values.slice(9).map((r) => r[0])).toEqual(['产出指标', null, null, null, '效益指标', '满意度指标']);
    expect(k1.values.slice(9).map((r) => r[1])).toEqual(['数量指标', null, '质量指标', '时效指标', '社会效益指标', '服务对象满意度指标']);
  });

  it('numbers the goals one per line and uses the default plan labels when the input has none', () => {
    expect(k2.values[7][1]).toBe('1.健全就业服务体系。\n2.开展培训，满足城乡劳动者对培训需求。\n3.构建和谐劳动关系。');
    expect(k2.values[5].slice(1, 5)).toEqual(['3月底', '6月底', '10月底', '12月底']);
    // Two projects, one without 预算数: the tables cannot tell its share, so the clerk is asked.
    expect(k2.values[3]).toEqual(['预算数', '【待填写：预算数：就业工作经费】', '其中：财政资金', null, '其他资金', null]);
  });
});

describe('sheet names', () => {
  it('are valid and free', () => {
    expect(sanitizeSheetName('a[b]:c*d?e/f\\g')).toBe('a_b__c_d_e_f_g');
    expect(sanitizeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(sanitizeSheetName("'quoted'")).toBe('quoted');
    expect(sanitizeSheetName('History')).toBe('History_');
    expect(sanitizeSheetName(' [] ')).toBe('__');
    expect(sanitizeSheetName('')).toBe('表');
    expect(freeSheetName('目录', ['目录'])).toBe('目录 (2)');
    expect(freeSheetName('目录', ['目录', '目录 (2)'])).toBe('目录 (3)');
    expect(freeSheetName('表1 收支总表', ['表1 收支总表'.toUpperCase()])).toBe('表1 收支总表 (2)');
    const long = '绩'.repeat(31);
    const free = freeSheetName(long, [long]);
    expect(free).toHaveLength(31);
    expect(free.endsWith(' (2)')).toBe(true);
  });

  it('stay unique when two projects share a long name', () => {
    const ps = manyProjects(2).map((x) => ({ ...x, name: '一个名字很长很长很长很长很长很长很长很长很长很长很长的项目专项资金' }));
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: ps });
    const names = p.sheets.map((s: SheetPlan) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const full = (i: number) => `绩效${i} ${ps[0].name}`;
    expect(names.filter((n) => n.startsWith('绩效'))).toEqual([full(1).slice(0, 31), full(2).slice(0, 31)]);
  });

  it('prefix sheet names and keys when several units share a workbook', () => {
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [], sheetPrefix: '323001', namePrefix: '公开.323001.' });
    expect(p.sheets[0]).toMatchObject({ key: '323001:目录', name: '323001 目录' });
    expect(p.sheets[2]).toMatchObject({ key: '323001:T1', name: '323001 表1 收支总表' });
    expect(p.names.every((n) => n.sheetKey.startsWith('323001:') && n.name.startsWith('公开.323001.'))).toBe(true);
  });
});

describe('T10 with purchases', () => {
  it('lists each purchase with its texts and amounts under the published header', () => {
    const tables = seedTables();
    const d = (v: number) => new Decimal(v);
    const cols: [string, string][] = [['budget', '预算资金'], ['quantity', '数量'], ['price', '单价'], ['total', '合计'], ['general', '一般公共预算拨款'], ['sme', '预留中小微企业份额']];
    tables.T10 = table('T10', cols, [
      { name: '办公设备购置', texts: { name: '办公设备购置', item: '台式计算机', catalog: 'A02010104', measure: '台' }, amounts: { budget: d(33), quantity: d(6), price: d(0.5), total: d(3), general: d(3), sme: d(3) } },
      { name: '合计', line: '合计', amounts: { budget: d(33), quantity: null, price: null, total: d(3), general: d(3), sme: d(3) } },
    ]);
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables, projects: [] });
    const v = sheet(p, 'T10').values;
    expect(v[4]).toEqual(['办公设备购置', 33, '台式计算机', 'A02010104', '台', 6, 0.5, 3, 3, null, null, null, null, null, null, 3]);
    expect(v[5].slice(0, 2)).toEqual(['合计', 33]);
    expect(String(v[6][0])).toMatch(/^注：同一采购目录序号/);
    expect(v).toHaveLength(7);
    expect(p.narrative.sections[5].paragraphs[0]).toBe('2023年本单位政府采购预算3.00万元，明细见单位政府采购预算表。');
  });
});

describe('fixed lines', () => {
  it('T1 keeps a 类 line the template does not know, after the known ones', () => {
    const tables = seedTables();
    const extra = { ...tables.T1!.rows.find((r) => r.side === 'expense')!, name: '三十二、新增类别支出', line: '新增类别支出', code: '299' };
    tables.T1 = { ...tables.T1!, rows: [...tables.T1!.rows, extra] };
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables, projects: [] });
    const rows = sheet(p, 'T1').values.slice(5);
    expect(rows[31][3]).toBe('三十二、新增类别支出');
    expect(rows[32][3]).toBe('本年支出合计');
  });

  it('a missing required table is flagged on its sheet, an omitted empty one is published empty', () => {
    const tables = seedTables();
    delete tables.T3;
    delete tables.T7;
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables, projects: [] });
    const last = (k: string) => String(sheet(p, k).values.at(-1)![0]);
    expect(last('T3')).toBe('【待填写：输入工作簿中未找到单位预算支出总表，请补充后重新生成】');
    expect(last('T7')).toBe('注：无政府性基金预算财政拨款预算，空表列示。');
  });
});

describe('first PDF review fixes', () => {
  it('政府采购表 carries 预算年度 on its unit line and an empty one carries only its 空表 note', () => {
    const tables = seedTables();
    tables.T10 = { ...table('T10', [['budget', '预算资金'], ['total', '合计']], []), empty: true };
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables, projects: [] });
    const v = sheet(p, 'T10').values;
    expect(v[1].filter((x) => typeof x === 'string')).toEqual(['323001巨鹿县人力资源和社会保障局本级', `预算年度：${YEAR}`, '单位：万元']);
    const notes = v.flat().filter((x) => typeof x === 'string' && x.startsWith('注：'));
    expect(notes).toEqual(['注：无政府采购预算，空表列示。']);
  });

  it('a long 项目名称 wraps in its merged cell: the row grows instead of running into the next', () => {
    const long = { ...personnelProject(), name: '冀财社2022年150号提前下达2023年中央就业补助资金-中央直达资金（公益性岗位补贴、社会保险补贴及职业培训补贴）' };
    const short = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [personnelProject()] });
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [long] });
    const k = sheet(p, 'KPI-1');
    const row = k.values.findIndex((r) => r[3] === '项目名称') + 1;
    expect(k.merges).toContain(`E${row}:F${row}`);
    expect(k.rowHeights[row]).toBeGreaterThanOrEqual(3 * 13);
    expect(sheet(short, 'KPI-1').rowHeights[row] ?? 0).toBeLessThan(k.rowHeights[row]);
  });

  it('a single project\'s 预算数 comes from the tables\' 项目支出, 财政资金 = 预算数 when all income is 财政拨款', () => {
    const p = buildDisclosurePlan({ unit: UNIT, year: YEAR, tables: seedTables(), projects: [employmentProject()] });
    expect(sheet(p, 'KPI-1').values[3]).toEqual(['预算数', 3204.03, '其中：财政资金', 3204.03, '其他资金', 0]);
  });
});
