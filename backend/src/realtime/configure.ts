import type { INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../access';
import { parseClientFrame } from './message-parser';

/**
 * Decides at the HTTP upgrade who may open the socket: a Principal lets the client in (and stays
 * attached to its connection), null refuses it with 401, a rejection refuses it with 500.
 * The application passes the same authentication the REST API uses (session cookie or API key).
 */
export type UpgradeAuthorizer = (req: IncomingMessage) => Promise<Principal | null>;

export interface AuthenticatedRequest extends IncomingMessage {
  principal?: Principal;
}

type VerifyDone = (ok: boolean, code?: number, message?: string) => void;

/** Plain `ws` with `{type, data}` frames, and the upgrade checked before the socket exists. */
class AuthenticatedWsAdapter extends WsAdapter {
  constructor(
    app: INestApplication,
    private readonly authorize: UpgradeAuthorizer,
  ) {
    super(app, { messageParser: parseClientFrame });
  }

  override create(port: number, options: Record<string, unknown> & { path?: string } = {}): unknown {
    return super.create(port, {
      ...options,
      verifyClient: (info: { req: AuthenticatedRequest }, done: VerifyDone) => {
        this.authorize(info.req).then(
          (principal) => {
            if (!principal) return done(false, 401, 'Unauthorized');
            info.req.principal = principal;
            done(true);
          },
          () => done(false, 500, 'Internal Server Error'),
        );
      },
    });
  }
}

/** Call once during app setup, before app.init()/listen(): installs the adapter serving /ws/realtime. */
export function configureRealtime(app: INestApplication, authorize: UpgradeAuthorizer): void {
  app.useWebSocketAdapter(new AuthenticatedWsAdapter(app, authorize));
}
