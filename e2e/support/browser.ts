import { chromium, type Browser } from 'playwright-core';

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
