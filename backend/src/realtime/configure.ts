import type { INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import { parseClientFrame } from './message-parser';

/** Plain `ws` on the HTTP server, with the contract's `{type, data}` frames. */
export function configureRealtime(app: INestApplication): void {
  app.useWebSocketAdapter(new WsAdapter(app, { messageParser: (raw) => parseClientFrame(raw) }));
}
