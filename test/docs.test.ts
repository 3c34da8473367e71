import { readFileSync } from 'fs';
import { join } from 'path';
import { CATALOGUE } from '../src/model/catalogue';
import { withRules } from '../scripts/update-readme';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('carries the rule table generated from the catalogue (run `npm run docs` after changing rules)', () => {
    expect(readme).toBe(withRules(readme));
  });
  it('has a row for every rule id', () => {
    for (const r of CATALOGUE) expect(readme).toContain(`| ${r.id} |`);
  });
  it('documents every custom function, CLI command and named range', () => {
    for (const s of ['BUDGET.CHECKSUM', 'BUDGET.SUBJECT', 'BUDGET.FINGERPRINT', 'KPI.VALIDATE', 'KPI.PARSE',
      'budget-table check', 'budget-table kpi', 'budget-table disclose',
      'BT.收入总计', 'BT.支出总计', 'BT.基本支出', 'BT.项目支出', 'BT.人员经费', 'BT.公用经费', 'BT.三公经费', 'KPI.DATA', 'BUDGET.FINDINGS']) {
      expect(readme).toContain(s);
    }
  });
});

describe('README example', () => {
  it('prints what the CLI prints for the example file', async () => {
    const os = await import('os');
    const fs = await import('fs');
    const { sbzxBad } = await import('./fixtures/bad-inputs');
    const { main } = await import('../src/cli/main');
    const dir = fs.mkdtempSync(join(os.tmpdir(), 'readme-'));
    const cwd = process.cwd();
    try {
      await sbzxBad(join(dir, 'sbzx-bad.xlsx'));
      process.chdir(dir);
      const out: string[] = [];
      await main(['check', 'sbzx-bad.xlsx'], (l) => out.push(l), () => undefined);
      const block = /\$ npx budget-table check sbzx-bad\.xlsx\n([\s\S]*?)\n```/.exec(readme)![1];
      expect(block.split('\n')).toEqual(out);
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rule catalogue', () => {
  it('has unique ids, Chinese titles and messages, and an example for each rule', () => {
    const ids = CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CATALOGUE.length).toBeGreaterThan(20);
    for (const r of CATALOGUE) {
      expect(r.id).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.example.length).toBeGreaterThan(0);
    }
  });
});
