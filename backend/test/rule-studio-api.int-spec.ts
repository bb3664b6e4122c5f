import type {
  AlertRule,
  BulkRuleResponse,
  ErrorBody,
  Instrument,
  RuleExport,
  RuleImportResponse,
  RuleTemplate,
  RuleVersionsResponse,
} from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, signedInUser, startTestApp, type BrowserSession, type TestApp } from './support/test-app';

describe('Rule templates, bulk actions, import and export (real app)', () => {
  let t: TestApp;
  let ann: BrowserSession;
  let bob: BrowserSession;
  const as = <T>(who: BrowserSession, method: string, path: string, body?: unknown) =>
    http<T>(t.baseUrl, method, path, body, undefined, who.headers);

  beforeAll(async () => {
    t = await startTestApp();
    ann = await signedInUser(t.baseUrl, 'ann', 'trader');
    bob = await signedInUser(t.baseUrl, 'bob', 'trader');
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('lists the built-in ones, and each makes a valid rule', async () => {
      const res = await as<RuleTemplate[]>(ann, 'GET', '/api/rules/templates');
      expect(res.status).toBe(200);
      const ids = res.body.map((x) => x.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'builtin:breakout-above',
          'builtin:rsi-overbought',
          'builtin:tick-extreme-high',
          'builtin:vix-spike',
          'builtin:golden-cross',
        ]),
      );
      const instruments = (await as<Instrument[]>(ann, 'GET', '/api/instruments')).body;
      for (const template of res.body.filter((x) => x.builtin)) {
        const instrument = instruments.find((i) => i.symbol === (template.symbol ?? 'ES')) as Instrument;
        const created = await as<AlertRule>(ann, 'POST', '/api/rules', { ...template.body, instrument_id: instrument.id });
        expect([template.id, created.status]).toEqual([template.id, 201]);
      }
    });

    it('saves a template for its owner only, refuses a broken body, and deletes it', async () => {
      const saved = await as<RuleTemplate>(ann, 'POST', '/api/rules/templates', {
        name: 'My ES dip',
        symbol: 'es',
        body: { rule_type: 'threshold', condition: 'below', threshold: 5900, name: 'ES dip' },
      });
      expect(saved.status).toBe(201);
      expect(saved.body).toMatchObject({ name: 'My ES dip', symbol: 'ES', builtin: false, owner: 'ann' });
      expect(saved.body.id).toMatch(/^user:\d+$/);
      expect((await as<RuleTemplate[]>(ann, 'GET', '/api/rules/templates')).body.map((x) => x.id)).toContain(saved.body.id);
      expect((await as<RuleTemplate[]>(bob, 'GET', '/api/rules/templates')).body.map((x) => x.id)).not.toContain(saved.body.id);
      expect((await as(bob, 'DELETE', `/api/rules/templates/${saved.body.id}`)).status).toBe(404);

      const broken = await as<ErrorBody>(ann, 'POST', '/api/rules/templates', {
        name: 'broken',
        body: { rule_type: 'threshold', condition: 'above', threshold: 1, message_template: '{{nope}}' },
      });
      expect(broken.status).toBe(422);
      expect((broken.body.detail as { loc: string[] }[])[0]?.loc).toEqual(['body', 'body', 'message_template']);

      expect((await as<ErrorBody>(ann, 'DELETE', '/api/rules/templates/builtin:vix-spike')).status).toBe(403);
      expect((await as(ann, 'DELETE', `/api/rules/templates/${saved.body.id}`)).status).toBe(200);
      expect((await as<RuleTemplate[]>(ann, 'GET', '/api/rules/templates')).body.map((x) => x.id)).not.toContain(saved.body.id);
    });
  });

  describe('bulk', () => {
    it('disables, enables and deletes several rules at once, each edit a version', async () => {
      const ids: number[] = [];
      for (const threshold of [7001, 7002, 7003])
        ids.push((await as<AlertRule>(ann, 'POST', '/api/rules', ruleBody({ threshold }))).body.id);
      const off = await as<BulkRuleResponse>(ann, 'POST', '/api/rules/bulk', { action: 'disable', ids: ids.slice(0, 2) });
      expect(off.body).toEqual({ action: 'disable', affected: 2 });
      const rules = (await as<AlertRule[]>(ann, 'GET', '/api/rules')).body.filter((r) => ids.includes(r.id));
      expect(rules.sort((a, b) => a.id - b.id).map((r) => [r.id, r.active, r.version])).toEqual([
        [ids[0], false, 2],
        [ids[1], false, 2],
        [ids[2], true, 1],
      ]);
      // Already enabled rules are left as they are.
      expect((await as<BulkRuleResponse>(ann, 'POST', '/api/rules/bulk', { action: 'enable', ids })).body.affected).toBe(2);
      const versions = await as<RuleVersionsResponse>(ann, 'GET', `/api/rules/${ids[0]}/versions`);
      expect(versions.body.versions.map((v) => [v.version, v.definition.active])).toEqual([
        [3, true],
        [2, false],
        [1, true],
      ]);
      expect((await as<BulkRuleResponse>(ann, 'POST', '/api/rules/bulk', { action: 'delete', ids })).body).toEqual({
        action: 'delete',
        affected: 3,
      });
      expect((await as(ann, 'GET', `/api/rules/${ids[0]}`)).status).toBe(404);
    });

    it('changes nothing when one rule is missing or someone else\u2019s', async () => {
      const mine = (await as<AlertRule>(ann, 'POST', '/api/rules', ruleBody({ threshold: 7100 }))).body.id;
      const theirs = (await as<AlertRule>(bob, 'POST', '/api/rules', ruleBody({ threshold: 7200 }))).body.id;
      const missing = await as<ErrorBody>(ann, 'POST', '/api/rules/bulk', { action: 'delete', ids: [mine, 999999] });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe('No alert rule with ID 999999; nothing was changed');
      const foreign = await as<ErrorBody>(ann, 'POST', '/api/rules/bulk', { action: 'disable', ids: [mine, theirs] });
      expect(foreign.status).toBe(403);
      expect(foreign.body.message).toBe(`Rules ${theirs} belong to other users; nothing was changed`);
      expect((await as<AlertRule>(ann, 'GET', `/api/rules/${mine}`)).body.active).toBe(true);
      const bad = await as<ErrorBody>(ann, 'POST', '/api/rules/bulk', { action: 'archive', ids: [] });
      expect(bad.status).toBe(422);
      expect((bad.body.detail as { loc: string[] }[]).map((d) => d.loc.join('.')).sort()).toEqual(['body.action', 'body.ids']);
    });
  });

  describe('export and import', () => {
    it('round-trips: an export file imports as it is, with the same bodies', async () => {
      await as(
        bob,
        'POST',
        '/api/rules',
        ruleBody({
          name: 'with options',
          threshold: 6100,
          priority: 'urgent',
          subject: { kind: 'rsi', period: 14 },
          trigger_mode: 'once_per_bar',
        }),
      );
      const exported = await as<RuleExport>(bob, 'GET', '/api/rules/export');
      expect(exported.status).toBe(200);
      expect(exported.body).toMatchObject({ format: 'tradeassist.rules', version: 1 });
      const before = (await as<AlertRule[]>(bob, 'GET', '/api/rules')).body.length;
      const imported = await as<RuleImportResponse>(bob, 'POST', '/api/rules/import', exported.body);
      expect(imported.status).toBe(201);
      expect(imported.body.created).toBe(exported.body.rules.length);
      const again = (await as<RuleExport>(bob, 'GET', '/api/rules/export')).body.rules;
      expect(again.length).toBe(before + exported.body.rules.length);
      expect(again.slice(before)).toEqual(exported.body.rules);
    });

    it('imports nothing when one entry is bad, and says which and why', async () => {
      const before = (await as<AlertRule[]>(ann, 'GET', '/api/rules')).body.length;
      const good = { symbol: 'ES', rule_type: 'threshold', condition: 'above', threshold: 6000 };
      const res = await as<ErrorBody>(ann, 'POST', '/api/rules/import', {
        rules: [good, { ...good, threshold: 'high' }, { ...good, symbol: 'NOPE' }, { ...good, condition: 'percent_change_up' }],
      });
      expect(res.status).toBe(422);
      expect((res.body.detail as { loc: (string | number)[] }[]).map((d) => d.loc)).toEqual([['body', 'rules', 1, 'threshold']]);
      // Field-level errors come first; once fields are right, the rule-level checks run, located the same way.
      const second = await as<ErrorBody>(ann, 'POST', '/api/rules/import', {
        rules: [good, { ...good, symbol: 'NOPE' }, { ...good, condition: 'percent_change_up' }],
      });
      expect(second.body.detail).toEqual([
        { loc: ['body', 'rules', 1, 'symbol'], msg: "unknown symbol 'NOPE'", type: 'unknown_symbol' },
        {
          loc: ['body', 'rules', 2, 'condition'],
          msg: "condition 'percent_change_up' does not apply to rule_type 'threshold'; use one of: above, below, equals",
          type: 'rule_type_mismatch',
        },
      ]);
      expect((await as<AlertRule[]>(ann, 'GET', '/api/rules')).body.length).toBe(before);
    });
  });

  describe('copy onto other instruments', () => {
    /** What a copy shares with its original: everything but who and what it is, and its own history. */
    const OWN = [
      'id',
      'name',
      'instrument_id',
      'instrument_symbol',
      'version',
      'owner',
      'owner_id',
      'created_at',
      'updated_at',
      'last_triggered',
    ];
    const settings = (r: AlertRule | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([k]) => !OWN.includes(k)));

    it("copies anyone's rules onto each instrument but their own, as the caller's, the symbol in the name following", async () => {
      const original = (
        await as<AlertRule>(
          ann,
          'POST',
          '/api/rules',
          ruleBody({
            name: 'ES RSI watch (ESM6 desk)',
            subject: { kind: 'rsi', period: 9 },
            threshold: 75,
            rearm: { by: 0.3, unit: 'percent' },
          }),
        )
      ).body;
      const plain = (await as<AlertRule>(ann, 'POST', '/api/rules', ruleBody({ name: null, instrument_id: 2, threshold: 20000 }))).body;
      const copied = await as<RuleImportResponse>(bob, 'POST', '/api/rules/copy', {
        ids: [plain.id, original.id],
        symbols: ['NQ', 'ES', 'YM', 'NQ'],
      });
      expect(copied.status).toBe(201);
      // Each rule onto NQ, ES and YM but its own instrument, NQ once: 2 + 2.
      expect(copied.body.created).toBe(4);
      const all = (await as<AlertRule[]>(bob, 'GET', '/api/rules')).body;
      const copies = copied.body.ids.map((id) => all.find((r) => r.id === id));
      expect(copies.map((r) => [r?.instrument_symbol, r?.name, r?.owner, r?.version, r?.last_triggered])).toEqual([
        ['NQ', 'NQ RSI watch (ESM6 desk)', 'bob', 1, null],
        ['YM', 'YM RSI watch (ESM6 desk)', 'bob', 1, null],
        ['ES', null, 'bob', 1, null],
        ['YM', null, 'bob', 1, null],
      ]);
      for (const c of copies.slice(0, 2)) expect(settings(c)).toEqual(settings(original));
      for (const c of copies.slice(2)) expect(settings(c)).toEqual(settings(plain));
      // The originals are as they were.
      expect(all.find((r) => r.id === original.id)).toMatchObject({ version: 1, owner: 'ann', instrument_symbol: 'ES' });
    });

    it('copies nothing, and says why, for an unknown rule or symbol, or when nothing would be new', async () => {
      const mine = (await as<AlertRule>(ann, 'POST', '/api/rules', ruleBody({ threshold: 7300 }))).body.id;
      const before = (await as<AlertRule[]>(ann, 'GET', '/api/rules')).body.length;
      const missing = await as<ErrorBody>(ann, 'POST', '/api/rules/copy', { ids: [mine, 999999], symbols: ['NQ'] });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe('No alert rule with ID 999999; nothing was copied');
      const unknown = await as<ErrorBody>(ann, 'POST', '/api/rules/copy', { ids: [mine], symbols: ['NQ', 'NOPE'] });
      expect(unknown.status).toBe(422);
      expect(unknown.body.detail).toEqual([{ loc: ['body', 'symbols', 1], msg: "unknown symbol 'NOPE'", type: 'unknown_symbol' }]);
      const same = await as<ErrorBody>(ann, 'POST', '/api/rules/copy', { ids: [mine], symbols: ['ES'] });
      expect(same.status).toBe(422);
      expect(same.body.detail).toEqual([
        {
          loc: ['body', 'symbols'],
          msg: 'every rule is already on these instruments; choose others to copy them to',
          type: 'nothing_to_copy',
        },
      ]);
      const empty = await as<ErrorBody>(ann, 'POST', '/api/rules/copy', { ids: [], symbols: [] });
      expect((empty.body.detail as { loc: string[] }[]).map((d) => d.loc.join('.')).sort()).toEqual(['body.ids', 'body.symbols']);
      expect((await as<AlertRule[]>(ann, 'GET', '/api/rules')).body.length).toBe(before);
    });
  });
});
