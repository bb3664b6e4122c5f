export { createFeed, type FeedConfig } from './feed-registry';
export type { FeedContext, FeedInstrument, FeedStatus, FeedTick, MarketFeed, MarketFeedKind } from './market-feed';
export { ReplayFeed, type ReplayFeedOptions } from './replay-feed';
export { SimulatedFeed, type SimulatedFeedOptions } from './simulated-feed';
