import { HttpStatus } from '@nestjs/common';
import type { ValidationErrorItem } from '@tradeassist/shared-types';

/** An error a person can act on: status, a stable machine code and a human message. */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Response headers that go with the error, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class NotFoundError extends AppException {
  constructor(code: string, message: string) {
    super(HttpStatus.NOT_FOUND, code, message);
  }
}

export class BadRequestError extends AppException {
  constructor(code: string, message: string) {
    super(HttpStatus.BAD_REQUEST, code, message);
  }
}

/** 422 listing every failing field at once. */
export class ValidationFailedError extends AppException {
  constructor(readonly items: ValidationErrorItem[]) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'VALIDATION_FAILED',
      items.length === 1 ? '1 field is invalid' : `${items.length} fields are invalid`,
    );
  }

  static single(loc: (string | number)[], msg: string, type: string): ValidationFailedError {
    return new ValidationFailedError([{ loc, msg, type }]);
  }
}
