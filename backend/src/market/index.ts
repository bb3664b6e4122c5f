export { BAR_MS } from './bar-roller';
export { InstrumentsService } from './instruments.service';
export { MarketDataService, type NormalizedTick } from './market-data.service';
export { MarketModule } from './market.module';
export { createFeed, type FeedTick, type MarketFeed } from './feeds';
export { TickHistory, type HistoryBar, type TickCursor } from './tick-history';
