/**
 * `base + path + ?k=v&…` in the given key order (stable URLs for HAR replays); `undefined` values are
 * left out. Values are percent-encoded, except those passed through `raw` (an already-encoded cursor).
 */
export function buildUrl(
  base: string,
  path: string,
  params: Record<string, string | number | undefined>,
  raw: Record<string, string | undefined> = {},
): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params))
    if (v !== undefined) parts.push(`${k}=${encodeURIComponent(String(v))}`);
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) parts.push(`${k}=${v}`);
  return parts.length ? `${base}${path}?${parts.join('&')}` : `${base}${path}`;
}
