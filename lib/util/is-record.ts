/** A plain object (not null, not an array): the first step of every hand-written shape check. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
