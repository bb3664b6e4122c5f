export const E2E_ADMIN = { username: 'admin', password: 'e2e-admin-password-1' } as const;

/** Signs in like a browser and creates an API key for the test's own calls to the API. */
export async function createApiKey(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
    signal: AbortSignal.timeout(10_000),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookies = Object.fromEntries(login.headers.getSetCookie().map((c) => (c.split(';')[0] ?? '').split('=') as [string, string]));
  const res = await fetch(`${baseUrl}/api/api-keys`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      'x-csrf-token': cookies['ta_csrf'] ?? '',
    },
    body: JSON.stringify({ name: 'e2e' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { key?: string };
  if (!body.key) throw new Error(`API key creation failed: ${res.status}`);
  return body.key;
}
