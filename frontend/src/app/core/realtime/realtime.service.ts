import { DestroyRef, Injectable, InjectionToken, inject, signal } from '@angular/core';
import {
  REALTIME_PATH,
  isRealtimeMessage,
  type ClientMessageMap,
  type ClientMessageType,
  type HealthResponse,
  type RealtimeMessage,
  type RealtimeMessageMap,
  type RealtimeType,
  type SubscriptionRequest,
} from '@tradeassist/shared-types';
import { Subject, filter, map, type Observable } from 'rxjs';

/** connecting: first attempt; live: open; reconnecting: lost and retrying; offline: retries keep failing. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** The part of the browser WebSocket the service uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent<string>) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(data: string): void;
  close(): void;
}

export const SOCKET_FACTORY = new InjectionToken<(url: string) => SocketLike>('SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (url) => new WebSocket(url),
});

export const REALTIME_TIMING = {
  firstBackoffMs: 500,
  maxBackoffMs: 15_000,
  /** After this many failed attempts in a row the chip says offline (retries go on). */
  offlineAfterAttempts: 3,
  /** A ping keeps proxies from idling the socket out and proves the server still answers. */
  pingEveryMs: 20_000,
  /** Silence this long means a half-open connection: drop it and reconnect. */
  silenceLimitMs: 45_000,
};

const OPEN = 1;

/**
 * The one WebSocket of the console: typed messages as streams, the connection state and the
 * latest health report as signals, automatic reconnect with capped exponential backoff (plus
 * jitter) and the subscription re-sent after every reconnect.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly createSocket = inject(SOCKET_FACTORY);
  private readonly stateSignal = signal<ConnectionState>('connecting');
  private readonly healthSignal = signal<HealthResponse | null>(null);
  private readonly lastMessage = signal<number | null>(null);
  readonly state = this.stateSignal.asReadonly();
  /** The server's latest health_status push. */
  readonly health = this.healthSignal.asReadonly();
  /** Time of the last message received. */
  readonly lastMessageAt = this.lastMessage.asReadonly();
  private readonly messages = new Subject<RealtimeMessage>();
  private socket: SocketLike | null = null;
  private url = '';
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private subscription: SubscriptionRequest | null = null;
  private closed = true;
  private readonly onBrowserOnline = () => this.retryNow();

  constructor() {
    globalThis.addEventListener?.('online', this.onBrowserOnline);
    inject(DestroyRef).onDestroy(() => {
      globalThis.removeEventListener?.('online', this.onBrowserOnline);
      this.disconnect();
    });
  }

  connect(url = RealtimeService.defaultUrl()): void {
    this.url = url;
    this.closed = false;
    if (this.socket || this.retryTimer) return;
    const socket = this.createSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.stateSignal.set('live');
      this.lastMessage.set(Date.now());
      this.startWatchdog(socket);
      if (this.subscription) this.send('subscribe', this.subscription);
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopWatchdog();
      if (!this.closed) this.scheduleRetry();
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

  /** Back to receiving everything, now and after reconnects. */
  unsubscribe(): void {
    this.subscription = null;
    this.send('unsubscribe');
  }

  send<K extends ClientMessageType>(type: K, data?: ClientMessageMap[K]): boolean {
    if (this.socket?.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(data === undefined ? { type } : { type, data }));
    return true;
  }

  /** Stops for good until connect() is called again (sign-out). */
  disconnect(): void {
    this.closed = true;
    this.clearRetry();
    this.stopWatchdog();
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.attempts = 0;
    this.stateSignal.set('connecting');
  }

  static defaultUrl(): string {
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${REALTIME_PATH}`;
  }

  private receive(raw: string): void {
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (!isRealtimeMessage(message)) return;
    this.lastMessage.set(Date.now());
    if (message.type === 'health_status') this.healthSignal.set((message as RealtimeMessage<'health_status'>).data);
    this.messages.next(message);
  }

  private scheduleRetry(): void {
    this.attempts++;
    this.stateSignal.set(this.attempts > REALTIME_TIMING.offlineAfterAttempts ? 'offline' : 'reconnecting');
    const base = Math.min(REALTIME_TIMING.maxBackoffMs, REALTIME_TIMING.firstBackoffMs * 2 ** (this.attempts - 1));
    // Jitter spreads the reconnects of many consoles after a server restart.
    const delay = base * (0.75 + Math.random() * 0.5);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect(this.url);
    }, delay);
  }

  /** The browser says the network is back: skip the rest of the backoff. */
  private retryNow(): void {
    if (this.closed || !this.retryTimer) return;
    this.clearRetry();
    this.connect(this.url);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private startWatchdog(socket: SocketLike): void {
    this.stopWatchdog();
    this.watchdog = setInterval(() => {
      if (Date.now() - (this.lastMessage() ?? 0) > REALTIME_TIMING.silenceLimitMs) {
        // close() on a half-open socket may never fire onclose, so reconnect ourselves.
        this.socket = null;
        this.stopWatchdog();
        socket.close();
        if (!this.closed) this.scheduleRetry();
        return;
      }
      this.send('ping');
    }, REALTIME_TIMING.pingEveryMs);
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }
}
