export const ROLES = ['viewer', 'trader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UserDto {
  id: number;
  username: string;
  role: Role;
  /** Where e-mail notifications go (null: none). */
  email: string | null;
  /** Where urgent alerts go by SMS, E.164 (null: none). */
  phone: string | null;
  disabled: boolean;
  must_change_password: boolean;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface SessionResponse {
  user: UserDto;
  access_expires_at: string;
  csrf_token: string;
}

export interface MeResponse {
  id: number;
  username: string;
  role: Role;
  via: 'session' | 'api_key';
  must_change_password: boolean;
}

export interface ChangePasswordRequest {
  current_password: string;
  new_password: string;
}

export interface CreateUserRequest {
  username: string;
  password: string;
  role: Role;
}

export interface UpdateUserRequest {
  role?: Role;
  disabled?: boolean;
  password?: string;
  /** Where the user's e-mail notifications go; null removes it. */
  email?: string | null;
  /** Where urgent alerts go by SMS, E.164 such as +14155550100; null removes it. */
  phone?: string | null;
}

export interface ApiKeyDto {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  owner: string;
  expires_at: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  role?: Role;
  expires_at?: string;
}

/** Returned once, at creation: the only time the key itself is shown. */
export interface IssuedApiKey extends ApiKeyDto {
  key: string;
}

/** Roles are ordered: an admin may do what a trader may, a trader what a viewer may. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
