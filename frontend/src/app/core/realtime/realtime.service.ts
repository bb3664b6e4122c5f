import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import {
  REALTIME_PATH,
  isRealtimeMessage,
  type ClientMessageMap,
  type ClientMessageType,
  type RealtimeMessage,
  type RealtimeMessageMap,
  type RealtimeType,
  type SubscriptionRequest,
} from '@tradeassist/shared-types';
import { Subject, filter, map, type Observable } from 'rxjs';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

const MAX_BACKOFF_MS = 15_000;

/**
 * The one WebSocket of the console: typed messages as an observable stream, the connection state
 * as a signal, automatic reconnect with capped exponential backoff (plus jitter) and the
 * subscription re-sent after every reconnect.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  readonly state = signal<ConnectionState>('connecting');
  /** Time of the last message received, for the shell's "last update" hint. */
  readonly lastMessageAt = signal<number | null>(null);
  private readonly messages = new Subject<RealtimeMessage>();
  private socket: WebSocket | null = null;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private subscription: SubscriptionRequest | null = null;
  private closed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  connect(url = RealtimeService.defaultUrl()): void {
    this.closed = false;
    if (this.socket || this.retryTimer) return;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.state.set('live');
      if (this.subscription) this.send('subscribe', this.subscription);
    };
    socket.onmessage = (event: MessageEvent<string>) => {
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!isRealtimeMessage(message)) return;
      this.lastMessageAt.set(Date.now());
      this.messages.next(message);
    };
    socket.onclose = () => {
      this.socket = null;
      if (this.closed) return;
      this.state.set('reconnecting');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts++) * (0.75 + Math.random() * 0.5);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.connect(url);
      }, delay);
    };
  }

  on<K extends RealtimeType>(type: K): Observable<RealtimeMessageMap[K]> {
    return this.messages.pipe(
      filter((m): m is RealtimeMessage<K> => m.type === type),
      map((m) => m.data),
    );
  }

  /** Narrows what the server sends; kept and re-sent after a reconnect. */
  subscribe(request: SubscriptionRequest): void {
    this.subscription = request;
    this.send('subscribe', request);
  }

  send<K extends ClientMessageType>(type: K, data?: ClientMessageMap[K]): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(data === undefined ? { type } : { type, data }));
  }

  /** Stops for good until connect() is called again (sign-out). */
  disconnect(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.close();
    this.socket = null;
    this.state.set('connecting');
  }

  static defaultUrl(): string {
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${REALTIME_PATH}`;
  }
}
