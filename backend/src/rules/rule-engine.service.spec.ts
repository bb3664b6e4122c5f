import { EventEmitter } from 'node:events';
import type { RuleOptions } from '@tradeassist/shared-types';
import type { Firing } from '../engine';
import type { HistoryBar, InstrumentsService, TickHistory } from '../market';
import type { AlertRuleEntity } from './entities/alert-rule.entity';
import { RuleEngineService } from './rule-engine.service';

const T0 = Date.parse('2026-01-15T14:30:00Z');
const MIN = 60_000;

function entity(version: number, over: Partial<AlertRuleEntity> = {}): AlertRuleEntity {
  return {
    id: 1,
    instrumentId: 1,
    name: null,
    description: null,
    ruleType: 'threshold',
    condition: 'above',
    threshold: 6000,
    active: true,
    timeWindowSeconds: null,
    movingAveragePeriod: null,
    cooldownSeconds: 0,
    lastTriggered: null,
    rearmPrice: null,
    rearmAt: null,
    version,
    ownerId: null,
    createdAt: T0,
    updatedAt: T0,
    options: null,
    ...over,
  };
}

const RSI: RuleOptions = { subject: { kind: 'rsi', period: 14 } } as RuleOptions;

/** Stored bars answered when the test says so: the order changes reach the engine in must not depend on it. */
class SlowHistory {
  readonly asked: number[] = [];
  private readonly waiting: (() => void)[] = [];

  recentBars(_instrumentId: number, intervalMs: number, count: number): Promise<HistoryBar[]> {
    this.asked.push(count);
    const bars = Array.from({ length: 20 }, (_, i) => ({
      startMs: T0 + i * intervalMs,
      open: 0,
      high: 0,
      low: 0,
      close: 6000 + i,
      volume: 1,
    }));
    return new Promise((resolve) => this.waiting.push(() => resolve(bars)));
  }

  answer(): void {
    for (const go of this.waiting.splice(0)) go();
  }
}

function service(history: SlowHistory): RuleEngineService {
  const instruments = { events: new EventEmitter(), active: () => [], list: () => [] } as unknown as InstrumentsService;
  return new RuleEngineService(instruments, history as unknown as TickHistory);
}

const fire = (s: RuleEngineService, price: number, at: number): Firing[] => {
  const out: Firing[] = [];
  s.evaluate({ instrumentId: 1, tsMs: T0 + at, price, volume: 1 }, out);
  return out;
};

describe('RuleEngineService', () => {
  it('asks for as many stored bars as the rule needs, and for none without indicators', async () => {
    const history = new SlowHistory();
    const s = service(history);
    const plain = s.apply(entity(1, { id: 2 }));
    const rsi = s.apply(entity(1, { threshold: 70, options: RSI }));
    history.answer();
    await Promise.all([plain, rsi]);
    expect(history.asked).toEqual([140]);
    // Primed with 20 rising closes, RSI(14) reads 100 on the next minute's first tick.
    expect(fire(s, 6020, 20 * MIN + 5000).map((f) => [f.ruleId, f.triggerValue])).toEqual([
      [1, 100],
      [2, 6020],
    ]);
  });

  it('applies changes in the order asked for, while a rule waits for its bars', async () => {
    const history = new SlowHistory();
    const s = service(history);
    // Version 1 reads RSI and waits for its bars; version 2 (no indicator) and a removal of another rule come after it.
    const v1 = s.apply(entity(1, { threshold: 70, options: RSI }));
    const v2 = s.apply(entity(2, { threshold: 6010 }));
    const other = s.apply(entity(1, { id: 3 }));
    const removed = s.remove(3);
    history.answer();
    await Promise.all([v1, v2, other, removed]);
    expect(s.snapshot(3)).toBeUndefined();
    // Version 2 is what the engine runs: above 6010, on the price.
    expect(fire(s, 6005, 20 * MIN)).toEqual([]);
    expect(fire(s, 6011, 20 * MIN + 1000).map((f) => [f.ruleId, f.ruleVersion, f.triggerValue])).toEqual([[1, 2, 6011]]);
  });
});
