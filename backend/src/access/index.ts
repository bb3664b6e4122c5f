// Who may call what: shared by every module's controllers, the auth guard and the realtime gateway.
export { ACCESS_KEY, CurrentPrincipal, Public, Requires, type Access } from './decorators';
export { API_KEY_HEADER, COOKIES, CSRF_HEADER, REFRESH_COOKIE_PATH, type Principal } from './principal';
export { roleAtLeast, ROLES, type Role } from './roles';
