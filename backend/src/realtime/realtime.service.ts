import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { RealtimeMessageMap, RealtimeType, TickUpdate } from '@tradeassist/shared-types';
import { APP_CONFIG, type AppConfig } from '../config';
import { ConnectionRegistry, type RealtimeConnection } from './connection-registry';
import { serializeFrame } from './envelope';
import { accepts, normalizeSymbol } from './subscription';
import { TickConflator } from './tick-conflator';

/**
 * Slow consumers: a client with this much still unsent gets no tick_update until it drains.
 * Ticks are skipped, not queued: the next one supersedes them anyway, and such a client may miss
 * an instrument's final price until it moves again. Every other type (alert_fired above all) is
 * still sent; the socket is not closed, the heartbeat deals with clients that are gone.
 */
export const SLOW_CONSUMER_BYTES = 4 * 1024 * 1024;

export interface PublishScope {
  /** The instrument the message is about; clients subscribed to other instruments do not get it. */
  symbol?: string;
}

/** The fan-out: each broadcast is serialized once and the same frame goes to every client that accepts it. */
@Injectable()
export class RealtimeService implements OnModuleDestroy {
  private sent = 0;
  private readonly conflator: TickConflator;

  constructor(
    private readonly connections: ConnectionRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.conflator = new TickConflator(config.realtime.max_ticks_per_second_per_instrument, (tick) =>
      this.publish('tick_update', tick, { symbol: tick.symbol }),
    );
  }

  get activeConnections(): number {
    return this.connections.size;
  }

  /** Frames written to sockets since start: broadcasts (once per recipient) and replies. */
  get messagesSent(): number {
    return this.sent;
  }

  publish<K extends RealtimeType>(type: K, data: RealtimeMessageMap[K], scope: PublishScope = {}): void {
    const symbol = scope.symbol === undefined ? undefined : normalizeSymbol(scope.symbol);
    let frame: string | undefined;
    for (const connection of this.connections.values()) {
      if (!accepts(connection.subscription, type, symbol)) continue;
      if (type === 'tick_update' && connection.socket.bufferedAmount > SLOW_CONSUMER_BYTES) continue;
      frame ??= serializeFrame(type, data);
      this.write(connection, frame);
    }
  }

  /**
   * Conflated server-wide per instrument: at most the configured number per second, and the latest
   * price always goes out when the window reopens. Conflating before the fan-out (not per client)
   * is what lets each tick frame be serialized once for everybody.
   */
  publishTick(tick: TickUpdate): void {
    if (this.connections.size > 0) this.conflator.offer(tick);
  }

  /** A reply to one client (greeting, pong, acknowledgements, errors): never filtered. */
  sendTo<K extends RealtimeType>(connection: RealtimeConnection, type: K, data: RealtimeMessageMap[K]): void {
    this.write(connection, serializeFrame(type, data));
  }

  onModuleDestroy(): void {
    this.conflator.stop();
  }

  private write(connection: RealtimeConnection, frame: string): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(frame);
    this.sent++;
  }
}
