import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import type { DiscoveryService, MetadataScanner } from '@nestjs/core';

export interface RouteEntry {
  method: string;
  path: string;
  pattern: RegExp;
  controller: string;
  handler: string;
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

function toPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Every HTTP route the application serves, read from controller metadata. Used to answer 405 with
 * an Allow header, and by the accounts issue to prove every route is guarded.
 */
export function collectRoutes(discovery: DiscoveryService, scanner: MetadataScanner, prefix: string): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | string[] | undefined) ?? '/';
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (typeof handler !== 'function') continue;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (sub === undefined || method === undefined) continue;
      for (const b of Array.isArray(base) ? base : [base]) {
        for (const s of Array.isArray(sub) ? sub : [sub]) {
          const path = joinPath(prefix, b, s);
          routes.push({
            method: String(RequestMethod[method]),
            path,
            pattern: toPattern(path),
            controller: String(wrapper.name),
            handler: name,
          });
        }
      }
    }
  }
  return routes;
}

export function allowedMethods(routes: RouteEntry[], path: string): string[] {
  const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
  return [...methods].sort();
}
