import type { Role } from './roles';

/** Who is calling: a browser session or an API key, with the role that applies to this request. */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  via: 'session' | 'api_key';
  sessionId?: number;
  apiKeyId?: number;
  mustChangePassword: boolean;
  /** Where the request came from, for the audit trail. */
  ip?: string | null;
}

export const COOKIES = {
  access: 'ta_access',
  refresh: 'ta_refresh',
  csrf: 'ta_csrf',
} as const;

export const CSRF_HEADER = 'x-csrf-token';
export const API_KEY_HEADER = 'x-api-key';
export const REFRESH_COOKIE_PATH = '/api/auth';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}
