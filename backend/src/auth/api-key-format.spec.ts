import { apiKeyMatches, issueApiKey, parseApiKey } from './api-key-format';

describe('API key format', () => {
  it('issues keys that parse to their prefix and match only their own hash', () => {
    const a = issueApiKey();
    const b = issueApiKey();
    expect(a.plaintext).toMatch(/^ta_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(a.plaintext)).toEqual({ prefix: a.prefix });
    expect(apiKeyMatches(a.plaintext, a.hash)).toBe(true);
    expect(apiKeyMatches(b.plaintext, a.hash)).toBe(false);
    expect(a.hash).not.toContain(a.plaintext.slice(16));
  });

  it('refuses anything of another shape', () => {
    expect(parseApiKey('ta_short_x')).toBeNull();
    expect(parseApiKey('Bearer abc')).toBeNull();
  });
});
