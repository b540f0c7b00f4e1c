/** `liqlens-view-BTC-20261101T000000Z.json`: sortable, and safe in every file system. */
export function exportFileName(kind: string, asset: string, at: number, extension = 'json'): string {
  const stamp = new Date(at).toISOString().slice(0, 19).replace(/[-:]/g, '');
  return `liqlens-${kind}-${asset}-${stamp}Z.${extension}`;
}
