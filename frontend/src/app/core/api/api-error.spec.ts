import { HttpErrorResponse } from '@angular/common/http';
import { anErrorBody } from '../../../testing/factories';
import { ApiError } from './api-error';

describe('ApiError.from', () => {
  it('maps a 422 body to per-field messages keyed by loc[1]', () => {
    const error = ApiError.from(
      new HttpErrorResponse({
        status: 422,
        error: anErrorBody({
          status_code: 422,
          code: 'VALIDATION_FAILED',
          message: '3 fields are invalid',
          detail: [
            { loc: ['body', 'threshold'], msg: 'must be a number', type: 'isNumber' },
            { loc: ['body', 'threshold'], msg: 'must not be less than 0', type: 'min' },
            { loc: ['body', 'ticks', 0, 'price'], msg: 'must be positive', type: 'min' },
            { loc: ['body'], msg: 'Invalid JSON', type: 'json' },
          ],
        }),
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('3 fields are invalid');
    expect(error.fields).toEqual({
      threshold: ['must be a number', 'must not be less than 0'],
      ticks: ['must be positive'],
      body: ['Invalid JSON'],
    });
    // Nested locations keep their whole path, so a form can place them on sub-fields.
    expect(error.paths).toEqual({
      threshold: ['must be a number', 'must not be less than 0'],
      'ticks.0.price': ['must be positive'],
      body: ['Invalid JSON'],
    });
  });

  it('keeps the server message of a 404 and a 400', () => {
    const notFound = ApiError.from(
      new HttpErrorResponse({
        status: 404,
        error: anErrorBody({ status_code: 404, message: 'Instrument with ID 9999 not found', code: 'INSTRUMENT_NOT_FOUND' }),
      }),
    );
    expect(notFound).toMatchObject({ status: 404, message: 'Instrument with ID 9999 not found', code: 'INSTRUMENT_NOT_FOUND', fields: {} });
    const duplicate = ApiError.from(
      new HttpErrorResponse({ status: 400, error: anErrorBody({ message: "Instrument with symbol 'ES' already exists" }) }),
    );
    expect(duplicate.message).toBe("Instrument with symbol 'ES' already exists");
  });

  it('explains an unreachable server and a body that is not the contract’s', () => {
    expect(ApiError.from(new HttpErrorResponse({ status: 0 })).message).toBe('The server cannot be reached');
    const proxy = ApiError.from(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', url: '/api/rules', error: '<html>' }));
    expect(proxy).toMatchObject({ status: 502, code: 'HTTP_ERROR' });
    expect(proxy.message).toContain('502');
    expect(ApiError.from(new TypeError('boom'))).toMatchObject({ status: 0, code: 'CLIENT_ERROR', message: 'boom' });
  });
});
