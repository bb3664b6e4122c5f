import type { HealthResponse } from './health';
import type { RuleCondition } from './rules';

export const REALTIME_PATH = '/ws/realtime';

export interface Envelope<T extends string = string, D = unknown> {
  type: T;
  timestamp: string;
  data: D;
}

export interface TickUpdate {
  instrument_id: number;
  symbol: string;
  price: number;
  volume: number;
  bid: number | null;
  ask: number | null;
  timestamp: string;
}

import type { AlertPriority } from './rule-options';

export type { AlertPriority };

export interface AlertFired {
  alert_id: number;
  rule_id: number;
  rule_name: string | null;
  instrument_id: number;
  symbol: string;
  trigger_value: number;
  threshold_value: number;
  condition: RuleCondition;
  priority: AlertPriority;
  /** Whether the console should play the alert's tone (the rule's routing includes the sound channel). */
  sound: boolean;
  message: string;
  timestamp: string;
  evaluation_time_ms: number;
}

/** Everything the server may send, by type. */
export interface RealtimeMessageMap {
  connection_established: { connection_id: string; server_time: string; active_connections: number };
  tick_update: TickUpdate;
  alert_fired: AlertFired;
  health_status: HealthResponse;
  pong: { server_time: string };
  subscription_acknowledged: { instruments: string[] | null; types: RealtimeType[] | null };
  unsubscription_acknowledged: { instruments: string[] | null; types: RealtimeType[] | null };
  error: { message: string; supported_types?: string[] };
}
export type RealtimeType = keyof RealtimeMessageMap;
export type RealtimeMessage<K extends RealtimeType = RealtimeType> = Envelope<K, RealtimeMessageMap[K]>;

/** Message types a client can subscribe to (the rest are replies to it). */
export const SUBSCRIBABLE_TYPES = ['tick_update', 'alert_fired', 'health_status'] as const satisfies readonly RealtimeType[];

export interface SubscriptionRequest {
  /** Symbols; omitted means every instrument. */
  instruments?: string[];
  /** Message types; omitted means every type. */
  types?: RealtimeType[];
}

/** Everything a client may send, by type. */
export interface ClientMessageMap {
  ping: Record<string, never> | undefined;
  subscribe: SubscriptionRequest | undefined;
  unsubscribe: SubscriptionRequest | undefined;
}
export type ClientMessageType = keyof ClientMessageMap;
export const CLIENT_MESSAGE_TYPES = ['ping', 'subscribe', 'unsubscribe'] as const satisfies readonly ClientMessageType[];

export function isRealtimeMessage(value: unknown): value is RealtimeMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { timestamp?: unknown }).timestamp === 'string'
  );
}
