import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserDto } from '@tradeassist/shared-types';
import { FakeServer } from './support/fake-server';
import { notifyHelpers } from './support/notify';
import { ADMIN, http, startTestApp, type TestApp } from './support/test-app';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'twilio-test-auth-token-0123';

/** A fake Twilio REST API: the Messages resource, basic auth, form-encoded, with scripted refusals. */
class FakeTwilio extends FakeServer {
  readonly messages: { auth: string | undefined; path: string; form: URLSearchParams }[] = [];
  refuse: { status: number; code: number; message: string } | null = null;

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    this.messages.push({ auth: req.headers.authorization, path: req.url ?? '', form: new URLSearchParams(raw) });
    const answer = this.refuse ?? null;
    res.writeHead(answer ? answer.status : 201, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        answer
          ? { code: answer.code, message: answer.message, status: answer.status }
          : { sid: `SM${this.messages.length}`, status: 'queued' },
      ),
    );
  }
}

describe('SMS channel: the Twilio Messages resource on a local fake (real app)', () => {
  let t: TestApp;
  const twilio = new FakeTwilio();
  const { fire, dispatchAll, deliveries } = notifyHelpers(() => t);

  beforeAll(async () => {
    t = await startTestApp({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_FROM: '+15005550006',
      TWILIO_API_URL: await twilio.start(),
      // The default SMS budget (10 a minute, one at a time) would make the second test wait.
      NOTIFY_RATE_LIMITS: 'sms=6000',
      NOTIFY_DISPATCH_INTERVAL_MS: '60000',
    });
  });

  it('takes a phone number in international form only', async () => {
    const admin = (await http<UserDto[]>(t.baseUrl, 'GET', '/api/users')).body.find((u) => u.username === ADMIN.username) as UserDto;
    const bad = await http(t.baseUrl, 'PUT', `/api/users/${admin.id}`, { phone: '555-0100' });
    expect(bad.status).toBe(422);
    expect((await http<UserDto>(t.baseUrl, 'PUT', `/api/users/${admin.id}`, { phone: '+14155550100' })).body.phone).toBe('+14155550100');
  });
  afterAll(async () => {
    await t.close();
    await twilio.close();
  });

  it('texts urgent alerts to the owner, 160 characters at most, and skips the others', async () => {
    const normal = await fire({ channels: ['sms'] });
    expect(await deliveries(normal)).toEqual([]);
    // Nothing to deliver beyond the console: not left 'pending' for ever.
    const stored = await http<{ delivery_status: string }>(t.baseUrl, 'GET', `/api/alerts/${normal}`);
    expect(stored.body.delivery_status).toBe('in_app_sent');
    const long = 'x'.repeat(200);
    const urgent = await fire({ channels: ['sms'], priority: 'urgent', message_template: `{{symbol}} ${long}` });
    await dispatchAll(1);
    expect(twilio.messages).toHaveLength(1);
    const [sms] = twilio.messages;
    expect(sms?.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(sms?.auth).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(sms?.form.get('To')).toBe('+14155550100');
    expect(sms?.form.get('From')).toBe('+15005550006');
    expect(sms?.form.get('Body')).toHaveLength(160);
    expect(sms?.form.get('Body')?.endsWith('…')).toBe(true);
    expect((await deliveries(urgent))[0]).toMatchObject({ channel: 'sms', status: 'sent' });
  });

  it("records Twilio's refusal and stops there", async () => {
    twilio.refuse = { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." };
    const alertId = await fire({ channels: ['sms'], priority: 'urgent' });
    await dispatchAll(1);
    expect((await deliveries(alertId))[0]).toMatchObject({
      status: 'dead',
      last_error: "Twilio refused the message: The 'To' number is not a valid phone number. (21211)",
    });
    expect(t.logs.some((l) => l.includes(TOKEN))).toBe(false);
    twilio.refuse = null;
  });
});
