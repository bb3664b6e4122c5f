import type { RealtimeMessageMap, RealtimeType } from '@tradeassist/shared-types';
import type { SocketLike } from '../app/core/realtime/realtime.service';

/** A WebSocket double the test drives by hand: open it, push server frames, close it. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: unknown[] = [];
  closeCalls = 0;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send() on a socket that is not open');
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closeCalls++;
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  push<K extends RealtimeType>(type: K, data: RealtimeMessageMap[K]): void {
    this.raw(JSON.stringify({ type, timestamp: new Date().toISOString(), data }));
  }

  raw(frame: string): void {
    this.onmessage?.(new MessageEvent('message', { data: frame }));
  }

  /** The server or the network drops the connection. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close'));
  }
}

/** Records every socket the service creates, newest last. */
export class FakeSocketFactory {
  readonly sockets: FakeSocket[] = [];
  readonly create = (url: string): FakeSocket => {
    const socket = new FakeSocket(url);
    this.sockets.push(socket);
    return socket;
  };

  get last(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket was created');
    return socket;
  }
}
