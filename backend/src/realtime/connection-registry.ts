import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Principal } from '../access';
import { APP_CONFIG, type AppConfig } from '../config';
import { EVERYTHING, type Subscription } from './subscription';

export interface RealtimeConnection {
  readonly id: string;
  readonly socket: WebSocket;
  /** Who connected (checked at the upgrade); a later issue filters per user with it. */
  readonly principal: Principal | undefined;
  subscription: Subscription;
  /** Answered the last heartbeat ping. */
  alive: boolean;
}

/** 1001 "going away": clients treat it as a reason to reconnect, not as an error of theirs. */
export const SHUTDOWN_CLOSE_CODE = 1001;
// How long shutdown waits for clients to answer the close frame before dropping them.
const SHUTDOWN_GRACE_MS = 1000;

/** The open sockets, their subscriptions, and the heartbeat that clears out dead ones. */
@Injectable()
export class ConnectionRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private readonly connections = new Map<WebSocket, RealtimeConnection>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get size(): number {
    return this.connections.size;
  }

  values(): IterableIterator<RealtimeConnection> {
    return this.connections.values();
  }

  get(socket: WebSocket): RealtimeConnection | undefined {
    return this.connections.get(socket);
  }

  add(socket: WebSocket, principal: Principal | undefined): RealtimeConnection {
    const connection: RealtimeConnection = { id: randomUUID(), socket, principal, subscription: { ...EVERYTHING }, alive: true };
    socket.on('pong', () => (connection.alive = true));
    this.connections.set(socket, connection);
    return connection;
  }

  remove(socket: WebSocket): void {
    this.connections.delete(socket);
  }

  onModuleInit(): void {
    this.heartbeat = setInterval(() => this.sweep(), this.config.realtime.heartbeat_seconds * 1000);
    this.heartbeat.unref();
  }

  /** A socket that did not answer the previous ping is dead (half-open TCP, a laptop gone to sleep). */
  sweep(): void {
    for (const connection of this.connections.values()) {
      if (!connection.alive) {
        this.logger.debug(`${connection.id} missed a heartbeat; terminating`);
        connection.socket.terminate();
        this.connections.delete(connection.socket);
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }

  /** Says goodbye with a close frame, waits briefly for the handshake, then drops whoever is left. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    const sockets = [...this.connections.keys()];
    this.connections.clear();
    const closed = sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close(SHUTDOWN_CLOSE_CODE, 'Server shutting down');
        }),
    );
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise<void>((resolve) => (grace = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(grace);
    for (const socket of sockets) if (socket.readyState !== socket.CLOSED) socket.terminate();
  }
}
