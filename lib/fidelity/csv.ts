import { z } from '../util/zod';

/** One hour of the fidelity file (docs/model.md "Fidelity"): prices in USD, open interest in USD. */
export interface FidelityRow {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Open interest at the hour's close, USD. */
  oiUsd: number;
  liqLongUsd: number;
  liqShortUsd: number;
}

/** A file the tool cannot read: one line naming the problem. */
export class FidelityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FidelityInputError';
  }
}

export const FIDELITY_COLUMNS = [
  'timestamp',
  'price_open',
  'price_high',
  'price_low',
  'price_close',
  'oi_close',
  'liquidation_long_usd',
  'liquidation_short_usd',
] as const;

const HOUR_MS = 3_600_000;

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a number'));

const RowSchema = z
  .object({
    timestamp: z.int().check(z.nonnegative('expected a time in ms since the epoch')),
    price_open: finite().check(z.positive('expected a positive price')),
    price_high: finite().check(z.positive('expected a positive price')),
    price_low: finite().check(z.positive('expected a positive price')),
    price_close: finite().check(z.positive('expected a positive price')),
    oi_close: finite().check(z.nonnegative('expected open interest ≥ 0')),
    liquidation_long_usd: finite().check(z.nonnegative('expected liquidations ≥ 0')),
    liquidation_short_usd: finite().check(z.nonnegative('expected liquidations ≥ 0')),
  })
  .check(
    z.refine((r) => r.price_high >= Math.max(r.price_low, r.price_open, r.price_close), {
      message: 'the high is below the open, low or close',
      path: ['price_high'],
    }),
    z.refine((r) => r.price_low <= Math.min(r.price_open, r.price_close), {
      message: 'the low is above the open or close',
      path: ['price_low'],
    }),
  );

/**
 * The hourly CSV of the fidelity tool: a header naming at least FIDELITY_COLUMNS (any order, more columns
 * allowed), then one row an hour, times strictly increasing and on the hour grid of the first row. Hours
 * may be missing; the scorer skips the points whose windows they break.
 */
export function parseFidelityCsv(text: string): FidelityRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(',').map((h) => h.trim());
  if (header === undefined) throw new FidelityInputError('the file is empty (expected a CSV header)');
  const missing = FIDELITY_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new FidelityInputError(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  const at = Object.fromEntries(FIDELITY_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof FIDELITY_COLUMNS)[number],
    number
  >;
  const rows: FidelityRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] as string).split(',');
    if (cells.length !== header.length) {
      throw new FidelityInputError(`line ${i + 1}: expected ${header.length} cells, found ${cells.length}`);
    }
    const raw: Record<string, number> = {};
    for (const c of FIDELITY_COLUMNS) {
      const cell = (cells[at[c]] as string).trim();
      raw[c] = number(cell);
      if (Number.isNaN(raw[c])) {
        throw new FidelityInputError(
          `line ${i + 1}: ${c}: expected a number, found ${cell === '' ? 'an empty cell' : `'${cell.slice(0, 20)}'`}`,
        );
      }
    }
    const parsed = RowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = issue?.path[0] === undefined ? '' : `${String(issue.path[0])}: `;
      throw new FidelityInputError(`line ${i + 1}: ${column}${issue?.message ?? 'bad row'}`);
    }
    const r = parsed.data;
    const previous = rows[rows.length - 1];
    if (previous !== undefined && !(r.timestamp > previous.time)) {
      throw new FidelityInputError(`line ${i + 1}: timestamp ${r.timestamp} is not after the row before`);
    }
    if (previous !== undefined && (r.timestamp - (rows[0] as FidelityRow).time) % HOUR_MS !== 0) {
      throw new FidelityInputError(
        `line ${i + 1}: timestamp ${r.timestamp} is not a whole number of hours after the first row`,
      );
    }
    rows.push({
      time: r.timestamp,
      open: r.price_open,
      high: r.price_high,
      low: r.price_low,
      close: r.price_close,
      oiUsd: r.oi_close,
      liqLongUsd: r.liquidation_long_usd,
      liqShortUsd: r.liquidation_short_usd,
    });
  }
  if (rows.length === 0) throw new FidelityInputError('the file has a header but no rows');
  return rows;
}
