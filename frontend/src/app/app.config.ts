import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';
import { provideToastr } from 'ngx-toastr';
import { routes } from './app.routes';
import { apiErrorInterceptor } from './core/api/api-error.interceptor';
import { authRefreshInterceptor } from './core/api/auth-refresh.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    // Cookie-authenticated writes echo the readable ta_csrf cookie in X-CSRF-Token (double submit).
    provideHttpClient(
      withXsrfConfiguration({ cookieName: 'ta_csrf', headerName: 'X-CSRF-Token' }),
      withInterceptors([authRefreshInterceptor, apiErrorInterceptor]),
    ),
    // Bottom right: toasts never cover the toolbar's connection state or a page's action buttons.
    provideToastr({ positionClass: 'toast-bottom-right', maxOpened: 6, newestOnTop: true, preventDuplicates: false }),
    provideCharts(withDefaultRegisterables()),
  ],
};
