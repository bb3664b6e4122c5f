import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { sanitizeCorrelationId, withCorrelation } from './correlation';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Gives every request a correlation id (the caller's if it is safe) and echoes it in the response. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
  res.setHeader(CORRELATION_HEADER, id);
  withCorrelation(next, id);
}
