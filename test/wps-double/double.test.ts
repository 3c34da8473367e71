/** The WPS double itself: call counting, ET value/format semantics, sheet and name rules, failures. */
import { Et, WpsDouble, bgrToHex, hexToBgr } from '.';

function book(): WpsDouble {
  const w = new WpsDouble();
  w.addSheet('表1', [['标题', null], ['20801', 3889.89]], { formats: [[], [null, '0.00']] });
  w.addSheet('表2');
  return w;
}

describe('WpsDouble', () => {
  it('counts every property read, write and method call', () => {
    const w = book();
    const app = w.Application;
    const ws = app.ActiveWorkbook!.Worksheets.Item('表1');
    expect(w.calls).toBe(3);
    expect(ws.Range('A1:B2').Value2).toEqual([['标题', undefined], ['20801', 3889.89]]);
    expect(w.calls).toBe(5);
    expect(w.log).toEqual(['Application.ActiveWorkbook', 'Workbook.Worksheets', 'Sheets.Item()', 'Worksheet.Range()', 'Range.Value2']);
    expect(w.writes()).toEqual([]);
  });

  it('gives one cell as a value and several as rows; NumberFormat is null when cells differ', () => {
    const w = book();
    const ws = w.Application.ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Range('B2').Value2).toBe(3889.89);
    expect(ws.Range('B2').NumberFormat).toBe('0.00');
    expect(ws.Range('A2:B2').NumberFormat).toBeNull();
    expect(ws.Range('A1').NumberFormat).toBe('General');
    const u = ws.UsedRange;
    expect([u.Row, u.Column, u.Rows.Count, u.Columns.Count]).toEqual([1, 1, 2, 2]);
  });

  it('takes written text as typed unless apostrophe-prefixed or formatted @; arrays must fit', () => {
    const w = book();
    const ws = w.Application.ActiveWorkbook!.Worksheets.Item('表2');
    ws.Range('C1').NumberFormat = '@';
    ws.Range('A1:D1').Value2 = [['20801', "'20801", '20801', '95%']];
    expect(w.values('表2', 'A1:D1')).toEqual([[20801, '20801', '20801', 0.95]]);
    expect(() => (ws.Range('A1:B1').Value2 = [['x']])).toThrow(/数组大小/);
    ws.Range('A2:B2').Value2 = '同';
    expect(w.values('表2', 'A2:B2')).toEqual([['同', '同']]);
    expect(w.writes().map((j) => j.action)).toEqual(['numberFormat', 'values', 'values']);
  });

  it('Sheets.Add places the sheet and activates it; names and visibility follow ET rules', () => {
    const w = book();
    const sheets = w.Application.ActiveWorkbook!.Worksheets;
    const ws = sheets.Add(null, sheets.Item(sheets.Count));
    expect(w.state.sheets.map((s) => s.name)).toEqual(['表1', '表2', 'Sheet3']);
    expect(w.Application.ActiveSheet!.Name).toBe('Sheet3');
    expect(() => (ws.Name = '表1')).toThrow(/已被占用/);
    expect(() => (ws.Name = 'a/b')).toThrow(/名称无效/);
    ws.Name = '新表';
    ws.Visible = Et.xlSheetHidden;
    expect(w.sheet('新表').visibility).toBe('Hidden');
    expect(() => ws.Activate()).toThrow(/隐藏/);
    expect(() => sheets.Item('没有')).toThrow(/下标越界/);
  });

  it('asks before deleting a sheet with content unless DisplayAlerts is off', () => {
    const w = book();
    const app = w.Application;
    expect(() => app.ActiveWorkbook!.Worksheets.Item('表1').Delete()).toThrow(/DisplayAlerts/);
    app.ActiveWorkbook!.Worksheets.Item('表2').Delete();
    app.DisplayAlerts = false;
    expect(() => app.ActiveWorkbook!.Worksheets.Item('表1').Delete()).toThrow(/至少|at least/);
  });

  it('selects only on the active sheet', () => {
    const w = book();
    const wb = w.Application.ActiveWorkbook!;
    expect(() => wb.Worksheets.Item('表2').Range('B3').Select()).toThrow(/活动工作表/);
    wb.Worksheets.Item('表2').Activate();
    wb.Worksheets.Item('表2').Range('B3:C4').Select();
    expect(w.snapshot({ view: true }).view).toEqual({ active: '表2', selection: '表2!B3:C4' });
  });

  it('names: Add with an absolute reference, RefersTo follows renames, Item of a missing name fails', () => {
    const w = book();
    const names = w.Application.ActiveWorkbook!.Names;
    names.Add('BT.收支总表', "='表1'!$A$1:$B$2");
    expect(() => names.Add('BT.x', '=表1!A1')).toThrow(/引用无效/);
    expect(() => names.Add('A1', '=表1!$A$1')).toThrow();
    expect(names.Count).toBe(1);
    w.sheet('表1').name = '收支';
    expect(names.Item(1).RefersTo).toBe('=收支!$A$1:$B$2');
    expect(() => names.Item('没有')).toThrow(/没有名称/);
    names.Item('bt.收支总表').Delete();
    expect(names.Count).toBe(0);
  });

  it('list validation: Add fails over an existing rule; alert texts are checked', () => {
    const w = book();
    const ws = w.Application.ActiveWorkbook!.Worksheets.Item('表2');
    const v = ws.Range('A2:A5').Validation;
    v.Add(Et.xlValidateList, Et.xlValidAlertWarning, Et.xlBetween, '是,否');
    expect(() => ws.Range('A3').Validation.Add(Et.xlValidateList, 1, 1, 'x')).toThrow(/先删除/);
    expect(() => (v.ErrorTitle = 'x'.repeat(40))).toThrow();
    v.ErrorMessage = '请选择';
    ws.Range('A5').Validation.Delete();
    expect(w.snapshot().sheets[1].validations).toEqual([
      { range: 'A2:A4', rule: { list: { inCellDropDown: true, source: '是,否' } }, errorAlert: { showAlert: true, style: 'Warning', title: '', message: '请选择' }, ignoreBlanks: true },
    ]);
  });

  it('page setup: Zoom false hands over to FitToPages; colours are BGR longs', () => {
    const w = book();
    const ps = w.Application.ActiveWorkbook!.Worksheets.Item(1).PageSetup;
    ps.Zoom = false;
    ps.FitToPagesWide = 1;
    ps.FitToPagesTall = false;
    ps.PaperSize = Et.xlPaperA4;
    expect(w.sheet('表1').page).toMatchObject({ paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(() => (ps.PaperSize = 12345)).toThrow();
    expect(hexToBgr('#D9E1F2')).toBe(0xf2e1d9);
    expect(bgrToHex(0xf2e1d9)).toBe('#D9E1F2');
  });

  it('fails the Nth call from now, leaving earlier calls applied (no transaction)', () => {
    const w = book();
    const ws = w.Application.ActiveWorkbook!.Worksheets.Item('表2');
    w.injectFailure({ atCall: 3 });
    ws.Range('A1').Value2 = 'x';
    expect(() => ws.Range('A2').Value2).toThrow(/Injected failure at Worksheet.Range/);
    expect(w.values('表2', 'A1')).toEqual([['x']]);
  });

  it('the wps global registers custom functions as NS.NAME and creates task panes', () => {
    const w = book();
    const g = w.wpsGlobal();
    g.AddCustomFunction('BUDGET', 'CHECKSUM', (x: unknown) => x);
    expect(() => g.AddCustomFunction('BUDGET.X', 'Y', () => 1)).toThrow(/不合规/);
    expect(w.callFunction('budget.checksum', 5)).toBe(5);
    const pane = g.CreateTaskPane('taskpane.html');
    expect(g.GetTaskPane(pane.ID)).toBe(pane);
  });
});
