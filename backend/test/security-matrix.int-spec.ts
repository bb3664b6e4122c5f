import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, roleAtLeast, ROLES, type Access, type Role } from '../src/access';
import { collectRoutes, type RouteEntry } from '../src/common';
import { http, signedInUser, startTestApp, type TestApp } from './support/test-app';

/**
 * Generated from the application's own route table: a new route that forgets to declare its access
 * fails here, and every declared route is called anonymously and with each role.
 */
describe('route × role matrix', () => {
  let t: TestApp;
  let routes: (RouteEntry & { access: Access | undefined })[];
  const keys: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const reflector = t.app.get(Reflector);
    const discovery = t.app.get(DiscoveryService);
    const controllers = new Map(discovery.getControllers().map((w) => [w.name, w]));
    routes = collectRoutes(discovery, t.app.get(MetadataScanner), 'api').map((r) => {
      const wrapper = controllers.get(r.controller);
      const proto = Object.getPrototypeOf(wrapper?.instance) as Record<string, () => unknown>;
      const handler = proto[r.handler];
      const access =
        handler && wrapper?.metatype
          ? reflector.getAllAndOverride<Access>(ACCESS_KEY, [handler, wrapper.metatype as () => unknown])
          : undefined;
      return { ...r, access };
    });
    for (const role of ROLES) {
      if (role !== 'admin') {
        const s = await signedInUser(t.baseUrl, `matrix-${role}`, role);
        const key = await http<{ key: string }>(t.baseUrl, 'POST', '/api/api-keys', { name: role }, undefined, s.headers);
        keys[role] = key.body.key;
      } else {
        keys.admin = t.apiKey;
      }
    }
  });
  afterAll(() => t.close());

  it('finds the routes and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers each route by role: 401 anonymous, 403 below the required role, never 401/403 at or above it', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      if (r.path === '/api/auth/logout' || r.path === '/api/auth/password') continue; // session-only; covered in auth.int-spec
      const path = r.path.replace(/:[^/]+/g, '999999');
      const body = ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined;
      const anonymous = await http<{ code?: string }>(t.baseUrl, r.method, path, body, undefined, {});
      if (r.access?.kind === 'public') {
        // A public route may still answer 401 on its own terms (refresh without a cookie), never the guard's refusal.
        if (anonymous.body?.code === 'AUTH_REQUIRED' || anonymous.status === 403)
          failures.push(`${r.method} ${path}: public but ${anonymous.status}`);
        continue;
      }
      if (anonymous.status !== 401 || anonymous.body?.code !== 'AUTH_REQUIRED')
        failures.push(`${r.method} ${path}: anonymous got ${anonymous.status}`);
      const required = r.access?.kind === 'role' ? r.access.role : 'admin';
      // An event stream answers an allowed caller by staying open: only refusals are checked here (inbox.int-spec reads it).
      const streaming = r.path.endsWith('/stream');
      for (const role of ROLES) {
        if (streaming && roleAtLeast(role, required)) continue;
        const res = await http(t.baseUrl, r.method, path, body, undefined, { 'x-api-key': keys[role] ?? '' });
        const allowed = roleAtLeast(role, required);
        if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${r.method} ${path}: ${role} refused (${res.status})`);
        if (!allowed && res.status !== 403) failures.push(`${r.method} ${path}: ${role} got ${res.status}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });
});
