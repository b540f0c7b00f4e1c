/** Rows of cells as lines, each column padded to its widest cell; `right` columns align right. */
export function alignColumns(
  rows: readonly (readonly string[])[],
  indent = '  ',
  right: readonly number[] = [],
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      if (i === row.length - 1 && !right.includes(i)) return cell;
      return right.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
    });
    return `${indent}${cells.join('  ')}`.trimEnd();
  });
}
