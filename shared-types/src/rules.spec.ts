import { CONDITIONS_BY_RULE_TYPE, RULE_CONDITIONS, RULE_TYPES } from './rules';

describe('CONDITIONS_BY_RULE_TYPE', () => {
  it('covers every rule type', () => {
    expect(Object.keys(CONDITIONS_BY_RULE_TYPE).sort()).toEqual([...RULE_TYPES].sort());
  });

  it('assigns every floor condition to exactly one single-condition rule type', () => {
    const { multi_condition: anyOfThem, ...single } = CONDITIONS_BY_RULE_TYPE;
    expect([...anyOfThem].sort()).toEqual([...RULE_CONDITIONS].sort());
    const assigned = Object.values(single).flat();
    expect([...assigned].sort()).toEqual([...RULE_CONDITIONS].sort());
    expect(new Set(assigned).size).toBe(assigned.length);
  });
});
