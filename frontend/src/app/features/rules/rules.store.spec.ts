import { TestBed } from '@angular/core/testing';
import { aRule } from '../../../testing/factories';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { RulesStore } from './rules.store';

describe('RulesStore across midnight UTC', () => {
  afterEach(() => jest.useRealTimers());

  it('starts every "fires today" again from zero at 00:00 UTC, and again the day after', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-01T23:59:58.000Z') });
    const { http } = configurePageTestBed('trader', [RulesStore]);
    const store = TestBed.inject(RulesStore);
    const loading = store.load();
    http.expectOne('/api/rules').flush([aRule({ id: 1, fires_today: 5 }), aRule({ id: 2, fires_today: 0 })]);
    http.expectOne('/api/instruments').flush([]);
    await loading;
    const counts = (): number[] => store.rules().map((r) => r.fires_today);
    expect(counts()).toEqual([5, 0]);

    jest.advanceTimersByTime(1000);
    expect(counts()).toEqual([5, 0]);
    jest.advanceTimersByTime(1000);
    expect(counts()).toEqual([0, 0]);

    // A day of firings, as a reload would show them.
    const reloading = store.load();
    http.expectOne('/api/rules').flush([aRule({ id: 1, fires_today: 3 }), aRule({ id: 2, fires_today: 3 })]);
    http.expectOne('/api/instruments').flush([]);
    await reloading;
    jest.advanceTimersByTime(86_400_000 - 1);
    expect(counts()).toEqual([3, 3]);
    jest.advanceTimersByTime(1);
    expect(counts()).toEqual([0, 0]);
  });
});
