/** Time left as an exchange shows a funding countdown: `3:12` (h:mm), `0:04`; a time past reads `0:00`. */
export function formatCountdown(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, '0')}`;
}
