import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';
import type { Role } from './roles';

export const ACCESS_KEY = 'tradeassist:access';

/** Every route states who may call it; the route × role test fails on a route that says nothing. */
export type Access = { kind: 'public' } | { kind: 'role'; role: Role; allowDuringPasswordChange?: boolean };

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

/** The least role a caller needs; admins and traders pass where a viewer does. */
export const Requires = (role: Role, options: { allowDuringPasswordChange?: boolean } = {}): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'role', role, ...options } satisfies Access);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<Request>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
