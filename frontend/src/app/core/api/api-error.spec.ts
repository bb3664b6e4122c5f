import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from './api-error';

describe('ApiError.from', () => {
  it('maps a 422 body to per-field messages keyed by the last part of loc', () => {
    const error = ApiError.from(
      new HttpErrorResponse({
        status: 422,
        error: {
          status_code: 422,
          code: 'VALIDATION_FAILED',
          message: '2 fields are invalid',
          detail: [
            { loc: ['body', 'threshold'], msg: 'must be a number', type: 'isNumber' },
            { loc: ['body', 'threshold'], msg: 'must not be less than 0', type: 'min' },
          ],
        },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toBe('2 fields are invalid');
    expect(error.fields).toEqual({ threshold: ['must be a number', 'must not be less than 0'] });
  });

  it('keeps the server message of a 404 and explains an unreachable server', () => {
    const notFound = ApiError.from(
      new HttpErrorResponse({
        status: 404,
        error: { message: 'Instrument with ID 9 not found', code: 'INSTRUMENT_NOT_FOUND', detail: 'x' },
      }),
    );
    expect(notFound).toMatchObject({ status: 404, message: 'Instrument with ID 9 not found', code: 'INSTRUMENT_NOT_FOUND', fields: {} });
    expect(ApiError.from(new HttpErrorResponse({ status: 0 })).message).toBe('The server cannot be reached');
  });
});
