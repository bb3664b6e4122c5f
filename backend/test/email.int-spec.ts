import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { UserDto } from '@tradeassist/shared-types';
import { notifyHelpers } from './support/notify';
import { ADMIN, http, startTestApp, type TestApp } from './support/test-app';

interface Mail {
  to: string[];
  raw: string;
}

/** A real SMTP server (smtp-server) on loopback, keeping every message it accepts; `refuse` makes it answer 451 to recipients. */
class Inbox {
  readonly mails: Mail[] = [];
  refuse = false;
  private server!: SMTPServer;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (!this.refuse) return callback();
        const error = new Error('try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('E-mail channel: nodemailer against real SMTP servers, with failover (real app)', () => {
  let t: TestApp;
  const primary = new Inbox();
  const secondary = new Inbox();
  const { fire, dispatchAll, deliveries } = notifyHelpers(() => t);

  beforeAll(async () => {
    t = await startTestApp({
      SMTP_URL: await primary.start(),
      SMTP_FALLBACK_URL: await secondary.start(),
      MAIL_FROM: 'TradeAssist <alerts@example.test>',
      CONSOLE_URL: 'http://localhost:3000',
      NOTIFY_DISPATCH_INTERVAL_MS: '60000',
    });
  });
  afterAll(async () => {
    await t.close();
    await primary.close();
    await secondary.close();
  });

  it('says so when the owner has no address, then mails the address set on the user', async () => {
    const first = await fire({ channels: ['email'], name: 'ES breakout' });
    await dispatchAll(1);
    expect((await deliveries(first))[0]).toMatchObject({ status: 'dead', last_error: 'user admin has no e-mail address' });

    const users = await http<UserDto[]>(t.baseUrl, 'GET', '/api/users');
    const admin = users.body.find((u) => u.username === ADMIN.username) as UserDto;
    const bad = await http(t.baseUrl, 'PUT', `/api/users/${admin.id}`, { email: 'not-an-address' });
    expect(bad.status).toBe(422);
    expect((await http<UserDto>(t.baseUrl, 'PUT', `/api/users/${admin.id}`, { email: 'Trader@Example.test' })).body.email).toBe(
      'trader@example.test',
    );

    const alertId = await fire({ channels: ['email'], name: 'ES breakout', priority: 'high' });
    await dispatchAll(1);
    expect(primary.mails).toHaveLength(1);
    const [mail] = primary.mails;
    expect(mail?.to).toEqual(['trader@example.test']);
    expect(mail?.raw).toContain('Subject: [TradeAssist] ES: ES is above 6000 at 6001.5');
    expect(mail?.raw).toContain(`Message-ID: <alert-${alertId}-email-1@tradeassist>`);
    expect(mail?.raw).toMatch(/List-Unsubscribe: <http:\/\/localhost:3000\/settings\/notifications>/);
    expect(mail?.raw).toContain('Content-Type: text/plain');
    expect(mail?.raw).toContain('Content-Type: text/html');
    expect(mail?.raw).toContain('Priority: high');
    expect((await deliveries(alertId))[0]).toMatchObject({ status: 'sent', last_error: null });
  });

  it('fails over to the secondary server when the primary refuses, and sends once', async () => {
    primary.refuse = true;
    const before = { primary: primary.mails.length, secondary: secondary.mails.length };
    const alertId = await fire({ channels: ['email'] });
    await dispatchAll(1);
    expect(primary.mails.length - before.primary).toBe(0);
    expect(secondary.mails.length - before.secondary).toBe(1);
    const [row] = await deliveries(alertId);
    expect(row?.status).toBe('sent');
    expect(row?.history[0]?.error).toBe('sent by the secondary server after: primary answered 451');
    primary.refuse = false;
  });

  it('retries later when both servers refuse for now', async () => {
    primary.refuse = true;
    secondary.refuse = true;
    const alertId = await fire({ channels: ['email'] });
    await dispatchAll(1);
    const [row] = await deliveries(alertId);
    expect(row).toMatchObject({ status: 'pending', last_error: 'e-mail not sent: primary answered 451; secondary answered 451' });
    primary.refuse = secondary.refuse = false;
    await dispatchAll(2);
    expect((await deliveries(alertId))[0]?.status).toBe('sent');
  });
});
