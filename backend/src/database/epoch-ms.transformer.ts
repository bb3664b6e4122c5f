import type { ValueTransformer } from 'typeorm';

/** bigint epoch-ms columns come back as strings from PostgreSQL; the app works in numbers. */
export const epochMs: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
