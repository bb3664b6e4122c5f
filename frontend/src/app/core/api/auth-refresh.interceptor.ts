import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';

const AUTH_URLS = ['/api/auth/login', '/api/auth/refresh', '/api/auth/me'];

/** An expired access token is refreshed once and the request retried; a dead session goes to the login page. */
export const authRefreshInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || AUTH_URLS.some((u) => req.url.startsWith(u)))
        return throwError(() => error);
      return from(auth.refresh()).pipe(
        switchMap((ok) => {
          if (ok) return next(req);
          void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
          return throwError(() => error);
        }),
      );
    }),
  );
};
