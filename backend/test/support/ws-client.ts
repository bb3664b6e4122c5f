import WebSocket from 'ws';
import type { RealtimeMessage, RealtimeType } from '@tradeassist/shared-types';

/** A real ws client that records every envelope and lets a test wait for a particular one. */
export class WsProbe {
  static defaultApiKey: string | undefined;
  readonly messages: RealtimeMessage[] = [];
  private waiters: { match: (m: RealtimeMessage) => boolean; resolve: (m: RealtimeMessage) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as RealtimeMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  /** Connects with the given options; by default with an API key header (see startTestApp). */
  static async connect(url: string, options?: WebSocket.ClientOptions, apiKey = WsProbe.defaultApiKey): Promise<WsProbe> {
    const socket = new WebSocket(url, { ...options, headers: { ...(apiKey ? { 'x-api-key': apiKey } : {}), ...options?.headers } });
    const probe = new WsProbe(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return probe;
  }

  send(type: string, data?: unknown): void {
    this.socket.send(JSON.stringify(data === undefined ? { type } : { type, data }));
  }

  ofType<K extends RealtimeType>(type: K): RealtimeMessage<K>[] {
    return this.messages.filter((m): m is RealtimeMessage<K> => m.type === type);
  }

  next<K extends RealtimeType>(
    type: K,
    where: (m: RealtimeMessage<K>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RealtimeMessage<K>> {
    const existing = this.ofType(type).find(where);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No ${type} message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: (m) => m.type === type && where(m as RealtimeMessage<K>),
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as RealtimeMessage<K>);
        },
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
