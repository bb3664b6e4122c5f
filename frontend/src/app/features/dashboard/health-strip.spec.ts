import { TestBed } from '@angular/core/testing';
import { aHealth } from '../../../testing/factories';
import { HealthStrip } from './health-strip';

describe('HealthStrip', () => {
  async function render(health: ReturnType<typeof aHealth> | null, stale = false): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(HealthStrip);
    fixture.componentRef.setInput('health', health);
    fixture.componentRef.setInput('stale', stale);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('states status, feed, counts and last alert', async () => {
    const el = await render(aHealth({ last_tick: '2026-11-20T09:15:00.000Z', last_alert: null, active_instruments: 12, total_rules: 3 }));
    const text = el.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('System healthy');
    expect(text).toContain('Feed active · last tick 2026-11-20 09:15:00 UTC');
    expect(text).toContain('12 active instruments');
    expect(text).toContain('3 rules');
    expect(text).toContain('Last alert —');
    expect(text).not.toContain('Last known');
  });

  it('flags a stalled feed, a degraded system and a report that may be out of date', async () => {
    const el = await render(aHealth({ status: 'degraded', ingestion_active: false }), true);
    expect(el.querySelector('.degraded')?.textContent).toContain('System degraded');
    expect(el.querySelector('.stalled')?.textContent).toContain('Feed stalled');
    expect(el.querySelector('[data-testid="health-strip"]')?.classList).toContain('stale');
    expect(el.textContent).toContain('Last known:');
  });

  it('counts in the singular too', async () => {
    const el = await render(aHealth({ active_instruments: 1, total_rules: 1 }));
    const items = Array.from(el.querySelectorAll('.item'), (i) => i.textContent?.trim());
    expect(items).toContain('1 active instrument');
    expect(items).toContain('1 rule');
  });

  it('renders nothing before the first report', async () => {
    expect((await render(null)).querySelector('[data-testid="health-strip"]')).toBeNull();
  });
});
