import { redact, redactText, REDACTED } from './redact';

describe('redact', () => {
  it('masks secret-looking keys at any depth', () => {
    expect(redact({ user: 'ann', password: 'p', nested: { apiKey: 'k', list: [{ token: 't' }] } })).toEqual({
      user: 'ann',
      password: REDACTED,
      nested: { apiKey: REDACTED, list: [{ token: REDACTED }] },
    });
  });

  it('masks bearer tokens and URL credentials inside text', () => {
    expect(redactText('Authorization: Bearer abc.def-123')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('postgres://app:s3cret@db:5432/x')).toBe(`postgres://app:${REDACTED}@db:5432/x`);
  });

  it('masks API keys and Slack tokens by their shape', () => {
    const key = `ta_abcdefghijkl_${'x'.repeat(43)}`;
    expect(redactText(`key ${key} used`)).toBe(`key ${REDACTED} used`);
    expect(redactText('slack xoxb-1234567890-abcdef')).toBe(`slack ${REDACTED}`);
  });

  it('keeps errors readable without their secrets', () => {
    const out = redact(new Error('connect to postgres://u:pw@h failed')) as { message: string };
    expect(out.message).toBe(`connect to postgres://u:${REDACTED}@h failed`);
  });
});
