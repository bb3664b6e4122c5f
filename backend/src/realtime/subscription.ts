import { SUBSCRIBABLE_TYPES, type RealtimeMessageMap, type RealtimeType, type SubscriptionRequest } from '@tradeassist/shared-types';

/** What one client receives: null means "everything" on that axis. */
export interface Subscription {
  instruments: ReadonlySet<string> | null;
  types: ReadonlySet<RealtimeType> | null;
}

export type SubscriptionView = RealtimeMessageMap['subscription_acknowledged'];

export const EVERYTHING: Readonly<Subscription> = { instruments: null, types: null };

/**
 * Only broadcasts go through this; replies and errors always reach the client that caused them.
 * A message without a symbol (alerts are scoped, health is not) passes the instrument axis.
 */
export function accepts(sub: Subscription, type: RealtimeType, symbol: string | undefined): boolean {
  if (sub.types && !sub.types.has(type)) return false;
  if (symbol !== undefined && sub.instruments && !sub.instruments.has(symbol)) return false;
  return true;
}

export function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}

/**
 * Parses a subscribe/unsubscribe payload into lists, or returns an error a person can act on.
 * An empty list means the same as leaving it out.
 */
export function parseRequest(data: unknown): SubscriptionRequest | string {
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) return 'data must be an object with optional "instruments" and "types" arrays';
  const { instruments, types } = data as { instruments?: unknown; types?: unknown };
  const out: SubscriptionRequest = {};
  if (instruments !== undefined) {
    if (!Array.isArray(instruments) || instruments.some((s) => typeof s !== 'string' || s.trim() === '')) {
      return '"instruments" must be an array of symbols such as ["ES", "NQ"]';
    }
    if (instruments.length > 0) out.instruments = [...new Set((instruments as string[]).map(normalizeSymbol))];
  }
  if (types !== undefined) {
    const allowed: readonly string[] = SUBSCRIBABLE_TYPES;
    if (!Array.isArray(types)) return `"types" must be an array of: ${SUBSCRIBABLE_TYPES.join(', ')}`;
    const bad: unknown = types.find((t) => typeof t !== 'string' || !allowed.includes(t));
    if (bad !== undefined) return `Unknown type ${JSON.stringify(bad)} in "types"; subscribable types: ${SUBSCRIBABLE_TYPES.join(', ')}`;
    if (types.length > 0) out.types = [...new Set(types as RealtimeType[])];
  }
  return out;
}

/** Adds to the lists; an axis that was "everything" becomes just what was listed. */
export function subscribe(current: Subscription, req: SubscriptionRequest): Subscription {
  return {
    instruments: req.instruments ? new Set([...(current.instruments ?? []), ...req.instruments]) : current.instruments,
    types: req.types ? new Set([...(current.types ?? []), ...req.types]) : current.types,
  };
}

/**
 * Removes the listed entries; with no lists at all, goes back to receiving everything.
 * Removing the last entry leaves an empty list (receive none of that axis), never "everything".
 * Types can be removed from "everything" (the subscribable set is finite); instruments cannot,
 * as there is no way to say "every symbol but NQ" in the acknowledgement, so that is an error.
 */
export function unsubscribe(current: Subscription, req: SubscriptionRequest): Subscription | string {
  if (!req.instruments && !req.types) return { ...EVERYTHING };
  if (req.instruments && current.instruments === null) {
    return 'you receive every instrument, so there is none to remove; subscribe to the instruments you want instead';
  }
  const minus = <T>(set: ReadonlySet<T>, items: readonly T[]): Set<T> => new Set([...set].filter((x) => !items.includes(x)));
  return {
    instruments: req.instruments && current.instruments ? minus(current.instruments, req.instruments) : current.instruments,
    types: req.types ? minus(current.types ?? new Set(SUBSCRIBABLE_TYPES), req.types) : current.types,
  };
}

/** The acknowledgement's view: sorted lists so the reply is stable. */
export function describe(sub: Subscription): SubscriptionView {
  return { instruments: sub.instruments ? [...sub.instruments].sort() : null, types: sub.types ? [...sub.types].sort() : null };
}
