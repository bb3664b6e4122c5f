import { chromium, type Browser, type Page } from 'playwright-core';
import { E2E_ADMIN } from './api';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's chromium, headless, with every background network feature off (the machine has no internet). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Requests that really failed: not the WebSocket (closed on purpose when pages change) and not the
 * ones the browser itself aborted because the page navigated while they were in flight.
 */
export function realFailures(failed: string[]): string[] {
  return failed.filter((r) => !r.includes('/ws/realtime') && !r.endsWith('net::ERR_ABORTED'));
}

/** Opens `path`, signs in as the e2e administrator on the login page it leads to, and waits for the live connection. */
export async function signIn(page: Page, baseUrl: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-username').fill(E2E_ADMIN.username);
  await page.getByTestId('login-password').fill(E2E_ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('connection-state').filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });
}
