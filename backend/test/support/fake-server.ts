import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server standing in for a provider (Slack, Discord, Telegram, a webhook receiver):
 * the subclass answers each request with its raw body read; start() gives the base URL.
 */
export abstract class FakeServer {
  private server: Server | undefined;

  protected abstract handle(req: IncomingMessage, raw: string, res: ServerResponse): void;

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => this.handle(req, raw, res));
    });
    this.server = server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
