export { currentCorrelationId, withCorrelation } from './correlation';
export { CORRELATION_HEADER, correlationMiddleware } from './correlation.middleware';
export { createAppLogger, createWinston } from './logger';
export { redact, redactText, REDACTED } from './redact';
