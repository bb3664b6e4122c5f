export const INSTRUMENT_TYPES = ['future', 'index', 'internal', 'equity', 'option', 'forex', 'crypto'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

export const INSTRUMENT_STATUSES = ['active', 'inactive', 'error'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export interface Instrument {
  id: number;
  symbol: string;
  name: string;
  type: InstrumentType;
  status: InstrumentStatus;
  /** ISO-8601 UTC time of the last tick, null before the first one. */
  last_tick: string | null;
  last_price: number | null;
  created_at: string;
}

export interface CreateInstrumentRequest {
  symbol: string;
  name: string;
  type: InstrumentType;
  status?: InstrumentStatus;
}

export interface UpdateInstrumentRequest {
  name?: string;
  status?: InstrumentStatus;
}

export interface InstrumentQuery {
  type?: InstrumentType;
  status?: InstrumentStatus;
  active_only?: boolean;
}
