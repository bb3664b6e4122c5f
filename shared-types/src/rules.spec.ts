import { CONDITIONS_BY_RULE_TYPE, RULE_CONDITIONS, RULE_TYPES } from './rules';

describe('CONDITIONS_BY_RULE_TYPE', () => {
  it('covers every rule type', () => {
    expect(Object.keys(CONDITIONS_BY_RULE_TYPE).sort()).toEqual([...RULE_TYPES].sort());
  });

  it('assigns every floor condition to exactly one rule type', () => {
    const assigned = Object.values(CONDITIONS_BY_RULE_TYPE).flat();
    expect([...assigned].sort()).toEqual([...RULE_CONDITIONS].sort());
    expect(new Set(assigned).size).toBe(assigned.length);
  });
});
