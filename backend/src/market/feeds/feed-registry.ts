import type { AppConfig } from '../../config';
import type { MarketFeed } from './market-feed';
import { ReplayFeed } from './replay-feed';
import { SimulatedFeed } from './simulated-feed';

type FeedConfig = AppConfig['feed'];

/** One line per feed kind: adding a source is a new file and a line here. */
const FACTORIES: Record<FeedConfig['kind'], (c: FeedConfig) => MarketFeed | null> = {
  simulated: (c) => new SimulatedFeed(c.tick_interval_ms, c.seed),
  replay: (c) => new ReplayFeed(c.replay_file, c.replay_speed, c.replay_loop),
  none: () => null,
};

export function createFeed(config: FeedConfig): MarketFeed | null {
  return FACTORIES[config.kind](config);
}
