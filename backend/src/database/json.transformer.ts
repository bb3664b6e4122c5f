import type { ValueTransformer } from 'typeorm';

/** A JSON document in a text column (portable: SQLite has no JSON type, and the app never queries inside it). */
export function json<T>(): ValueTransformer {
  return {
    to: (value: T | null | undefined) => (value === null || value === undefined ? value : JSON.stringify(value)),
    from: (value: string | null) => (value === null || value === undefined ? null : (JSON.parse(value) as T)),
  };
}
