import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ErrorBody } from '@tradeassist/shared-types';
import { currentCorrelationId } from '../logging';
import { AppException, ValidationFailedError } from './app-exception';
import { allowedMethods, type RouteEntry } from './route-table';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function reason(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

function codeFor(status: number): string {
  return reason(status).toUpperCase().replace(/ /g, '_');
}

export function errorBody(status: number, code: string, message: string, detail?: ErrorBody['detail']): ErrorBody {
  return {
    status_code: status,
    error: reason(status),
    code,
    message,
    detail: detail ?? message,
    correlation_id: currentCorrelationId() ?? randomUUID(),
  };
}

/** The one error body for every response; 5xx carry only an error id, logged with the stack. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly routes: () => RouteEntry[]) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    if (res.headersSent) return;
    const body = this.toBody(exception, req, res);
    res.status(body.status_code).json(body);
  }

  private toBody(exception: unknown, req: Request, res: Response): ErrorBody {
    if (exception instanceof ValidationFailedError) {
      return errorBody(exception.status, exception.code, exception.message, exception.items);
    }
    if (exception instanceof AppException) {
      for (const [name, value] of Object.entries(exception.headers)) res.setHeader(name, value);
      return errorBody(exception.status, exception.code, exception.message);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === Number(HttpStatus.NOT_FOUND)) return this.notFound(req, res);
      const message = this.httpMessage(exception);
      if (status === Number(HttpStatus.TOO_MANY_REQUESTS)) {
        // The throttler names its header after the limit that tripped (Retry-After-login); clients look for Retry-After.
        const named = res.getHeaderNames().find((h) => h.startsWith('retry-after-'));
        if (!res.getHeader('retry-after') && named) res.setHeader('Retry-After', String(res.getHeader(named)));
        return errorBody(status, 'RATE_LIMITED', 'Too many requests; wait for the time in the Retry-After header and try again');
      }
      if (status < 500) return errorBody(status, codeFor(status), message);
    }
    const errorId = currentCorrelationId() ?? randomUUID();
    this.logger.error({ message: 'Unhandled error', error_id: errorId, error: exception });
    return { ...errorBody(500, 'INTERNAL_ERROR', `Internal server error (error id ${errorId})`), correlation_id: errorId };
  }

  private notFound(req: Request, res: Response): ErrorBody {
    const path = req.originalUrl.split('?')[0] ?? req.path;
    const allowed = allowedMethods(this.routes(), path);
    if (allowed.length > 0) {
      res.setHeader('Allow', allowed.join(', '));
      return errorBody(405, 'METHOD_NOT_ALLOWED', `Method ${req.method} is not allowed on ${path}; use ${allowed.join(', ')}`);
    }
    return errorBody(404, 'NOT_FOUND', `No route ${req.method} ${path}`);
  }

  private httpMessage(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
