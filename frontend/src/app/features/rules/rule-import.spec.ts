import { importProblems, parseImportFile } from './rule-import';

const RULE = { symbol: 'ES', name: 'A', rule_type: 'threshold', condition: 'above', threshold: 1 } as const;

describe('parseImportFile', () => {
  it('takes an export file or a bare list of rules', () => {
    expect(parseImportFile(JSON.stringify({ format: 'tradeassist.rules', version: 1, rules: [RULE] }))).toEqual([RULE]);
    expect(parseImportFile(JSON.stringify([RULE]))).toEqual([RULE]);
  });

  it('says what is wrong with a file that is not one', () => {
    expect(() => parseImportFile('{oops')).toThrow('The file is not JSON');
    expect(() => parseImportFile('{"rules": 3}')).toThrow('The file has no "rules" list');
    expect(() => parseImportFile('null')).toThrow('The file has no "rules" list');
    expect(() => parseImportFile('[]')).toThrow('The file has no rules in it');
  });
});

describe('importProblems', () => {
  it('groups the messages by entry, counted from 1, named by rule and symbol', () => {
    const rules = [RULE, { ...RULE, name: undefined, symbol: 'ZZ' }, RULE];
    expect(
      importProblems(
        { 'rules.1.symbol': ['no instrument ZZ'], 'rules.0': ['must be an object'], rules: ['must have at most 1000 entries'] },
        rules,
      ),
    ).toEqual([
      { entry: 0, label: 'the file', messages: ['rules: must have at most 1000 entries'] },
      { entry: 1, label: 'A on ES', messages: ['must be an object'] },
      { entry: 2, label: 'unnamed rule on ZZ', messages: ['symbol: no instrument ZZ'] },
    ]);
  });
});
