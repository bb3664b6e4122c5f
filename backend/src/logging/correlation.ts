import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface CorrelationStore {
  correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

/** Runs fn with a correlation id that every log line written inside it carries. */
export function withCorrelation<T>(fn: () => T, correlationId: string = randomUUID()): T {
  return storage.run({ correlationId }, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Accepts a caller's X-Correlation-Id only if it is a short token, so it cannot inject log content. */
export function sanitizeCorrelationId(candidate: unknown): string | undefined {
  return typeof candidate === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(candidate) ? candidate : undefined;
}
