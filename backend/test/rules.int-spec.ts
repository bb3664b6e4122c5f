import {
  DEFAULT_RULE_OPTIONS,
  type AlertRule,
  type ErrorBody,
  type RuleVersionsResponse,
  type ValidationErrorItem,
} from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';

describe('Rules API (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a rule with defaults and the instrument symbol', async () => {
    const res = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', {
      instrument_id: 1,
      rule_type: 'threshold',
      condition: 'above',
      threshold: 6000,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      instrument_id: 1,
      instrument_symbol: 'ES',
      rule_type: 'threshold',
      condition: 'above',
      threshold: 6000,
      active: true,
      cooldown_seconds: 60,
      last_triggered: null,
      version: 1,
      name: null,
    });
  });

  it('accepts negative thresholds for internals such as TICK', async () => {
    const res = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ instrument_id: 10, condition: 'below', threshold: -1000 }),
    );
    expect(res.status).toBe(201);
    expect(res.body.threshold).toBe(-1000);
  });

  it('answers an unknown instrument with 404, not 422', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', ruleBody({ instrument_id: 9999 }));
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Instrument with ID 9999 not found');
  });

  it('refuses a rule_type/condition pair that makes no sense', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', ruleBody({ rule_type: 'crossover', condition: 'above' }));
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([
      {
        loc: ['body', 'condition'],
        msg: "condition 'above' does not apply to rule_type 'crossover'; use one of: crosses_above, crosses_below",
        type: 'rule_type_mismatch',
      },
    ]);
  });

  it('lists every failing field at once', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', {
      instrument_id: 1,
      rule_type: 'rate_of_change',
      condition: 'percent_change_up',
      threshold: 'high',
      time_window_seconds: 0,
      cooldown_seconds: 4000,
    });
    expect(res.status).toBe(422);
    const detail = res.body.detail as ValidationErrorItem[];
    expect(detail).toEqual(
      expect.arrayContaining([
        { loc: ['body', 'threshold'], msg: 'must be a number conforming to the specified constraints', type: 'isNumber' },
        { loc: ['body', 'time_window_seconds'], msg: 'must not be less than 1', type: 'min' },
        { loc: ['body', 'cooldown_seconds'], msg: 'must not be greater than 3600', type: 'max' },
      ]),
    );
    expect(res.body.message).toBe(`${detail.length} fields are invalid`);
  });

  it('refuses a negative percent threshold', async () => {
    const res = await http<ErrorBody>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ rule_type: 'rate_of_change', condition: 'percent_change_up', threshold: -1 }),
    );
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([{ loc: ['body', 'threshold'], msg: 'must not be less than 0', type: 'min' }]);
  });

  it('increments the version on each edit and validates the merged rule', async () => {
    const created = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody());
    const edited = await http<AlertRule>(t.baseUrl, 'PUT', `/api/rules/${created.body.id}`, { threshold: 6100, name: 'higher' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ threshold: 6100, name: 'higher', version: 2, condition: 'above' });
    const bad = await http<ErrorBody>(t.baseUrl, 'PUT', `/api/rules/${created.body.id}`, { rule_type: 'volume_spike' });
    expect(bad.status).toBe(422);
    const still = await http<AlertRule>(t.baseUrl, 'GET', `/api/rules/${created.body.id}`);
    expect(still.body.version).toBe(2);
  });

  it('filters, orders newest first and serves the alias path', async () => {
    const a = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ instrument_id: 2, rule_type: 'volume_spike', condition: 'volume_above', threshold: 50 }),
    );
    const b = await http<AlertRule>(t.baseUrl, 'POST', '/api/alert-rules', ruleBody({ instrument_id: 2, active: false }));
    const forNq = await http<AlertRule[]>(t.baseUrl, 'GET', '/api/rules?instrument_id=2');
    expect(forNq.body.map((r) => r.id)).toEqual([b.body.id, a.body.id]);
    const activeNq = await http<AlertRule[]>(t.baseUrl, 'GET', '/api/alert-rules?instrument_id=2&active_only=true');
    expect(activeNq.body.map((r) => r.id)).toEqual([a.body.id]);
    const volume = await http<AlertRule[]>(t.baseUrl, 'GET', '/api/rules?rule_type=volume_spike');
    expect(volume.body.every((r) => r.rule_type === 'volume_spike')).toBe(true);
  });

  it('deletes with the contract message and 404 afterwards', async () => {
    const created = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody());
    const del = await http(t.baseUrl, 'DELETE', `/api/rules/${created.body.id}`);
    expect(del.body).toEqual({ message: `Alert rule ${created.body.id} deleted successfully` });
    const again = await http<ErrorBody>(t.baseUrl, 'DELETE', `/api/rules/${created.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('RULE_NOT_FOUND');
  });

  it('keeps every version with who changed what, newest first, even after the rule is deleted', async () => {
    const created = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody({ threshold: 6100, name: 'v1' }));
    const id = created.body.id;
    await http(t.baseUrl, 'PUT', `/api/rules/${id}`, { threshold: 6200 });
    await http(t.baseUrl, 'PUT', `/api/rules/${id}`, { name: 'v3', active: false });
    const res = await http<RuleVersionsResponse>(t.baseUrl, 'GET', `/api/rules/${id}/versions`);
    expect(res.status).toBe(200);
    expect(res.body.rule_id).toBe(id);
    expect(res.body.deleted).toBe(false);
    expect(res.body.versions.map((v) => [v.version, v.change, v.changed_by])).toEqual([
      [3, 'updated', 'admin'],
      [2, 'updated', 'admin'],
      [1, 'created', 'admin'],
    ]);
    expect(res.body.versions.map((v) => [v.definition.threshold, v.definition.name, v.definition.active])).toEqual([
      [6200, 'v3', false],
      [6200, 'v1', true],
      [6100, 'v1', true],
    ]);
    expect(res.body.versions[2]?.definition).toEqual({
      instrument_id: 1,
      rule_type: 'threshold',
      condition: 'above',
      threshold: 6100,
      active: true,
      name: 'v1',
      description: null,
      time_window_seconds: null,
      moving_average_period: null,
      cooldown_seconds: 0,
      ...DEFAULT_RULE_OPTIONS,
    });

    expect((await http(t.baseUrl, 'DELETE', `/api/rules/${id}`)).status).toBe(200);
    const after = await http<RuleVersionsResponse>(t.baseUrl, 'GET', `/api/rules/${id}/versions`);
    expect(after.status).toBe(200);
    expect(after.body.deleted).toBe(true);
    expect(after.body.versions).toHaveLength(3);
  });

  it('records no version for a refused edit, and 404s a rule that never existed', async () => {
    const created = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody());
    const refused = await http(t.baseUrl, 'PUT', `/api/rules/${created.body.id}`, { threshold: 'high' });
    expect(refused.status).toBe(422);
    const res = await http<RuleVersionsResponse>(t.baseUrl, 'GET', `/api/rules/${created.body.id}/versions`);
    expect(res.body.versions.map((v) => v.version)).toEqual([1]);
    const missing = await http<ErrorBody>(t.baseUrl, 'GET', '/api/rules/999999/versions');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'RULE_NOT_FOUND', message: 'Alert rule with ID 999999 not found' });
  });
});
