import { createFeed, type FeedConfig } from './feed-registry';
import { ReplayFeed } from './replay-feed';
import { SimulatedFeed } from './simulated-feed';

const config = (overrides: Partial<FeedConfig>): FeedConfig => ({
  kind: 'simulated',
  tick_interval_ms: 250,
  seed: 42,
  replay_speed: 1,
  replay_loop: false,
  ...overrides,
});

describe('createFeed', () => {
  it('builds the simulated feed from its settings', () => {
    const feed = createFeed(config({ tick_interval_ms: 500, seed: 9 }));
    expect(feed).toBeInstanceOf(SimulatedFeed);
    expect(feed?.kind).toBe('simulated');
    expect(feed?.status()).toEqual({ running: false, ticks_emitted: 0, detail: 'stopped; every 500 ms, seed 9' });
  });

  it('builds the replay feed from its settings', async () => {
    const warnings: string[] = [];
    const feed = createFeed(config({ kind: 'replay', replay_file: '/nonexistent/ticks.csv', replay_speed: 5, replay_loop: true }));
    expect(feed).toBeInstanceOf(ReplayFeed);
    expect(feed?.kind).toBe('replay');
    await feed?.start({ instruments: () => [], emit: () => undefined, warn: (m) => warnings.push(m), now: () => 0 });
    expect(warnings).toEqual(['Replay feed not started: replay file /nonexistent/ticks.csv not found']);
  });

  it("returns null for 'none'", () => {
    expect(createFeed(config({ kind: 'none' }))).toBeNull();
  });
});
