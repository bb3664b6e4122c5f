import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit';
import { AppException } from '../common';
import { APP_CONFIG, type AppConfig } from '../config';
import { hashToken } from './api-key-format';
import { loadOrCreateSecret } from './app-settings';
import { SessionEntity } from './entities/session.entity';
import type { UserEntity } from './entities/user.entity';
import { lockDurationMs } from './login-lockout';
import { verifyPassword } from './password-hasher';
import type { Principal, Role } from '../access';
import { UsersService } from './users.service';

interface AccessClaims {
  sub: number;
  sid: number;
  name: string;
  role: Role;
}

export interface IssuedSession {
  user: UserEntity;
  accessToken: string;
  refreshToken: string;
  csrfToken: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

// A dummy hash so an unknown username costs as much time as a wrong password (no user enumeration).
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Browser sessions: login with lockout, short-lived signed access tokens, rotating refresh tokens, revocation. */
@Injectable()
export class SessionsService implements OnModuleInit {
  private secret = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SessionEntity) private readonly repo: Repository<SessionEntity>,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.secret = await loadOrCreateSecret(this.dataSource, 'session_signing_key');
  }

  async login(username: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const user = await this.users.findByUsername(username);
    const now = Date.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      await this.audit.record({
        actor: user.username,
        action: 'auth.login',
        outcome: 'denied',
        ip: client.ip,
        detail: { reason: 'locked' },
      });
      throw this.lockedError(user.lockedUntil - now);
    }
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.disabled) {
      if (user && !valid) await this.countFailure(user, now);
      await this.audit.record({
        actor: user?.username ?? username.slice(0, 64),
        action: 'auth.login',
        outcome: 'failed',
        ip: client.ip,
        detail: { reason: !user ? 'unknown user' : user.disabled && valid ? 'disabled' : 'wrong password' },
      });
      if (user?.lockedUntil && user.lockedUntil > now) throw this.lockedError(user.lockedUntil - now);
      throw new AppException(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
    }
    user.failedLogins = 0;
    user.lockedUntil = null;
    user.lastLoginAt = now;
    await this.users.save(user);
    const issued = await this.issue(user, client);
    await this.audit.record({ actor: user.username, action: 'auth.login', ip: client.ip, detail: { session_id: issued.sessionId } });
    return issued;
  }

  /** Rotates the refresh token: the old one stops working at once (a replayed one revokes the session). */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const session = await this.repo.findOneBy({ refreshHash: hashToken(refreshToken) });
    const now = Date.now();
    if (!session || session.revokedAt !== null || session.expiresAt <= now) {
      throw new AppException(401, 'SESSION_EXPIRED', 'Your session has ended; please log in again');
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) {
      await this.revoke(session.id);
      throw new AppException(401, 'SESSION_EXPIRED', 'Your session has ended; please log in again');
    }
    const refresh = randomBytes(32).toString('base64url');
    session.refreshHash = hashToken(refresh);
    session.lastUsedAt = now;
    session.expiresAt = now + this.refreshMs();
    await this.repo.save(session);
    return { ...(await this.sign(user, session.id)), refreshToken: refresh, refreshExpiresAt: session.expiresAt };
  }

  async logout(principal: Principal, client: ClientInfo): Promise<void> {
    if (principal.sessionId !== undefined) await this.revoke(principal.sessionId);
    await this.audit.record({ actor: principal.username, action: 'auth.logout', ip: client.ip });
  }

  async revokeAllFor(userId: number): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: Date.now() })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  /** Verifies an access token and that its session is still open (so logout takes effect at once). */
  async authenticate(accessToken: string): Promise<Principal | null> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(accessToken, { secret: this.secret, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    const session = await this.repo.findOneBy({ id: claims.sid });
    if (!session || session.revokedAt !== null || session.userId !== claims.sub) return null;
    const user = await this.users.findById(claims.sub);
    if (!user || user.disabled) return null;
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      via: 'session',
      sessionId: session.id,
      mustChangePassword: user.mustChangePassword,
    };
  }

  private async issue(user: UserEntity, client: ClientInfo): Promise<IssuedSession & { sessionId: number }> {
    const refresh = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session = await this.repo.save(
      this.repo.create({
        userId: user.id,
        refreshHash: hashToken(refresh),
        createdAt: now,
        lastUsedAt: now,
        expiresAt: now + this.refreshMs(),
        revokedAt: null,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      }),
    );
    return { ...(await this.sign(user, session.id)), refreshToken: refresh, refreshExpiresAt: session.expiresAt, sessionId: session.id };
  }

  private async sign(user: UserEntity, sessionId: number): Promise<Omit<IssuedSession, 'refreshToken' | 'refreshExpiresAt'>> {
    const ttlSeconds = this.config.auth.access_token_minutes * 60;
    const claims: AccessClaims = { sub: user.id, sid: sessionId, name: user.username, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, { secret: this.secret, algorithm: 'HS256', expiresIn: ttlSeconds });
    return { user, accessToken, csrfToken: randomBytes(24).toString('base64url'), accessExpiresAt: Date.now() + ttlSeconds * 1000 };
  }

  private async revoke(sessionId: number): Promise<void> {
    await this.repo.update({ id: sessionId }, { revokedAt: Date.now() });
  }

  private async countFailure(user: UserEntity, now: number): Promise<void> {
    user.failedLogins += 1;
    const lockMs = lockDurationMs(user.failedLogins);
    if (lockMs > 0) user.lockedUntil = now + lockMs;
    await this.users.save(user);
  }

  private lockedError(remainingMs: number): AppException {
    const seconds = Math.ceil(remainingMs / 1000);
    return new AppException(429, 'ACCOUNT_LOCKED', `Too many failed logins; try again in ${seconds} s`, { 'Retry-After': String(seconds) });
  }

  private refreshMs(): number {
    return this.config.auth.refresh_token_days * 86_400_000;
  }
}
