import { RULE_LIMITS, type RuleFields } from '@tradeassist/shared-types';

/**
 * A rule's fields as its copy onto another instrument: the same settings, and a name that says the
 * new symbol wherever it said the old one as a word ("ES breakout" onto NQ is "NQ breakout").
 * Message templates are left alone: {{symbol}} already follows the instrument.
 */
export function copyOnto(f: RuleFields, fromSymbol: string, to: { id: number; symbol: string }): RuleFields {
  return { ...f, instrument_id: to.id, name: f.name === null ? null : renameSymbol(f.name, fromSymbol, to.symbol) };
}

export function renameSymbol(name: string, from: string, to: string): string {
  if (from === '') return name;
  const word = new RegExp(`(?<![A-Za-z0-9_])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
  return name.replace(word, () => to).slice(0, RULE_LIMITS.nameMaxLength);
}
