import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type ActivatedRouteSnapshot, type RouterStateSnapshot, type UrlTree } from '@angular/router';
import type { MeResponse, Role } from '@tradeassist/shared-types';
import { aUser } from '../../../testing/factories';
import { apiErrorInterceptor } from '../api/api-error.interceptor';
import { requireUser } from './auth.guard';
import { AuthService } from './auth.service';

const me = (role: Role, mustChange = false): MeResponse => ({ ...aUser(role), must_change_password: mustChange });

describe('AuthService and the route guard', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('runs one refresh however many callers ask at once', async () => {
    const a = auth.refresh();
    const b = auth.refresh();
    http.expectOne('/api/auth/refresh').flush({});
    expect(await Promise.all([a, b])).toEqual([true, true]);
  });

  it('treats a 401 from /me as signed out and orders roles', async () => {
    const loading = auth.load();
    http.expectOne('/api/auth/me').flush({ message: 'Log in' }, { status: 401, statusText: 'Unauthorized' });
    expect(await loading).toBeNull();
    expect(auth.can('viewer')).toBe(false);
    auth.user.set(me('trader'));
    expect([auth.can('viewer'), auth.can('trader'), auth.can('admin')]).toEqual([true, true, false]);
  });

  async function guard(url: string, role?: 'admin'): Promise<boolean | UrlTree> {
    const result = TestBed.runInInjectionContext(() => requireUser(role)({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));
    return (await result) as boolean | UrlTree;
  }

  it('sends the signed-out to /login with the return URL, the forced to /account, and checks the role', async () => {
    const router = TestBed.inject(Router);
    auth.loaded.set(true);
    expect(router.serializeUrl((await guard('/rules')) as UrlTree)).toBe('/login?returnUrl=%2Frules');
    auth.user.set(me('viewer', true));
    expect(router.serializeUrl((await guard('/rules')) as UrlTree)).toBe('/account?forced=1');
    auth.user.set(me('viewer'));
    expect(await guard('/rules')).toBe(true);
    expect(router.serializeUrl((await guard('/users', 'admin')) as UrlTree)).toBe('/');
  });
});
