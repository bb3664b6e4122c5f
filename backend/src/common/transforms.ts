/** Query strings carry booleans as text; accept the usual spellings and leave anything else for the validator to reject. */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
}

/** Optional numeric query parameters: '' means absent, anything else goes to the validator as a number. */
export function toNumber({ value }: { value: unknown }): unknown {
  if (value === '' || value === undefined || value === null) return undefined;
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
