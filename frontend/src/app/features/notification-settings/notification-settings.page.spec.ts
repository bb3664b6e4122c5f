import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import type { NotificationPreferences } from '@tradeassist/shared-types';
import { anErrorBody, somePreferences } from '../../../testing/factories';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { NotificationPreferencesStore } from '../../core/notifications/notification-preferences';
import { AlertSound, MUTE_STORAGE_KEY } from '../../core/realtime/alert-sound';
import { NotificationSettingsPage } from './notification-settings.page';

const URL = '/api/me/notification-preferences';
const saved = somePreferences({
  default_channels: ['in_app', 'slack'],
  channels: {
    in_app: { mode: 'silent', min_priority: 'low' },
    slack: { mode: 'on', min_priority: 'high', digest_minutes: 15 },
  },
  quiet_hours: { start: '22:00', end: '07:00', timezone: 'Europe/London' },
});

describe('NotificationSettingsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<NotificationSettingsPage>;
  let loader: HarnessLoader;
  let host: HTMLElement;

  const by = (testid: string): string => `[data-testid="${testid}"]`;
  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const mode = (channel: string) => loader.getHarness(MatButtonToggleGroupHarness.with({ selector: by(`pref-mode-${channel}`) }));
  const checkedMode = async (channel: string): Promise<string[]> => {
    const toggles = await (await mode(channel)).getToggles();
    const checked = await Promise.all(toggles.map(async (t) => ((await t.isChecked()) ? await t.getText() : null)));
    return checked.filter((t): t is string => t !== null);
  };
  const select = (testid: string) => loader.getHarness(MatSelectHarness.with({ selector: by(testid) }));
  const input = (testid: string) => loader.getHarness(MatInputHarness.with({ selector: by(testid) }));
  const save = async (): Promise<void> => (await loader.getHarness(MatButtonHarness.with({ selector: by('pref-save') }))).click();

  beforeEach(async () => {
    localStorage.clear();
    ({ http } = configurePageTestBed('viewer'));
    fixture = TestBed.createComponent(NotificationSettingsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: URL }).flush(saved);
    await settle();
  });

  afterEach(() => http.verify());

  it('shows the saved settings: defaults, each channel’s mode, minimum and digest, and the quiet hours', async () => {
    expect(await (await select('pref-default-channels')).getValueText()).toBe('In app, Slack');
    expect(await checkedMode('in_app')).toEqual(['Silent']);
    expect(await checkedMode('slack')).toEqual(['On']);
    // Not listed: on for every priority, each alert on its own.
    expect(await checkedMode('email')).toEqual(['On']);
    expect(await (await select('pref-priority-email')).getValueText()).toBe('low (all alerts)');
    expect(await (await select('pref-priority-slack')).getValueText()).toBe('high and above');
    expect(await (await select('pref-digest-slack')).getValueText()).toBe('15-minute digest');
    // A tone cannot be silent, and the console's own channels have no digest.
    expect(await Promise.all((await (await mode('sound')).getToggles()).map((t) => t.getText()))).toEqual(['On', 'Off']);
    expect(host.querySelector(by('pref-digest-in_app'))).toBeNull();
    expect(await (await loader.getHarness(MatSlideToggleHarness.with({ selector: by('quiet-enabled') }))).isChecked()).toBe(true);
    expect(await (await input('quiet-start')).getValue()).toBe('22:00');
    expect(await (await input('quiet-timezone')).getValue()).toBe('Europe/London');
    expect(host.querySelector(by('pref-mode-hint'))?.textContent).toContain('no toast and no tone');
  });

  it('saves what was changed, sends only channels that differ from the default, and keeps the server’s answer', async () => {
    await (await mode('slack')).getToggles({ text: 'Off' }).then(([off]) => off!.check());
    await (await mode('in_app')).getToggles({ text: 'On' }).then(([on]) => on!.check());
    await (await select('pref-digest-email')).clickOptions({ text: '5-minute digest' });
    await (await select('pref-priority-sms')).clickOptions({ text: 'urgent and above' });
    await (await input('quiet-start')).setValue('23:30');
    await save();

    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body).toEqual({
      default_channels: ['in_app', 'slack'],
      channels: {
        slack: { mode: 'off', min_priority: 'high', digest_minutes: 15 },
        email: { mode: 'on', min_priority: 'low', digest_minutes: 5 },
        sms: { mode: 'on', min_priority: 'urgent' },
      },
      quiet_hours: { start: '23:30', end: '07:00', timezone: 'Europe/London' },
    });
    put.flush(put.request.body as NotificationPreferences);
    await settle();
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Saved.');
    // The session's copy follows at once: toasts are back for in_app.
    expect(TestBed.inject(NotificationPreferencesStore).alerts('in_app', 'low')).toBe(true);
  });

  it('sends null quiet hours once they are switched off', async () => {
    await (await loader.getHarness(MatSlideToggleHarness.with({ selector: by('quiet-enabled') }))).uncheck();
    expect(host.querySelector(by('quiet-start'))).toBeNull();
    await save();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect((put.request.body as { quiet_hours: unknown }).quiet_hours).toBeNull();
    put.flush({ ...saved, quiet_hours: null });
    await settle();
  });

  it('shows the server’s refusal on the fields it names', async () => {
    await save();
    http.expectOne({ method: 'PUT', url: URL }).flush(
      anErrorBody({
        status_code: 422,
        code: 'VALIDATION_ERROR',
        message: 'Request validation failed',
        detail: [
          { loc: ['body', 'quiet_hours', 'timezone'], msg: 'must be an IANA timezone such as Europe/London', type: 'value' },
          { loc: ['body', 'channels', 'slack', 'min_priority'], msg: 'must be one of: low, normal, high, urgent', type: 'value' },
        ],
      }),
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(host.querySelector(by('pref-save-error'))?.textContent).toContain('Request validation failed');
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    const errors = (await Promise.all(fields.map((f) => f.getTextErrors()))).flat();
    expect(errors).toEqual(['must be one of: low, normal, high, urgent', 'must be an IANA timezone such as Europe/London']);
    expect(host.querySelector('[role="status"]')).toBeNull();
  });

  it('uses the preferences the console already holds instead of asking again', async () => {
    const again = TestBed.createComponent(NotificationSettingsPage);
    await again.whenStable();
    http.expectNone(URL);
    expect(TestBed.inject(NotificationPreferencesStore).preferences()).toEqual(saved);
    // The form (shown only once a draft exists) is there at once, from the held preferences.
    expect((again.nativeElement as HTMLElement).querySelector(by('pref-save'))).not.toBeNull();
  });

  it('mutes this browser’s tones and plays each priority’s tone on request', async () => {
    const sound = TestBed.inject(AlertSound);
    const toggle = await loader.getHarness(MatSlideToggleHarness.with({ selector: by('sound-muted') }));
    await toggle.check();
    expect(sound.muted()).toBe(true);
    expect(localStorage.getItem(MUTE_STORAGE_KEY)).toBe('true');

    const preview = jest.spyOn(sound, 'preview').mockReturnValue(true);
    await (await loader.getHarness(MatButtonHarness.with({ selector: by('play-urgent') }))).click();
    expect(preview).toHaveBeenCalledWith('urgent');
    expect(host.textContent).not.toContain('cannot play sounds');
    preview.mockReturnValue(false);
    await (await loader.getHarness(MatButtonHarness.with({ selector: by('play-low') }))).click();
    expect(preview).toHaveBeenLastCalledWith('low');
    expect(host.textContent).toContain('This browser cannot play sounds');
  });
});
