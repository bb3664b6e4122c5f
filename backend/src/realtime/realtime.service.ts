import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { RealtimeMessage, RealtimeMessageMap, RealtimeType, TickUpdate } from '@tradeassist/shared-types';
import type { Principal } from '../access';
import { APP_CONFIG, type AppConfig } from '../config';
import { accepts, EVERYTHING, type Subscription } from './subscription';
import { TickConflator } from './tick-conflator';

export interface RealtimeClient {
  id: string;
  socket: WebSocket;
  subscription: Subscription;
  alive: boolean;
  /** Who connected (checked at the upgrade); the notifications issue filters per user with it. */
  principal: Principal | undefined;
}

// A client this far behind gets no more tick updates until it drains (alerts still go through).
const SLOW_CONSUMER_BYTES = 4 * 1024 * 1024;

export function envelope<K extends RealtimeType>(type: K, data: RealtimeMessageMap[K]): RealtimeMessage<K> {
  return { type, timestamp: new Date().toISOString(), data };
}

/** The fan-out: every message is serialized once and sent to each client whose subscription accepts it. */
@Injectable()
export class RealtimeService implements OnModuleDestroy {
  readonly clients = new Map<WebSocket, RealtimeClient>();
  private sent = 0;
  private readonly conflator: TickConflator;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.conflator = new TickConflator(config.realtime.max_ticks_per_second_per_instrument, (tick) =>
      this.publish('tick_update', tick, { symbol: tick.symbol }),
    );
  }

  get activeConnections(): number {
    return this.clients.size;
  }

  get messagesSent(): number {
    return this.sent;
  }

  add(socket: WebSocket, principal?: Principal): RealtimeClient {
    const client: RealtimeClient = { id: randomUUID(), socket, subscription: { ...EVERYTHING }, alive: true, principal };
    this.clients.set(socket, client);
    return client;
  }

  remove(socket: WebSocket): void {
    this.clients.delete(socket);
  }

  publish<K extends RealtimeType>(type: K, data: RealtimeMessageMap[K], scope: { symbol?: string } = {}): void {
    if (this.clients.size === 0) return;
    const frame = JSON.stringify(envelope(type, data));
    for (const client of this.clients.values()) {
      if (!accepts(client.subscription, type, scope.symbol)) continue;
      if (type === 'tick_update' && client.socket.bufferedAmount > SLOW_CONSUMER_BYTES) continue;
      this.sendRaw(client, frame);
    }
  }

  /** Conflated: at most the configured number per instrument per second, always ending on the latest price. */
  publishTick(tick: TickUpdate): void {
    if (this.clients.size > 0) this.conflator.offer(tick);
  }

  sendTo<K extends RealtimeType>(client: RealtimeClient, type: K, data: RealtimeMessageMap[K]): void {
    this.sendRaw(client, JSON.stringify(envelope(type, data)));
  }

  onModuleDestroy(): void {
    this.conflator.stop();
    for (const client of this.clients.values()) client.socket.terminate();
    this.clients.clear();
  }

  private sendRaw(client: RealtimeClient, frame: string): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    client.socket.send(frame);
    this.sent++;
  }
}
