import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApiKey, E2E_ADMIN } from './api';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

/** Where browser tests leave their screenshots. */
export const SHOTS = join(__dirname, '..', '..', 'e2e-artifacts');

export interface ConsoleSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** An administrator's API key, for pushing ticks and rules around the browser. */
  apiKey: string;
  /** Every request the page saw fail (filter with realFailures). */
  failedRequests: string[];
  close(): Promise<void>;
}

/** The built product with the e2e administrator and these settings, and one browser page on a 1400 × height viewport. */
export async function openConsole(env: Record<string, string>, height = 1000): Promise<ConsoleSession> {
  mkdirSync(SHOTS, { recursive: true });
  const server = await startServer({ ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password, ...env });
  const apiKey = await createApiKey(server.baseUrl);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height } });
  const failedRequests: string[] = [];
  page.on('requestfailed', (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  return {
    server,
    browser,
    page,
    apiKey,
    failedRequests,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
