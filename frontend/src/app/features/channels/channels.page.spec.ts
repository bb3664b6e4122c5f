import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import type { ChannelSettings } from '@tradeassist/shared-types';
import { anErrorBody, someChannelSettings } from '../../../testing/factories';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { ChannelsPage } from './channels.page';
import { TEMPLATE_PREVIEW_DEBOUNCE_MS } from './channels.store';

const webhook = someChannelSettings();
const slack = someChannelSettings({
  channel: 'slack',
  unavailable: 'SLACK_BOT_TOKEN is not set',
  fields: [
    {
      key: 'token',
      label: 'Bot token',
      description: 'Slack bot token.',
      env: 'SLACK_BOT_TOKEN',
      secret: true,
      editable: false,
      value: null,
      set: false,
    },
    {
      key: 'channel',
      label: 'Channel',
      description: 'Where alerts are posted.',
      env: 'SLACK_CHANNEL',
      secret: false,
      editable: true,
      value: null,
      set: false,
    },
  ],
  headers: null,
  template: '{{symbol}}: {{value}}',
  default_template: '{{symbol}} crossed {{threshold}}',
});
const refusal = (message: string) =>
  anErrorBody({
    status_code: 422,
    code: 'VALIDATION_ERROR',
    message: 'Request validation failed',
    detail: [{ loc: ['body', 'template'], msg: message, type: 'template' }],
  });
const UNPROCESSABLE = { status: 422, statusText: 'Unprocessable Entity' };

describe('ChannelsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ChannelsPage>;
  let loader: HarnessLoader;
  let host: HTMLElement;

  /** Two timer turns: an answer's continuation may start the preview's debounce timer after this one's. */
  const settle = async (ms = 0): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const card = (channel: string): Promise<HarnessLoader> => loader.getChildLoader(`[data-testid="channel-${channel}"]`);
  const cardOf = (channel: string): HTMLElement => host.querySelector(`[data-testid="channel-${channel}"]`)!;
  /** What a part of a card reads, piece by piece, without its icons' ligature names. */
  const text = (channel: string, testid: string): string => {
    const element = cardOf(channel).querySelector(`[data-testid="${testid}"]`);
    if (!element) return '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const pieces: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('mat-icon')) pieces.push(node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    }
    return pieces.filter(Boolean).join(' ');
  };
  const input = async (channel: string, testid: string) =>
    (await card(channel)).getHarness(MatInputHarness.with({ selector: `[data-testid="${testid}"]` }));
  const button = async (channel: string, testid: string) =>
    (await card(channel)).getHarness(MatButtonHarness.with({ selector: `[data-testid="${testid}"]` }));
  const expectPreview = (channel: string, template: string) => {
    const req = http.expectOne({ method: 'POST', url: `/api/notifications/channels/${channel}/preview` });
    expect(req.request.body).toEqual({ template });
    return req;
  };

  async function open(list: ChannelSettings[] = [webhook, slack], debounceMs = 0): Promise<void> {
    ({ http } = configurePageTestBed('admin', [{ provide: TEMPLATE_PREVIEW_DEBOUNCE_MS, useValue: debounceMs }]));
    fixture = TestBed.createComponent(ChannelsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/notifications/channels' }).flush(list);
    // The debounce timer starts when the answer's continuation runs, after this wait's own timer: a margin past it.
    await settle(debounceMs > 0 ? debounceMs + 40 : 0);
    // Each card opens with its template (or the built-in one) rendered.
    for (const c of list) expectPreview(c.channel, c.template ?? c.default_template).flush({ text: `${c.channel} sample` });
    await settle();
  }

  afterEach(() => http.verify());

  it('shows each channel: its state, secrets only as set or not set with their variable, editable fields, headers and templates', async () => {
    await open();
    expect(text('webhook', 'field-secret')).toBe('Signing secret set WEBHOOK_SECRET');
    expect(await (await input('webhook', 'field-url')).getValue()).toBe('https://hooks.example.com/ta');
    expect(await (await input('webhook', 'header-name-0')).getValue()).toBe('X-Team');
    expect(await (await input('webhook', 'header-value-0')).getValue()).toBe('desk');
    expect(text('webhook', 'template-default')).toBe('{{symbol}} {{condition}} {{threshold}} at {{value}}');
    expect(text('webhook', 'template-preview')).toBe('webhook sample');
    expect(cardOf('webhook').querySelector('[data-testid="channel-unavailable"]')).toBeNull();

    expect(text('slack', 'channel-unavailable')).toBe('SLACK_BOT_TOKEN is not set');
    expect(text('slack', 'field-token')).toBe('Bot token not set SLACK_BOT_TOKEN');
    expect(cardOf('slack').querySelector('[data-testid="headers"]')).toBeNull();
    expect(await (await input('slack', 'template')).getValue()).toBe('{{symbol}}: {{value}}');
    expect(await (await button('slack', 'channel-save')).isDisabled()).toBe(true);
  });

  it('saves only what changed, and starts again from the server’s answer', async () => {
    await open();
    await (await (await card('webhook')).getHarness(MatSlideToggleHarness)).uncheck();
    await (await input('webhook', 'field-url')).setValue('https://hooks.example.com/desk');
    await (await button('webhook', 'header-add')).click();
    await (await input('webhook', 'header-name-1')).setValue('Authorization');
    await (await input('webhook', 'header-value-1')).setValue('Bearer abc');
    cardOf('webhook').querySelector<HTMLElement>('[data-testid="variable-priority"]')?.click();
    await settle();
    expectPreview('webhook', '{{priority}}').flush({ text: 'high' });

    await (await button('webhook', 'channel-save')).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/notifications/channels/webhook' });
    expect(put.request.body).toEqual({
      enabled: false,
      values: { url: 'https://hooks.example.com/desk' },
      headers: { 'X-Team': 'desk', Authorization: 'Bearer abc' },
      template: '{{priority}}',
    });
    put.flush(
      someChannelSettings({ enabled: false, headers: { 'X-Team': 'desk', Authorization: 'Bearer abc' }, template: '{{priority}}' }),
    );
    await settle();
    expect(text('webhook', 'channel-result')).toBe('Saved.');
    expect(await (await button('webhook', 'channel-save')).isDisabled()).toBe(true);
    expect(cardOf('webhook').textContent).toContain('Disabled: its notifications go to the dead-letter list');
  });

  it('sends a blank template as null (the built-in one), an emptied field as "" (the environment’s value), and no field put back as it was', async () => {
    await open();
    await (await input('slack', 'template')).setValue('');
    await settle();
    expectPreview('slack', '{{symbol}} crossed {{threshold}}').flush({ text: 'ES crossed 6100' });
    await (await input('slack', 'field-channel')).setValue('#desk');
    await (await input('slack', 'field-channel')).setValue('');
    await (await button('slack', 'channel-save')).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/notifications/channels/slack' });
    expect(put.request.body).toEqual({ template: null });
    put.flush({ ...slack, template: null });

    await (await input('webhook', 'field-url')).setValue('');
    await (await button('webhook', 'channel-save')).click();
    const cleared = http.expectOne({ method: 'PUT', url: '/api/notifications/channels/webhook' });
    expect(cleared.request.body).toEqual({ values: { url: '' } });
    cleared.flush(webhook);
    await settle();
  });

  it('shows the server’s refusal of a template under the template, and keeps the draft', async () => {
    await open();
    await (await input('webhook', 'template')).setValue('{{nope}}');
    await settle();
    expectPreview('webhook', '{{nope}}').flush(refusal('unknown variable "nope"'), UNPROCESSABLE);
    await settle();
    expect(text('webhook', 'template-preview-error')).toBe('unknown variable "nope"');

    await (await button('webhook', 'channel-save')).click();
    http
      .expectOne({ method: 'PUT', url: '/api/notifications/channels/webhook' })
      .flush(refusal('unknown variable "nope" (use one of: symbol, condition, threshold, value, priority, rule)'), UNPROCESSABLE);
    await settle();
    const field = await (await card('webhook')).getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Message template' }));
    expect(await field.getTextErrors()).toEqual([
      'unknown variable "nope" (use one of: symbol, condition, threshold, value, priority, rule)',
    ]);
    expect(text('webhook', 'channel-result')).toContain('Request validation failed');
    expect(await (await input('webhook', 'template')).getValue()).toBe('{{nope}}');
  });

  it('renders the template once typing pauses, and only the last one typed', async () => {
    await open([slack], 60);
    await (await input('slack', 'template')).setValue('{{rule}}');
    http.expectNone('/api/notifications/channels/slack/preview');
    await settle(100);
    expectPreview('slack', '{{rule}}').flush({ text: 'ES breakout' });
    await settle();
    expect(text('slack', 'template-preview')).toBe('ES breakout');
  });

  it('sends a test and shows the provider’s answer, or why the request failed', async () => {
    await open();
    await (await button('slack', 'channel-test')).click();
    expect(text('slack', 'channel-result')).toBe('Sending a sample alert to you…');
    const test = http.expectOne({ method: 'POST', url: '/api/notifications/test' });
    expect(test.request.body).toEqual({ channel: 'slack' });
    test.flush({ channel: 'slack', ok: false, status_code: null, error: 'SLACK_BOT_TOKEN is not set' });
    await settle();
    expect(text('slack', 'channel-test-result')).toBe('Failed · no answer · SLACK_BOT_TOKEN is not set');

    await (await button('webhook', 'channel-test')).click();
    http.expectOne('/api/notifications/test').flush({ channel: 'webhook', ok: true, status_code: 204, error: null });
    await settle();
    expect(text('webhook', 'channel-test-result')).toBe('Delivered · HTTP 204');

    await (await button('webhook', 'channel-test')).click();
    http
      .expectOne('/api/notifications/test')
      .flush(anErrorBody({ status_code: 403, code: 'FORBIDDEN', message: 'Requires the admin role' }), {
        status: 403,
        statusText: 'Forbidden',
      });
    await settle();
    expect(text('webhook', 'channel-test-result')).toBe('Requires the admin role');
  });
});
