import { parseArgs, formatLine, main } from '../../src/cli/main';

describe('budget-table arguments', () => {
  it('splits files and flags, with values for value flags', () => {
    expect(parseArgs(['check', 'a.xlsx', 'b.xlsx', '--json', '--skip', 'KPI-*,BAL-002'])).toEqual({
      command: 'check', files: ['a.xlsx', 'b.xlsx'], flags: { json: true, skip: 'KPI-*,BAL-002' },
    });
    expect(parseArgs(['disclose', 'in.xlsx', '-o', 'out.xlsx', '--year=2023']).flags).toEqual({ o: 'out.xlsx', year: '2023' });
  });
  it('formats a finding line as file!Sheet!Cell  RULE  severity  message', () => {
    expect(formatLine({ file: 'a.xlsx', sheet: '支出总表', cell: 'C12', rule: 'BAL-003', severity: 'error', message: '不平' }))
      .toBe('a.xlsx!支出总表!C12  BAL-003  强制  不平');
  });
  it('exits 2 with usage on unknown commands and missing files', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['frobnicate'], () => undefined)).toBe(2);
      expect(await main(['check'], () => undefined)).toBe(2);
      expect(await main(['disclose', 'in.xlsx'], () => undefined)).toBe(2);
      expect(await main(['check', '/nonexistent/x.xlsx'], () => undefined)).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
