const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|webhook[-_]?url|credential/i;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/-]+=*/gi;
// Our API keys and Slack tokens have recognisable shapes: mask them wherever they appear in text.
const TOKEN_SHAPES = /\b(ta_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}|xox[abprs]-[A-Za-z0-9-]{10,})/g;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)([^\s:/@]+):([^\s@/]+)@/gi;

export const REDACTED = '[REDACTED]';

export function redactText(text: string): string {
  return text.replace(BEARER, `$1${REDACTED}`).replace(TOKEN_SHAPES, REDACTED).replace(URL_CREDENTIALS, `$1$2:${REDACTED}@`);
}

/** Deep copy of a log payload with secret-looking fields and inline credentials masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error)
    return { name: value.name, message: redactText(value.message), stack: value.stack && redactText(value.stack) };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && v !== undefined && v !== null ? REDACTED : redact(v, depth + 1);
  }
  return out;
}
