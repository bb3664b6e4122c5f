import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { CLIENT_MESSAGE_TYPES, REALTIME_PATH, type RealtimeMessage } from '@tradeassist/shared-types';
import type { WebSocket } from 'ws';
import { APP_CONFIG, type AppConfig } from '../config';
import type { AuthenticatedRequest } from './configure';
import { INVALID_JSON, UNKNOWN_TYPE } from './message-parser';
import { envelope, RealtimeService } from './realtime.service';
import { describe, parseRequest, subscribe, unsubscribe } from './subscription';

@WebSocketGateway({ path: REALTIME_PATH })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(): void {
    // A socket that did not answer the previous ping is dead (half-open TCP, sleeping laptop): close it.
    this.heartbeat = setInterval(() => {
      for (const client of this.hub.clients.values()) {
        if (!client.alive) {
          client.socket.terminate();
          this.hub.remove(client.socket);
          continue;
        }
        client.alive = false;
        client.socket.ping();
      }
    }, this.config.realtime.heartbeat_seconds * 1000);
    this.heartbeat.unref();
  }

  handleConnection(socket: WebSocket, req: AuthenticatedRequest): void {
    const client = this.hub.add(socket, req.principal);
    socket.on('pong', () => (client.alive = true));
    this.hub.sendTo(client, 'connection_established', {
      connection_id: client.id,
      server_time: new Date().toISOString(),
      active_connections: this.hub.activeConnections,
    });
  }

  handleDisconnect(socket: WebSocket): void {
    this.hub.remove(socket);
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
  }

  @SubscribeMessage('ping')
  ping(): RealtimeMessage<'pong'> {
    return envelope('pong', { server_time: new Date().toISOString() });
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: WebSocket, @MessageBody() data: unknown): RealtimeMessage {
    return this.change(socket, data, 'subscribe');
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() socket: WebSocket, @MessageBody() data: unknown): RealtimeMessage {
    return this.change(socket, data, 'unsubscribe');
  }

  @SubscribeMessage(INVALID_JSON)
  invalidJson(): RealtimeMessage<'error'> {
    return envelope('error', { message: 'Invalid JSON format' });
  }

  @SubscribeMessage(UNKNOWN_TYPE)
  unknownType(@MessageBody() data: { type: string }): RealtimeMessage<'error'> {
    return envelope('error', { message: `Unknown message type: ${data.type}`, supported_types: [...CLIENT_MESSAGE_TYPES] });
  }

  private change(socket: WebSocket, data: unknown, action: 'subscribe' | 'unsubscribe'): RealtimeMessage {
    const client = this.hub.clients.get(socket);
    if (!client) return envelope('error', { message: 'Connection is closing' });
    const request = parseRequest(data);
    if (typeof request === 'string') return envelope('error', { message: `Invalid ${action} request: ${request}` });
    client.subscription = action === 'subscribe' ? subscribe(client.subscription, request) : unsubscribe(client.subscription, request);
    this.logger.debug?.(`${client.id} ${action}d: ${JSON.stringify(describe(client.subscription))}`);
    return envelope(action === 'subscribe' ? 'subscription_acknowledged' : 'unsubscription_acknowledged', describe(client.subscription));
  }
}
