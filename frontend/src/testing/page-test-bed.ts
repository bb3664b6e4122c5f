import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import type { Role } from '@tradeassist/shared-types';
import { apiErrorInterceptor } from '../app/core/api/api-error.interceptor';
import { AuthService } from '../app/core/auth/auth.service';
import { SOCKET_FACTORY } from '../app/core/realtime/realtime.service';
import { FakeSocketFactory } from './fake-socket';
import { aUser } from './factories';
import { noAnimations } from './no-animations';

/** A feature page's test bed: real HTTP client with the error interceptor on the testing backend, fake sockets, a signed-in user. */
export function configurePageTestBed(
  role: Role = 'trader',
  /** What the page needs besides, e.g. charts or a zero poll interval. */
  extra: (Provider | EnvironmentProviders)[] = [],
): { http: HttpTestingController; sockets: FakeSocketFactory } {
  const sockets = new FakeSocketFactory();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([apiErrorInterceptor])),
      provideHttpClientTesting(),
      { provide: SOCKET_FACTORY, useValue: sockets.create },
      noAnimations,
      ...extra,
    ],
  });
  TestBed.inject(AuthService).user.set(aUser(role));
  return { http: TestBed.inject(HttpTestingController), sockets };
}
