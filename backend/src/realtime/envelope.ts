import type { RealtimeMessage, RealtimeMessageMap, RealtimeType } from '@tradeassist/shared-types';

export function envelope<K extends RealtimeType>(type: K, data: RealtimeMessageMap[K]): RealtimeMessage<K> {
  return { type, timestamp: new Date().toISOString(), data };
}

/** The one place a server frame is serialized (a broadcast calls it once, whatever the number of clients). */
export function serializeFrame<K extends RealtimeType>(type: K, data: RealtimeMessageMap[K]): string {
  return JSON.stringify(envelope(type, data));
}
