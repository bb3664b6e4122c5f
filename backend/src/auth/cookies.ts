import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '../config';
import { COOKIES, REFRESH_COOKIE_PATH } from '../access';
import type { IssuedSession } from './sessions.service';

function base(config: AppConfig): CookieOptions {
  return { sameSite: 'strict', secure: config.auth.cookie_secure, path: '/' };
}

/** Access token and refresh token are httpOnly; the CSRF token is readable so the console can echo it in a header. */
export function setSessionCookies(res: Response, session: IssuedSession, config: AppConfig): void {
  res.cookie(COOKIES.access, session.accessToken, { ...base(config), httpOnly: true, expires: new Date(session.refreshExpiresAt) });
  res.cookie(COOKIES.refresh, session.refreshToken, {
    ...base(config),
    httpOnly: true,
    path: REFRESH_COOKIE_PATH,
    expires: new Date(session.refreshExpiresAt),
  });
  res.cookie(COOKIES.csrf, session.csrfToken, { ...base(config), httpOnly: false, expires: new Date(session.refreshExpiresAt) });
}

export function clearSessionCookies(res: Response, config: AppConfig): void {
  res.clearCookie(COOKIES.access, { ...base(config), httpOnly: true });
  res.clearCookie(COOKIES.refresh, { ...base(config), httpOnly: true, path: REFRESH_COOKIE_PATH });
  res.clearCookie(COOKIES.csrf, base(config));
}
