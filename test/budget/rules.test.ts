/** The budget rule catalogue is well formed. */
import { BUDGET_RULES, IDENTITY_RULE_IDS, BASIS } from '../../src/model/budget';

describe('BUDGET_RULES', () => {
  const rules = Object.values(BUDGET_RULES);

  it('has stable, unique, grouped ids with Chinese titles and messages', () => {
    expect(rules.length).toBeGreaterThan(45);
    for (const r of rules) {
      expect(r.id).toMatch(/^BAL-\d{3}$/);
      expect(BUDGET_RULES[r.id]).toBe(r);
      expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.tags).toContain('#budget');
      expect(r.example.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
  });

  it('states expected value and difference in every identity message', () => {
    for (const id of IDENTITY_RULE_IDS) {
      const m = BUDGET_RULES[id].message;
      expect(m).toContain('{actual}');
      expect(m).toContain('{expected}');
      expect(m).toContain('{diff}');
    }
  });

  it('grades the T2/T3 code-set identity as a warning, the others as errors', () => {
    expect(BUDGET_RULES['BAL-605'].severity).toBe('warning');
    expect(IDENTITY_RULE_IDS.filter((id) => BUDGET_RULES[id].severity !== 'error')).toEqual(['BAL-605']);
  });

  it('gives every within-table identity a short label for BUDGET.CHECKSUM', () => {
    const within = IDENTITY_RULE_IDS.filter((id) => !BUDGET_RULES[id].tags.includes('#cross') && !BUDGET_RULES[id].tags.includes('#text'));
    expect(within.filter((id) => !BASIS[id])).toEqual([]);
  });
});
