import type { SendResult } from './channel-sender';

/**
 * One JSON POST with a timeout and no redirects, its answer classified for the outbox: 2xx sent;
 * 408, 429 and 5xx retried (after Retry-After, header or JSON body, when given); other 4xx final.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
  name: string,
): Promise<SendResult & { json: unknown }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: the status says enough.
    }
    if (res.ok) return { ok: true, statusCode: res.status, error: null, json };
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    const retryAfter = retryAfterSeconds(res.headers.get('retry-after'), json);
    return {
      ok: false,
      statusCode: res.status,
      error: `${name} answered ${res.status}`,
      permanent: !retryable,
      json,
      ...(retryAfter > 0 && { retryAfterMs: retryAfter * 1000 }),
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      statusCode: null,
      error: timedOut ? `no answer from ${name} within ${timeoutMs} ms` : `could not reach ${name}`,
      json: null,
    };
  }
}

/** Retry-After in seconds: the header, or the body's retry_after (Discord) / parameters.retry_after (Telegram). */
function retryAfterSeconds(header: string | null, json: unknown): number {
  const fromHeader = Number(header);
  if (Number.isFinite(fromHeader) && fromHeader > 0) return fromHeader;
  const j = json as { retry_after?: unknown; parameters?: { retry_after?: unknown } } | null;
  const fromBody = Number(j?.retry_after ?? j?.parameters?.retry_after);
  return Number.isFinite(fromBody) && fromBody > 0 ? fromBody : 0;
}
