import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Role } from '@tradeassist/shared-types';
import { AuthService } from './auth.service';

/** Signed in (and past a forced password change) to see the console; optionally a minimum role. */
export function requireUser(role: Role = 'viewer'): CanActivateFn {
  return async (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const user = auth.loaded() ? auth.user() : await auth.load();
    if (!user) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    if (user.must_change_password && !state.url.startsWith('/account'))
      return router.createUrlTree(['/account'], { queryParams: { forced: 1 } });
    return auth.can(role) ? true : router.createUrlTree(['/']);
  };
}
