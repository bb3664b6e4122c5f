import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody } from '@tradeassist/shared-types';

/** A failed API call in the contract's terms: status, message, and per-field errors for 422. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    /** Field name (`loc[1]`, the body property) → messages. */
    readonly fields: Record<string, string[]>,
    /** The whole location after 'body', dotted ('subject.period', 'rules.3.symbol') → messages. */
    readonly paths: Record<string, string[]> = fields,
  ) {
    super(message);
  }

  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (error instanceof HttpErrorResponse) {
      const body = error.error as Partial<ErrorBody> | null;
      if (body && typeof body === 'object' && typeof body.message === 'string') {
        const fields: Record<string, string[]> = {};
        const paths: Record<string, string[]> = {};
        if (Array.isArray(body.detail)) {
          for (const item of body.detail) {
            // ['body', 'threshold'] names a form field; a bare ['body'] is about the whole request.
            const key = String(item.loc[1] ?? item.loc[0] ?? 'body');
            (fields[key] ??= []).push(item.msg);
            const path = item.loc.length > 1 ? item.loc.slice(1).join('.') : key;
            (paths[path] ??= []).push(item.msg);
          }
        }
        return new ApiError(error.status, body.message, body.code ?? 'ERROR', fields, paths);
      }
      return new ApiError(error.status, error.status === 0 ? 'The server cannot be reached' : error.message, 'HTTP_ERROR', {});
    }
    return new ApiError(0, error instanceof Error ? error.message : String(error), 'CLIENT_ERROR', {});
  }
}
