import type { CreateRuleRequest } from './rules';

/** A rule body without its instrument: the trader picks the instrument when using it. */
export type RuleTemplateBody = Omit<CreateRuleRequest, 'instrument_id'>;

export interface RuleTemplate {
  /** Built-in templates have ids like "builtin:rsi-overbought"; saved ones "user:12". */
  id: string;
  name: string;
  description: string;
  builtin: boolean;
  /** Suggested instrument symbol, if the template is about one (e.g. TICK, VIX). */
  symbol: string | null;
  body: RuleTemplateBody;
  /** Who saved it (null for built-in ones). */
  owner: string | null;
}

export interface CreateRuleTemplateRequest {
  name: string;
  description?: string;
  symbol?: string | null;
  body: RuleTemplateBody;
}

export const BULK_ACTIONS = ['enable', 'disable', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export interface BulkRuleRequest {
  action: BulkAction;
  /** 1..1000 rule ids; all must exist and be the caller's to change, or nothing changes. */
  ids: number[];
}

export interface BulkRuleResponse {
  action: BulkAction;
  affected: number;
}

/** One rule in an export file: its body with the instrument's symbol in place of its id. */
export type ExportedRule = Omit<CreateRuleRequest, 'instrument_id'> & { symbol: string };

export interface RuleExport {
  format: 'tradeassist.rules';
  version: 1;
  exported_at: string;
  rules: ExportedRule[];
}

/** Either an export file as is, or just its rules. Nothing is imported unless every entry is valid. */
export interface RuleImportRequest {
  rules: ExportedRule[];
}

export interface RuleImportResponse {
  created: number;
  ids: number[];
}

export const RULE_IMPORT_MAX = 1000;

/**
 * Copies of rules onto other instruments: each rule onto each symbol but its own, all or nothing
 * (at most RULE_IMPORT_MAX copies). Answered as an import is.
 */
export interface CopyRulesRequest {
  ids: number[];
  /** 1..RULE_COPY_MAX_SYMBOLS instrument symbols. */
  symbols: string[];
}

export const RULE_COPY_MAX_SYMBOLS = 100;
