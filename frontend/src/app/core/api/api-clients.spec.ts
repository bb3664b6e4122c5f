import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aHealth, anAlertLog, anErrorBody, anInstrument, aRule, someChannelSettings } from '../../../testing/factories';
import { AlertsApi } from './alerts-api';
import { ApiError } from './api-error';
import { apiErrorInterceptor } from './api-error.interceptor';
import { HealthApi } from './health-api';
import { InstrumentsApi } from './instruments-api';
import { NotificationsApi } from './notifications-api';
import { RulesApi } from './rules-api';

describe('API clients', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('InstrumentsApi speaks the contract’s routes and bodies', async () => {
    const api = TestBed.inject(InstrumentsApi);
    const list = api.list();
    http.expectOne({ method: 'GET', url: '/api/instruments' }).flush([anInstrument()]);
    expect(await list).toEqual([anInstrument()]);

    const created = api.create({ symbol: 'zz', name: 'Test', type: 'future' });
    const post = http.expectOne({ method: 'POST', url: '/api/instruments' });
    expect(post.request.body).toEqual({ symbol: 'zz', name: 'Test', type: 'future' });
    post.flush(anInstrument({ id: 13, symbol: 'ZZ' }));
    expect((await created).symbol).toBe('ZZ');

    const updated = api.update(13, { status: 'inactive' });
    const put = http.expectOne({ method: 'PUT', url: '/api/instruments/13' });
    expect(put.request.body).toEqual({ status: 'inactive' });
    put.flush(anInstrument({ id: 13, status: 'inactive' }));
    expect((await updated).status).toBe('inactive');

    const removed = api.remove(13);
    http.expectOne({ method: 'DELETE', url: '/api/instruments/13' }).flush({ message: 'Instrument 13 deleted successfully' });
    expect(await removed).toEqual({ message: 'Instrument 13 deleted successfully' });
  });

  it('RulesApi speaks the contract’s routes and bodies', async () => {
    const api = TestBed.inject(RulesApi);
    const list = api.list();
    http.expectOne({ method: 'GET', url: '/api/rules' }).flush([aRule()]);
    expect(await list).toEqual([aRule()]);

    const body = { instrument_id: 1, rule_type: 'threshold' as const, condition: 'above' as const, threshold: 6100 };
    const created = api.create(body);
    const post = http.expectOne({ method: 'POST', url: '/api/rules' });
    expect(post.request.body).toEqual(body);
    post.flush(aRule());
    await created;

    const updated = api.update(1, { active: false });
    const put = http.expectOne({ method: 'PUT', url: '/api/rules/1' });
    expect(put.request.body).toEqual({ active: false });
    put.flush(aRule({ active: false, version: 2 }));
    expect(await updated).toMatchObject({ active: false, version: 2 });

    const removed = api.remove(1);
    http.expectOne({ method: 'DELETE', url: '/api/rules/1' }).flush({ message: 'Alert rule 1 deleted successfully' });
    expect((await removed).message).toBe('Alert rule 1 deleted successfully');
  });

  it('AlertsApi sends only the filters given', async () => {
    const api = TestBed.inject(AlertsApi);
    const page = api.list({ limit: 20, rule_id: undefined, instrument_id: 4 });
    const req = http.expectOne((r) => r.url === '/api/alerts');
    expect(req.request.params.keys().sort()).toEqual(['instrument_id', 'limit']);
    expect(req.request.params.get('limit')).toBe('20');
    req.flush({ alerts: [anAlertLog()], total: 1, has_more: false, page: 1, limit: 20 });
    expect((await page).alerts).toHaveLength(1);

    const stats = api.stats();
    http.expectOne({ method: 'GET', url: '/api/alerts/stats' }).flush({ total_alerts_today: 2 });
    expect((await stats).total_alerts_today).toBe(2);
  });

  it('HealthApi reads /api/health', async () => {
    const health = TestBed.inject(HealthApi).get();
    http.expectOne({ method: 'GET', url: '/api/health' }).flush(aHealth({ status: 'degraded' }));
    expect((await health).status).toBe('degraded');
  });

  it('NotificationsApi speaks the channel settings, preview and test routes', async () => {
    const api = TestBed.inject(NotificationsApi);
    const list = api.channels();
    http.expectOne({ method: 'GET', url: '/api/notifications/channels' }).flush([someChannelSettings()]);
    expect((await list)[0]?.channel).toBe('webhook');

    const updated = api.updateChannel('webhook', { enabled: false, template: null });
    const put = http.expectOne({ method: 'PUT', url: '/api/notifications/channels/webhook' });
    expect(put.request.body).toEqual({ enabled: false, template: null });
    put.flush(someChannelSettings({ enabled: false }));
    expect((await updated).enabled).toBe(false);

    const preview = api.previewTemplate('slack', '{{symbol}}');
    const post = http.expectOne({ method: 'POST', url: '/api/notifications/channels/slack/preview' });
    expect(post.request.body).toEqual({ template: '{{symbol}}' });
    post.flush({ text: 'ES' });
    expect(await preview).toEqual({ text: 'ES' });

    const tested = api.test('sms');
    const test = http.expectOne({ method: 'POST', url: '/api/notifications/test' });
    expect(test.request.body).toEqual({ channel: 'sms' });
    test.flush({ channel: 'sms', ok: false, status_code: 400, error: 'The number is not valid (21211)' });
    expect(await tested).toEqual({ channel: 'sms', ok: false, status_code: 400, error: 'The number is not valid (21211)' });
  });

  it('every failure reaches the caller as an ApiError with the server’s words', async () => {
    const created = TestBed.inject(RulesApi).create({ instrument_id: 9999, rule_type: 'threshold', condition: 'above', threshold: 1 });
    http
      .expectOne('/api/rules')
      .flush(anErrorBody({ status_code: 404, code: 'INSTRUMENT_NOT_FOUND', message: 'Instrument with ID 9999 not found' }), {
        status: 404,
        statusText: 'Not Found',
      });
    const error: unknown = await created.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'INSTRUMENT_NOT_FOUND', message: 'Instrument with ID 9999 not found' });
  });
});
