import type { ExecutionContext } from '@nestjs/common';

/** Marks the routes the strict login throttler applies to; every other route skips it. */
export const LOGIN_THROTTLE = 'tradeassist:login-throttle';

export function isLoginRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(LOGIN_THROTTLE, context.getHandler()) === true;
}
