import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
} from '@nestjs/websockets';
import { REALTIME_PATH, type RealtimeMessageMap, type RealtimeType } from '@tradeassist/shared-types';
import type { WebSocket } from 'ws';
import type { AuthenticatedRequest } from './configure';
import { ConnectionRegistry } from './connection-registry';
import { REJECTED_FRAME } from './message-parser';
import { RealtimeService } from './realtime.service';
import { describe, parseRequest, subscribe, unsubscribe } from './subscription';

/**
 * Clients only send small control messages; ws would otherwise accept 100 MiB frames. A bigger
 * frame is a protocol violation that ws answers by closing with 1009 (the one message that closes).
 */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

/**
 * Replies go through RealtimeService.sendTo rather than a handler's return value, so that every
 * frame the server writes is counted in messagesSent.
 */
@WebSocketGateway({ path: REALTIME_PATH, maxPayload: MAX_CLIENT_FRAME_BYTES })
export class RealtimeGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly hub: RealtimeService,
    private readonly connections: ConnectionRegistry,
  ) {}

  handleConnection(socket: WebSocket, req: AuthenticatedRequest): void {
    const connection = this.connections.add(socket, req.principal);
    this.hub.sendTo(connection, 'connection_established', {
      connection_id: connection.id,
      server_time: new Date().toISOString(),
      active_connections: this.connections.size,
    });
  }

  handleDisconnect(socket: WebSocket): void {
    this.connections.remove(socket);
  }

  @SubscribeMessage('ping')
  ping(@ConnectedSocket() socket: WebSocket): void {
    this.reply(socket, 'pong', { server_time: new Date().toISOString() });
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: WebSocket, @MessageBody() data: unknown): void {
    this.change(socket, data, 'subscribe');
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() socket: WebSocket, @MessageBody() data: unknown): void {
    this.change(socket, data, 'unsubscribe');
  }

  @SubscribeMessage(REJECTED_FRAME)
  rejected(@ConnectedSocket() socket: WebSocket, @MessageBody() error: RealtimeMessageMap['error']): void {
    this.reply(socket, 'error', error);
  }

  private change(socket: WebSocket, data: unknown, action: 'subscribe' | 'unsubscribe'): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    const request = parseRequest(data);
    const next =
      typeof request === 'string'
        ? request
        : action === 'subscribe'
          ? subscribe(connection.subscription, request)
          : unsubscribe(connection.subscription, request);
    if (typeof next === 'string') {
      this.hub.sendTo(connection, 'error', { message: `Invalid ${action} request: ${next}` });
      return;
    }
    connection.subscription = next;
    const view = describe(next);
    this.logger.debug(`${connection.id} ${action}d: ${JSON.stringify(view)}`);
    this.hub.sendTo(connection, action === 'subscribe' ? 'subscription_acknowledged' : 'unsubscription_acknowledged', view);
  }

  private reply<K extends RealtimeType>(socket: WebSocket, type: K, data: RealtimeMessageMap[K]): void {
    const connection = this.connections.get(socket);
    if (connection) this.hub.sendTo(connection, type, data);
  }
}
