export { AlertEngine } from './alert-engine';
export { NaiveEngine } from './naive-engine';
export { LATE, type EngineRule, type EngineRuleOptions, type EngineTick, type Firing } from './types';
export { RuleEngine } from './rule-engine';
export { Bollinger, Ema, Macd, Rsi, Sma } from './indicators';
export { isTimezone, SessionMatcher } from './studio/session-matcher';
export { operandCalculator, type OperandCalculator } from './indicators/operand-calculator';
export { SlidingWindow } from './indicators/window';
export { PLAIN_OPTIONS } from './studio/studio-rule';
