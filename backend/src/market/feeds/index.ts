export { createFeed } from './feed-registry';
export type { FeedContext, FeedInstrument, FeedStatus, FeedTick, MarketFeed } from './market-feed';
export { ReplayFeed } from './replay-feed';
export { SimulatedFeed } from './simulated-feed';
