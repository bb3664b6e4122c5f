import type { INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../access';
import { parseClientFrame } from './message-parser';

export type UpgradeAuthorizer = (req: IncomingMessage) => Promise<Principal | null>;

export interface AuthenticatedRequest extends IncomingMessage {
  principal?: Principal;
}

/** Plain `ws` with `{type, data}` frames; the upgrade is refused with 401 unless the caller authenticates. */
class AuthenticatedWsAdapter extends WsAdapter {
  constructor(
    app: INestApplication,
    private readonly authorize: UpgradeAuthorizer,
  ) {
    super(app, { messageParser: (raw) => parseClientFrame(raw) });
  }

  override create(port: number, options: Record<string, unknown> & { path?: string } = {}): unknown {
    return super.create(port, {
      ...options,
      verifyClient: (info: { req: AuthenticatedRequest }, done: (ok: boolean, code?: number, message?: string) => void) => {
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

export function configureRealtime(app: INestApplication, authorize: UpgradeAuthorizer): void {
  app.useWebSocketAdapter(new AuthenticatedWsAdapter(app, authorize));
}
