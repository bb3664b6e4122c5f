import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, SetMetadata } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppException } from '../common';
import { APP_CONFIG, type AppConfig } from '../config';
import { clientInfo } from './client-info';
import { clearSessionCookies, setSessionCookies } from './cookies';
import { CurrentPrincipal, Public, Requires, COOKIES, type Principal } from '../access';
import { ChangePasswordDto, LoginDto } from './dto/auth.dto';
import { LOGIN_THROTTLE } from './login-throttle';
import { SessionsService, type IssuedSession } from './sessions.service';
import type { MeResponse, SessionResponse } from '@tradeassist/shared-types';
import { toUserDto, UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @SetMetadata(LOGIN_THROTTLE, true)
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    return this.respond(res, await this.sessions.login(body.username, body.password, clientInfo(req)));
  }

  /** Public because the refresh cookie is the credential; it is SameSite=Strict and scoped to /api/auth. */
  @Post('refresh')
  @Public()
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const token = (req.cookies as Record<string, string> | undefined)?.[COOKIES.refresh];
    if (!token) throw new AppException(401, 'SESSION_EXPIRED', 'Your session has ended; please log in again');
    return this.respond(res, await this.sessions.refresh(token));
  }

  @Post('logout')
  @Requires('viewer', { allowDuringPasswordChange: true })
  @HttpCode(200)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ message: string }> {
    await this.sessions.logout(principal, clientInfo(req));
    clearSessionCookies(res, this.config);
    return { message: 'Logged out' };
  }

  @Get('me')
  @Requires('viewer', { allowDuringPasswordChange: true })
  me(@CurrentPrincipal() p: Principal): MeResponse {
    return { id: p.userId, username: p.username, role: p.role, via: p.via, must_change_password: p.mustChangePassword };
  }

  @Post('password')
  @Requires('viewer', { allowDuringPasswordChange: true })
  @HttpCode(200)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<{ message: string }> {
    if (principal.via !== 'session')
      throw new AppException(403, 'FORBIDDEN', 'Passwords are changed from a browser session, not with an API key');
    await this.users.changeOwnPassword(principal.userId, body.current_password, body.new_password);
    return { message: 'Password changed' };
  }

  private respond(res: Response, session: IssuedSession): SessionResponse {
    setSessionCookies(res, session, this.config);
    return {
      user: toUserDto(session.user),
      access_expires_at: new Date(session.accessExpiresAt).toISOString(),
      csrf_token: session.csrfToken,
    };
  }
}
