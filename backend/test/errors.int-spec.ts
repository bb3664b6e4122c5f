import type { ErrorBody } from '@tradeassist/shared-types';
import { http, startTestApp, type TestApp } from './support/test-app';

describe('Error contract (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 in the contract shape', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'GET', '/api/nowhere');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status_code: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'No route GET /api/nowhere' });
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'PATCH', '/api/instruments/1');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('DELETE, GET, PUT');
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers malformed JSON with 422, never 500', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', undefined, '{"instrument_id": 1,');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Request body is not valid JSON' });
    expect((res.body.detail as { loc: string[]; type: string }[])[0]).toMatchObject({ loc: ['body'], type: 'json_invalid' });
  });

  it('sends security headers and keeps CORS closed by default', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = await startTestApp({ BODY_LIMIT: '1kb' });
    try {
      const res = await http<ErrorBody>(small.baseUrl, 'POST', '/api/market/ticks', {
        ticks: Array.from({ length: 100 }, () => ({ symbol: 'ES', price: 1 })),
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Request body is larger than the 1kb limit' });
    } finally {
      await small.close();
    }
  });

  it('answers a non-numeric id with 422 naming the path parameter', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'GET', '/api/rules/abc');
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([{ loc: ['path', 'id'], msg: 'must be a positive integer', type: 'int' }]);
  });

  it('echoes a safe correlation id and ignores an unsafe one', async () => {
    const ok = await fetch(`${t.baseUrl}/api/nowhere`, { headers: { 'x-correlation-id': 'abc-123' } });
    expect(ok.headers.get('x-correlation-id')).toBe('abc-123');
    expect(((await ok.json()) as ErrorBody).correlation_id).toBe('abc-123');
    const unsafe = await fetch(`${t.baseUrl}/api/nowhere`, { headers: { 'x-correlation-id': 'a b\tc' } });
    expect(unsafe.headers.get('x-correlation-id')).not.toBe('a b\tc');
  });

  it('serves OpenAPI JSON generated from the DTOs, with both ways to authorize', async () => {
    const res = await http<{ paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } }>(
      t.baseUrl,
      'GET',
      '/api/docs-json',
      undefined,
      undefined,
      {},
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(['api-key', 'bearer']);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/instruments',
        '/api/instruments/{id}',
        '/api/rules',
        '/api/rules/{id}',
        '/api/alerts',
        '/api/alerts/stats',
        '/api/market/ticks',
        '/api/health',
        '/api/rules/{id}/versions',
        '/api/rules/backtest',
        '/api/rules/backtest/{id}',
        '/api/rules/templates',
        '/api/rules/bulk',
        '/api/rules/export',
        '/api/rules/import',
        '/api/alerts/{id}',
      ]),
    );
  });
});
