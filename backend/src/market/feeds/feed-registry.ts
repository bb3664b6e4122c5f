import type { AppConfig } from '../../config';
import type { MarketFeed } from './market-feed';
import { ReplayFeed } from './replay-feed';
import { SimulatedFeed } from './simulated-feed';

export type FeedConfig = AppConfig['feed'];

/** One line per feed kind: adding a source is a new file and a line here (the compiler asks for it once FEED_KINDS has the kind). */
const FACTORIES: Readonly<Record<FeedConfig['kind'], (config: FeedConfig) => MarketFeed | null>> = {
  simulated: (c) => new SimulatedFeed({ intervalMs: c.tick_interval_ms, seed: c.seed }),
  replay: (c) => new ReplayFeed({ file: c.replay_file, speed: c.replay_speed, loop: c.replay_loop }),
  none: () => null,
};

/** The configured feed, or null when `feed.kind` is 'none' (ticks then arrive only through the ingest API). */
export function createFeed(config: FeedConfig): MarketFeed | null {
  return FACTORIES[config.kind](config);
}
