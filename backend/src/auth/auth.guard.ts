import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppException } from '../common';
import { Authenticator } from './authenticator.service';
import { ACCESS_KEY, type Access, COOKIES, CSRF_HEADER, roleAtLeast } from '../access';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Global guard: every route must declare its access (a route that does not is refused, and the
 * route × role test fails the build), the caller is authenticated from cookie, bearer token or API
 * key, cookie-borne writes must carry the CSRF header, and the role must be high enough.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) throw new AppException(403, 'NO_ACCESS_POLICY', 'This route declares no access policy and is closed');
    if (access.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const credentials = await this.authenticator.fromHeaders(req.headers);
    if (!credentials) throw new AppException(401, 'AUTH_REQUIRED', 'Log in, or send an API key (X-API-Key or Authorization: Bearer)');
    const { principal, viaCookie } = credentials;
    if (viaCookie && !SAFE_METHODS.has(req.method)) {
      const cookies = req.cookies as Record<string, string> | undefined;
      if (!sameToken(req.header(CSRF_HEADER), cookies?.[COOKIES.csrf])) {
        throw new AppException(403, 'CSRF_FAILED', 'Missing or wrong X-CSRF-Token header; reload the console and try again');
      }
    }
    if (principal.mustChangePassword && !access.allowDuringPasswordChange) {
      throw new AppException(403, 'PASSWORD_CHANGE_REQUIRED', 'Choose a new password before doing anything else (POST /api/auth/password)');
    }
    if (!roleAtLeast(principal.role, access.role)) {
      throw new AppException(403, 'FORBIDDEN', `This action needs the ${access.role} role; you are signed in as a ${principal.role}`);
    }
    req.principal = { ...principal, ip: req.ip ?? null };
    return true;
  }
}
