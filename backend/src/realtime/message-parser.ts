import { CLIENT_MESSAGE_TYPES, type ClientMessageType, type RealtimeMessageMap } from '@tradeassist/shared-types';

/**
 * Event name for frames the gateway must answer with an error. Nest's ws adapter silently drops
 * frames it cannot route, but the contract answers them. Clients cannot forge it: any type that
 * is not a client message type is itself routed here.
 */
export const REJECTED_FRAME = '__rejected_frame';

export type ParsedFrame = { event: ClientMessageType; data: unknown } | { event: typeof REJECTED_FRAME; data: RealtimeMessageMap['error'] };

const SUPPORTED: string[] = [...CLIENT_MESSAGE_TYPES];
// Echoing a client's type back is useful; echoing 64 KB of it is not.
const MAX_ECHOED_TYPE = 64;

function isClientType(type: string): type is ClientMessageType {
  return (CLIENT_MESSAGE_TYPES as readonly string[]).includes(type);
}

/** Frames are `{type, data}` envelopes (a timestamp may be sent and is ignored). */
export function parseClientFrame(raw: unknown): ParsedFrame {
  let message: unknown;
  try {
    message = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw));
  } catch {
    return { event: REJECTED_FRAME, data: { message: 'Invalid JSON format' } };
  }
  const type =
    typeof message === 'object' && message !== null && !Array.isArray(message) ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') {
    return { event: REJECTED_FRAME, data: { message: 'Message must be a JSON object with a string "type"', supported_types: SUPPORTED } };
  }
  if (!isClientType(type)) {
    const shown = type.length > MAX_ECHOED_TYPE ? `${type.slice(0, MAX_ECHOED_TYPE)}…` : type;
    return { event: REJECTED_FRAME, data: { message: `Unknown message type: ${shown}`, supported_types: SUPPORTED } };
  }
  return { event: type, data: (message as { data?: unknown }).data };
}
