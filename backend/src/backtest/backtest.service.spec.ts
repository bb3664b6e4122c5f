import { DEFAULT_RULE_OPTIONS, type RuleFields } from '@tradeassist/shared-types';
import type { Principal } from '../access';
import type { InstrumentsService, TickCursor, TickHistory } from '../market';
import type { RulesService } from '../rules';
import { BacktestService } from './backtest.service';
import type { BacktestRequestDto } from './dto/backtest.dto';

const FIELDS: RuleFields = {
  instrument_id: 1,
  rule_type: 'threshold',
  condition: 'above',
  threshold: 100,
  active: true,
  name: null,
  description: null,
  time_window_seconds: null,
  moving_average_period: null,
  cooldown_seconds: 0,
  ...DEFAULT_RULE_OPTIONS,
};
const ANN: Principal = { userId: 1, username: 'ann', role: 'trader', via: 'session', ip: null } as Principal;
const BOB: Principal = { ...ANN, userId: 2, username: 'bob' };
const T0 = Date.parse('2026-01-05T00:00:00Z');
const REQUEST = { rule: {}, from: '2026-01-05T00:00:00Z', to: '2026-01-06T00:00:00Z' } as BacktestRequestDto;

/** Stored ticks served page by page, each page only when the test releases it: progress and cancellation are observable. */
class GatedHistory {
  readonly ticks = Array.from({ length: 12_000 }, (_, i) => ({
    id: i + 1,
    instrumentId: 1,
    ts: T0 + i * 1000,
    price: 101,
    bid: null,
    ask: null,
    volume: 1,
  }));
  private release: (() => void)[] = [];
  pagesServed = 0;

  count(): Promise<number> {
    return Promise.resolve(this.ticks.length);
  }

  async page(_id: number, _from: number, _to: number, after: TickCursor | null, limit: number) {
    await new Promise<void>((resolve) => this.release.push(resolve));
    this.pagesServed++;
    const from = after ? this.ticks.findIndex((t) => t.id === after.id) + 1 : 0;
    return this.ticks.slice(from, from + limit);
  }

  /** Lets the pending page through and waits until the service has used it. */
  async next(): Promise<void> {
    while (this.release.length === 0) await new Promise((r) => setImmediate(r));
    this.release.shift()?.();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
  }
}

function service(history: GatedHistory): BacktestService {
  const rules = { checked: () => FIELDS } as unknown as RulesService;
  const instruments = { findById: () => ({ id: 1, timezone: 'America/New_York' }) } as unknown as InstrumentsService;
  return new BacktestService(rules, history as unknown as TickHistory, instruments);
}

describe('BacktestService jobs', () => {
  it('reports progress page by page, then the result', async () => {
    const history = new GatedHistory();
    const backtests = service(history);
    const job = await backtests.start(REQUEST, ANN);
    expect(job).toMatchObject({ status: 'running', progress: 0, ticks_total: 12_000, ticks_done: 0 });
    await history.next();
    expect(backtests.get(job.id, ANN)).toMatchObject({ status: 'running', ticks_done: 5000, progress: 5000 / 12_000 });
    expect(backtests.get(job.id, ANN).result?.total_firings).toBe(5000);
    await history.next();
    await history.next();
    expect(backtests.get(job.id, ANN)).toMatchObject({ status: 'done', progress: 1, ticks_done: 12_000 });
    expect(backtests.get(job.id, ANN).result?.per_day).toEqual({ '2026-01-05': 12_000 });
  });

  it('stops reading when cancelled and keeps what it found', async () => {
    const history = new GatedHistory();
    const backtests = service(history);
    const job = await backtests.start(REQUEST, ANN);
    await history.next();
    const cancelled = backtests.cancel(job.id, ANN);
    expect(cancelled).toMatchObject({ status: 'cancelled', ticks_done: 5000 });
    expect(cancelled.result?.total_firings).toBe(5000);
    await history.next();
    expect(history.pagesServed).toBe(2);
    // The page read after cancelling is not evaluated.
    expect(backtests.get(job.id, ANN)).toMatchObject({ status: 'cancelled', ticks_done: 5000 });
  });

  it('hides a job from other traders, and refuses a fifth concurrent run', async () => {
    const history = new GatedHistory();
    const backtests = service(history);
    const job = await backtests.start(REQUEST, ANN);
    expect(() => backtests.get(job.id, BOB)).toThrow(`Backtest ${job.id} not found`);
    expect(backtests.get(job.id, { ...BOB, role: 'admin' }).id).toBe(job.id);
    for (let i = 0; i < 3; i++) await backtests.start(REQUEST, ANN);
    await expect(backtests.start(REQUEST, ANN)).rejects.toThrow('4 backtests are running; wait for one to finish or cancel one');
    backtests.onModuleDestroy();
  });
});
