import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { ApiKeysService } from './api-keys.service';
import { parseApiKey } from './api-key-format';
import { API_KEY_HEADER, COOKIES, type Principal } from '../access';
import { SessionsService } from './sessions.service';

export interface Credentials {
  principal: Principal;
  /** Cookie credentials ride along automatically, so unsafe requests made with them need the CSRF header. */
  viaCookie: boolean;
}

/** Finds the caller from headers alone, so HTTP requests and WebSocket upgrades share one path. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async fromHeaders(headers: IncomingHttpHeaders): Promise<Credentials | null> {
    const apiKey = headers[API_KEY_HEADER];
    if (typeof apiKey === 'string' && apiKey) return this.wrap(await this.apiKeys.authenticate(apiKey), false);
    const auth = headers.authorization;
    if (auth?.toLowerCase().startsWith('bearer ')) {
      const token = auth.slice(7).trim();
      const principal = parseApiKey(token) ? await this.apiKeys.authenticate(token) : await this.sessions.authenticate(token);
      return this.wrap(principal, false);
    }
    const cookie = headers.cookie ? parseCookies(headers.cookie)[COOKIES.access] : undefined;
    if (cookie) return this.wrap(await this.sessions.authenticate(cookie), true);
    return null;
  }

  private wrap(principal: Principal | null, viaCookie: boolean): Credentials | null {
    return principal ? { principal, viaCookie } : null;
  }
}
