/**
 * Saves text as a file through a blob URL anchor: no `downloads` permission, works in the popup and the
 * options page alike. The URL is revoked after the click has been handled.
 */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `liqlens-view-BTC-20261101T000000Z.json`: sortable, and safe in every file system. */
export function exportFileName(kind: string, asset: string, at: number): string {
  const stamp = new Date(at).toISOString().slice(0, 19).replace(/[-:]/g, '');
  return `liqlens-${kind}-${asset}-${stamp}Z.json`;
}
