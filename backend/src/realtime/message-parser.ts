import { CLIENT_MESSAGE_TYPES } from '@tradeassist/shared-types';

export const INVALID_JSON = '__invalid_json';
export const UNKNOWN_TYPE = '__unknown_type';

/**
 * Frames are `{type, data}` envelopes. Nest's ws adapter drops frames it cannot route, but the
 * contract answers them, so bad JSON and unknown types are routed to handlers that reply with an error.
 */
export function parseClientFrame(raw: unknown): { event: string; data: unknown } {
  let message: unknown;
  try {
    message = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw));
  } catch {
    return { event: INVALID_JSON, data: undefined };
  }
  if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') {
    return { event: UNKNOWN_TYPE, data: { type: JSON.stringify((message as { type?: unknown } | null)?.type ?? null) } };
  }
  const { type, data } = message as { type: string; data?: unknown };
  if (!(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type)) return { event: UNKNOWN_TYPE, data: { type } };
  return { event: type, data };
}
