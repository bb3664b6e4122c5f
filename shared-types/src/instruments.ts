export const INSTRUMENT_TYPES = ['future', 'index', 'internal', 'equity', 'option', 'forex', 'crypto'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

export const INSTRUMENT_STATUSES = ['active', 'inactive', 'error'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

/** The timezone of the seeded US instruments, and of a new instrument that names none. */
export const DEFAULT_INSTRUMENT_TIMEZONE = 'America/New_York';

export interface Instrument {
  id: number;
  symbol: string;
  name: string;
  type: InstrumentType;
  status: InstrumentStatus;
  /** ISO-8601 UTC time of the last tick, null before the first one. */
  last_tick: string | null;
  last_price: number | null;
  /** IANA name of the timezone its market keeps (e.g. Europe/London): a custom session without a timezone of its own runs in it. */
  timezone: string;
  created_at: string;
}

export interface CreateInstrumentRequest {
  symbol: string;
  name: string;
  type: InstrumentType;
  status?: InstrumentStatus;
  /** Default DEFAULT_INSTRUMENT_TIMEZONE. */
  timezone?: string;
}

export interface UpdateInstrumentRequest {
  name?: string;
  status?: InstrumentStatus;
  timezone?: string;
}

export interface InstrumentQuery {
  type?: InstrumentType;
  status?: InstrumentStatus;
  active_only?: boolean;
}
