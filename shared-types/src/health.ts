export const HEALTH_STATES = ['healthy', 'degraded', 'unhealthy'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export interface FeedStatus {
  kind: string;
  running: boolean;
  /** Ticks received in the last minute. */
  ticks_last_minute: number;
  last_tick: string | null;
  /** Seconds since the last tick of any instrument; null before the first. */
  staleness_seconds: number | null;
}

export interface HealthResponse {
  status: HealthState;
  ingestion_active: boolean;
  last_tick: string | null;
  api_connected: boolean;
  active_instruments: number;
  total_rules: number;
  last_alert: string | null;
  version: string;
  uptime_seconds: number;
}

export interface DetailedHealthResponse {
  status: HealthState;
  database_status: 'connected' | 'error';
  database_type: string;
  total_instruments: number;
  active_instruments: number;
  total_rules: number;
  active_rules: number;
  total_ticks_today: number;
  total_alerts_today: number;
  avg_evaluation_time_ms: number;
  feed: FeedStatus;
  websocket: { active_connections: number; messages_sent: number };
  system: {
    uptime_seconds: number;
    memory_rss_mb: number;
    heap_used_mb: number;
    node_version: string;
    load_average: number[];
  };
}
