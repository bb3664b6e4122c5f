import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { realFailures, signIn } from './support/browser';
import { openConsole, SHOTS, type ConsoleSession } from './support/console';
import type { RunningServer } from './support/server';
import { pushTicks, risingMinuteTicks } from './support/ticks';

/** A trader writes a rule from a template, backtests it on stored history, saves it, and it fires live. */
describe('Rule studio in a real browser against the started product', () => {
  let session: ConsoleSession;
  let server: RunningServer;
  let page: Page;
  let apiKey: string;
  let failedRequests: string[];

  beforeAll(async () => {
    // No feed: the only ES ticks are the ones this test stores, so RSI sees exactly a rising series.
    session = await openConsole({ MARKET_FEED: 'none' });
    ({ server, page, apiKey, failedRequests } = session);
    // History: 40 one-minute bars of a steady rise, ending 21 minutes ago.
    const history = await pushTicks(server.baseUrl, apiKey, risingMinuteTicks('ES', 40, 60, 6000));
    if (history.accepted !== 40) throw new Error(`history not stored: ${JSON.stringify(history)}`);
  });

  afterAll(() => session?.close());

  it('signs in and opens a new rule', async () => {
    await signIn(page, server.baseUrl, '/rules');
    await page.goto(`${server.baseUrl}/rules`);
    await page.getByTestId('new-rule').click();
    expect(await page.getByTestId('backtest-run').isDisabled()).toBe(true);
  });

  it('starts from the "RSI overbought" template and backtests it on the stored rise', async () => {
    await page.getByTestId('rule-template').click();
    await page.getByRole('option', { name: /^RSI overbought/ }).click();
    expect(await page.getByTestId('rule-name').inputValue()).toBe('RSI(14) overbought');
    expect(await page.getByTestId('rule-subject-kind').textContent()).toContain('RSI');
    expect(await page.getByTestId('rule-subject-period').inputValue()).toBe('14');
    await page.getByTestId('rule-instrument').click();
    await page.getByRole('option', { name: /^ES\b/ }).click();
    // The live preview draws the stored rise with its RSI once the form settles.
    await page.getByTestId('rule-preview').locator('canvas').waitFor({ timeout: 10_000 });

    await page.getByTestId('backtest-run').click();
    const total = page.getByTestId('backtest-total');
    await total.waitFor({ timeout: 20_000 });
    expect(Number((await total.innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
    await page.getByTestId('backtest-chart').waitFor();
    expect(await page.getByTestId('backtest-per-day').innerText()).toMatch(/\d{4}-\d{2}-\d{2}\s+\d+/);
    await page.locator('ta-backtest-panel').screenshot({ path: join(SHOTS, 'rule-studio-backtest.png') });
  });

  it('saves the rule, and a live rise fires it as a toast', async () => {
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-row').filter({ hasText: 'RSI(14) overbought' }).waitFor({ timeout: 10_000 });

    // The rise goes on after the stored history: 20 more bars, the last one this minute.
    const live = await pushTicks(server.baseUrl, apiKey, risingMinuteTicks('ES', 20, 19, 6040));
    expect(live).toEqual({ accepted: 20, rejected: [], late: 0 });
    const toast = page.locator('.ngx-toastr', { hasText: /ES RSI\(14\) is [\d.]+, above 70/ });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toContain('RSI(14) overbought');
    // ngx-toastr fades in; the screenshot is for people, so let it finish.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'rule-studio-toast.png') });
    expect(realFailures(failedRequests)).toEqual([]);
  });

  it('shows who created the rule in its history', async () => {
    await page.getByTestId('rule-row').filter({ hasText: 'RSI(14) overbought' }).getByTestId('rule-edit').click();
    await page.getByTestId('rule-versions').getByText('History').click();
    const first = page.getByTestId('rule-version').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.innerText()).toMatch(/^v1 created by admin · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    await page.getByTestId('rule-cancel').click();
  });

  it('duplicates the rule onto another instrument, every setting kept', async () => {
    await page.getByTestId('rule-row').filter({ hasText: 'RSI(14) overbought' }).getByTestId('rule-duplicate').click();
    expect(await page.getByTestId('rule-name').inputValue()).toBe('RSI(14) overbought (copy)');
    await page.getByTestId('rule-instrument').click();
    await page.getByRole('option', { name: /^NQ\b/ }).click();
    await page.getByTestId('rule-name').fill('NQ RSI(14) overbought');
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-row').filter({ hasText: 'NQ RSI(14) overbought' }).waitFor({ timeout: 10_000 });

    const res = await fetch(`${server.baseUrl}/api/rules`, { headers: { 'x-api-key': apiKey }, signal: AbortSignal.timeout(10_000) });
    const rules = (await res.json()) as Record<string, unknown>[];
    const original = rules.find((r) => r['name'] === 'RSI(14) overbought');
    const copy = rules.find((r) => r['name'] === 'NQ RSI(14) overbought');
    expect(copy?.['instrument_symbol']).toBe('NQ');
    expect(copy?.['version']).toBe(1);
    expect(original?.['instrument_symbol']).toBe('ES');
    // Everything but who and what it is, and its own history, is the original's.
    const own = new Set([
      'id',
      'name',
      'instrument_id',
      'instrument_symbol',
      'version',
      'created_at',
      'updated_at',
      'last_triggered',
      'fires_today',
    ]);
    const settings = (r: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([k]) => !own.has(k)));
    expect(settings(copy)).toEqual(settings(original));
    expect(settings(copy)['subject']).toEqual({ kind: 'rsi', period: 14 });
    expect(realFailures(failedRequests)).toEqual([]);
  });

  it('builds a rule step by step with the guided wizard', async () => {
    await page.getByTestId('guided-rule').click();
    await page.getByTestId('wizard-template-builtin:rsi-oversold').getByText('RSI oversold', { exact: true }).click();
    await page.getByTestId('wizard-next-1').click();
    await page.getByTestId('wizard-instrument').click();
    await page.getByRole('option', { name: /^ES\b/ }).click();
    await page.getByTestId('wizard-threshold').fill('35');
    await page.getByTestId('wizard-next-2').click();
    // The check step draws the rule over the stored bars, as the editor does.
    await page.getByTestId('rule-preview').locator('canvas').waitFor({ timeout: 10_000 });
    await page.getByTestId('wizard-next-3').click();
    await page.getByTestId('wizard-name').fill('ES RSI(14) below 35, guided');
    await page.getByTestId('wizard-save').click();
    const row = page.getByTestId('rule-row').filter({ hasText: 'ES RSI(14) below 35, guided' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain('RSI(14) 35');
    expect(realFailures(failedRequests)).toEqual([]);
  });

  it('copies a rule onto other instruments from the selection, the symbol in its name following', async () => {
    await page.getByTestId('rule-row').filter({ hasText: 'ES RSI(14) below 35, guided' }).getByTestId('rule-select').click();
    await page.getByTestId('bulk-copy').click();
    await page.getByTestId('copy-to-YM').click();
    await page.getByTestId('copy-to-NQ').click();
    expect(await page.getByTestId('copy-ok').innerText()).toBe('Create 2 rules');
    await page.getByTestId('copy-ok').click();
    await page.getByTestId('import-result').filter({ hasText: 'Copied: created 2 rules.' }).waitFor({ timeout: 10_000 });
    for (const symbol of ['YM', 'NQ']) {
      const row = page.getByTestId('rule-row').filter({ hasText: `${symbol} RSI(14) below 35, guided` });
      expect(await row.innerText()).toContain('RSI(14) 35');
    }
    await page.screenshot({ path: join(SHOTS, 'rule-studio-copied.png'), fullPage: true });
    expect(realFailures(failedRequests)).toEqual([]);
  });
});
