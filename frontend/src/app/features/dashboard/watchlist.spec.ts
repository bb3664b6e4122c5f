import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';
import { anInstrument } from '../../../testing/factories';
import type { Quote } from '../../core/realtime/quote-book';
import type { WatchRow } from './dashboard.store';
import { Watchlist } from './watchlist';

const quote = (over: Partial<Quote> = {}): Quote => ({
  price: 6012.5,
  bid: 6012.25,
  ask: 6012.75,
  first: 6000,
  history: [6000, 6012.5],
  direction: 'up',
  seq: 1,
  timestamp: '2026-11-22T14:30:00.000Z',
  ...over,
});

describe('Watchlist', () => {
  let fixture: ComponentFixture<Watchlist>;

  async function render(rows: WatchRow[]): Promise<HTMLElement> {
    fixture.componentRef.setInput('rows', rows);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideCharts(withDefaultRegisterables())] });
    // Chart.js needs a 2D context jsdom does not have; the chart itself is not under test here.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fixture = TestBed.createComponent(Watchlist);
  });

  afterEach(() => jest.restoreAllMocks());

  it('shows symbol, price, session change, bid/ask and a sparkline per row', async () => {
    const el = await render([
      { instrument: anInstrument(), quote: quote(), change: 12.5, changePct: 0.2083 },
      {
        instrument: anInstrument({ id: 2, symbol: 'TICK', name: 'NYSE TICK', type: 'internal' }),
        quote: null,
        change: null,
        changePct: null,
      },
    ]);
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
    const cells = await table.getCellTextByColumnName();
    expect(cells['symbol']?.text).toEqual(['ESE-mini S&P 500', 'TICKNYSE TICK']);
    expect(cells['price']?.text).toEqual(['6,012.50', '—']);
    expect(cells['change']?.text).toEqual(['+12.50 (+0.21%)', '—']);
    expect(cells['bidask']?.text).toEqual(['6,012.25 / 6,012.75', '—']);
    expect(el.querySelector('[data-testid="watch-row-ES"] canvas')).not.toBeNull();
    expect(el.querySelector('[data-testid="watch-row-TICK"] canvas')).toBeNull();
    expect(el.querySelector('[data-testid="watch-price-ES"]')?.textContent?.trim()).toBe('6,012.50');
  });

  it('leaves out the percent for internals, which oscillate around zero', async () => {
    const el = await render([
      {
        instrument: anInstrument({ symbol: 'ADD', type: 'internal' }),
        quote: quote({ price: -150, first: 100 }),
        change: -250,
        changePct: -250,
      },
    ]);
    const change = el.querySelector('[data-testid="watch-row-ADD"] .mat-column-change');
    expect(change?.textContent?.trim()).toBe('-250.00');
    expect(change?.classList).toContain('down');
  });

  it('flashes in the direction of the move and restarts the flash on the next change, on the same element', async () => {
    const row = (q: Quote): WatchRow => ({ instrument: anInstrument(), quote: q, change: q.price - q.first, changePct: 0 });
    const el = await render([row(quote({ direction: 'up', seq: 1 }))]);
    const price = el.querySelector('[data-testid="watch-price-ES"]');
    expect(price?.className).toBe('price flash-up-1');
    await render([row(quote({ price: 6011, direction: 'down', seq: 2 }))]);
    expect(el.querySelector('[data-testid="watch-price-ES"]')).toBe(price);
    expect(price?.className).toBe('price flash-down-0');
    expect(price?.textContent?.trim()).toBe('6,011.00');
  });
});
