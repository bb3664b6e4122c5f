import { SUBSCRIBABLE_TYPES, type RealtimeType, type SubscriptionRequest } from '@tradeassist/shared-types';

/** What one client receives: null means "everything" on that axis. */
export interface Subscription {
  instruments: Set<string> | null;
  types: Set<RealtimeType> | null;
}

export const EVERYTHING: Readonly<Subscription> = { instruments: null, types: null };

/** Replies and errors always reach the client that caused them; only broadcasts are filtered. */
export function accepts(sub: Subscription, type: RealtimeType, symbol: string | undefined): boolean {
  if (sub.types && !sub.types.has(type)) return false;
  if (symbol !== undefined && sub.instruments && !sub.instruments.has(symbol)) return false;
  return true;
}

/** Parses a subscribe/unsubscribe payload; returns an error message a person can act on, or the lists. */
export function parseRequest(data: unknown): { instruments?: string[]; types?: RealtimeType[] } | string {
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) return 'data must be an object with optional "instruments" and "types" arrays';
  const req = data as Record<string, unknown>;
  const out: { instruments?: string[]; types?: RealtimeType[] } = {};
  if (req['instruments'] !== undefined) {
    const list = req['instruments'];
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || s.trim() === ''))
      return '"instruments" must be an array of symbols such as ["ES", "NQ"]';
    out.instruments = (list as string[]).map((s) => s.trim().toUpperCase());
  }
  if (req['types'] !== undefined) {
    const list = req['types'];
    const allowed: readonly string[] = SUBSCRIBABLE_TYPES;
    if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || !allowed.includes(t))) {
      return `"types" must be an array of: ${SUBSCRIBABLE_TYPES.join(', ')}`;
    }
    out.types = list as RealtimeType[];
  }
  return out;
}

export function subscribe(current: Subscription, req: SubscriptionRequest): Subscription {
  return {
    instruments: req.instruments ? new Set([...(current.instruments ?? []), ...req.instruments]) : current.instruments,
    types: req.types ? new Set([...(current.types ?? []), ...req.types]) : current.types,
  };
}

/** Removes the listed entries; with no lists at all, goes back to receiving everything. */
export function unsubscribe(current: Subscription, req: SubscriptionRequest): Subscription {
  if (!req.instruments && !req.types) return { ...EVERYTHING };
  const minus = <T>(set: Set<T> | null, items: T[] | undefined): Set<T> | null => {
    if (!items || !set) return set;
    const next = new Set([...set].filter((x) => !items.includes(x)));
    return next;
  };
  return { instruments: minus(current.instruments, req.instruments), types: minus(current.types, req.types) };
}

export function describe(sub: Subscription): { instruments: string[] | null; types: RealtimeType[] | null } {
  return { instruments: sub.instruments ? [...sub.instruments].sort() : null, types: sub.types ? [...sub.types].sort() : null };
}
