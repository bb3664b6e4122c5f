import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { IngestTicksResponse } from '@tradeassist/shared-types';
import { E2E_ADMIN } from './support/api';
import { realFailures } from './support/browser';
import { openConsole, SHOTS, type ConsoleSession } from './support/console';
import type { RunningServer } from './support/server';

/** The trader's first minutes: prices move, a rule is written in the console, a pushed tick fires it. */
describe('Console in a real browser against the started product', () => {
  let session: ConsoleSession;
  let server: RunningServer;
  let page: Page;
  let apiKey: string;
  let failedRequests: string[];

  beforeAll(async () => {
    session = await openConsole({ MARKET_FEED: 'simulated', FEED_TICK_INTERVAL_MS: '200' }, 900);
    ({ server, page, apiKey, failedRequests } = session);
  });

  afterAll(() => session?.close());

  it('asks for a sign-in, then shows live prices that move', async () => {
    await page.goto(server.baseUrl);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill(E2E_ADMIN.username);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();
    await page.getByTestId('login-password').fill(E2E_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('connection-state').filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });
    const price = page.getByTestId('watch-price-ES');
    await price.filter({ hasText: /\d/ }).waitFor({ timeout: 15_000 });
    const first = await price.innerText();
    // Resolves with the first new price the watchlist shows (the page function returns null until then).
    const changed = await page.waitForFunction(
      (before) => {
        const now = document.querySelector('[data-testid="watch-price-ES"]')?.textContent?.trim() ?? '';
        return now !== before && /\d/.test(now) ? now : null;
      },
      first.trim(),
      { timeout: 15_000 },
    );
    const next = (await changed.jsonValue()) as string;
    expect(next).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(next).not.toBe(first.trim());
    await page.screenshot({ path: join(SHOTS, 'dashboard.png') });
  });

  it('creates a rule in the console, then a pushed tick fires it as a toast', async () => {
    await page.goto(`${server.baseUrl}/rules`);
    await page.getByTestId('new-rule').click();
    await page.getByTestId('rule-instrument').click();
    await page.getByRole('option', { name: /^ES\b/ }).click();
    await page.getByTestId('rule-type').click();
    await page.getByRole('option', { name: /threshold/i }).click();
    await page.getByTestId('rule-condition').click();
    await page.getByRole('option', { name: /^above$/i }).click();
    await page.getByTestId('rule-threshold').fill('100000');
    await page.getByTestId('rule-name').fill('E2E moonshot');
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-row').filter({ hasText: 'E2E moonshot' }).waitFor({ timeout: 10_000 });

    await page.goto(server.baseUrl);
    await page.getByTestId('connection-state').filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });
    const res = await fetch(`${server.baseUrl}/api/market/ticks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ ticks: [{ symbol: 'ES', price: 100001.25, volume: 1 }] }),
    });
    expect((await res.json()) as IngestTicksResponse).toEqual({ accepted: 1, rejected: [], late: 0 });
    const toast = page.locator('.ngx-toastr', { hasText: 'ES is above 100000 at 100001.25' });
    await toast.waitFor({ timeout: 10_000 });
    await page.getByTestId('alert-entry').filter({ hasText: 'E2E moonshot' }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'alert-toast.png') });

    // The alert explains itself: the tick it fired on and the rule version, from the real API.
    await page.getByTestId('alert-entry').filter({ hasText: 'E2E moonshot' }).first().click();
    const explanation = page.getByTestId('alert-explanation');
    await explanation.waitFor({ timeout: 10_000 });
    expect(await explanation.textContent()).toContain('100,001.25 against 100,000.00');
    expect(await page.getByTestId('alert-rule-version').textContent()).toContain('E2E moonshot · version 1');
    // Material marks the dialog open once its opening animation has finished.
    await page.locator('.mat-mdc-dialog-container.mdc-dialog--open').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(SHOTS, 'alert-detail.png') });
    await page.keyboard.press('Escape');
    expect(realFailures(failedRequests)).toEqual([]);
  });

  it('counts the fired alert on the bell and lists it in the notification center, where it can be acknowledged', async () => {
    await page.locator('.mat-mdc-dialog-container').waitFor({ state: 'detached', timeout: 5_000 });
    // Opening the alert above marked nothing read (it was opened from the live feed), so the bell counts it.
    const count = page.getByTestId('notification-count');
    await count.waitFor({ timeout: 10_000 });
    expect(Number(await count.innerText())).toBeGreaterThanOrEqual(1);

    await page.getByTestId('notification-bell').click();
    const entry = page.getByTestId('notification-entry').filter({ hasText: 'E2E moonshot' }).first();
    await entry.waitFor({ timeout: 10_000 });
    expect(await entry.textContent()).toContain('ES is above 100000 at 100001.25');
    await entry.getByTestId('notification-acknowledge').click();
    await entry.getByTestId('notification-acknowledged').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'notification-center.png') });
    await page.keyboard.press('Escape');
    expect(realFailures(failedRequests)).toEqual([]);
  });
});
