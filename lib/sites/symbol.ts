/** What a chart shows, as far as LiqLens is concerned. */
export type ChartSymbol =
  | {
      supported: true;
      /** The engine's asset: BTC, ETH, 1000PEPE … */
      asset: string;
      quote: 'USD' | 'USDT' | 'USDC';
      market: 'perp' | 'spot' | 'unknown';
      raw: string;
    }
  | { supported: false; raw: string; reason: string };

const SUPPORTED_QUOTES = ['USDT', 'USDC', 'USD'] as const;
/** Longest first, so that BTCUSDT is not read as BTCUSD + T. */
const KNOWN_QUOTES = [
  'USDT',
  'USDC',
  'BUSD',
  'FDUSD',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'TRY',
  'BRL',
  'BTC',
  'ETH',
  'BNB',
];

const unsupported = (raw: string, reason: string): ChartSymbol => ({ supported: false, raw, reason });

function fromBaseQuote(
  raw: string,
  base: string,
  quote: string,
  market: 'perp' | 'spot' | 'unknown',
): ChartSymbol {
  if (!/^[A-Z0-9]{1,20}$/.test(base)) return unsupported(raw, `${raw} is not a crypto pair LiqLens knows`);
  if (!(SUPPORTED_QUOTES as readonly string[]).includes(quote)) {
    return unsupported(raw, `${base}/${quote} is quoted in ${quote}; liquidation maps need a USD quote`);
  }
  return { supported: true, asset: base, quote: quote as 'USD' | 'USDT' | 'USDC', market, raw };
}

/** Split a concatenated pair such as BTCUSDT. */
function splitPair(raw: string, pair: string, market: 'perp' | 'spot' | 'unknown'): ChartSymbol {
  for (const quote of KNOWN_QUOTES) {
    if (pair.length > quote.length && pair.endsWith(quote)) {
      return fromBaseQuote(raw, pair.slice(0, -quote.length), quote, market);
    }
  }
  return unsupported(raw, `${raw} is not a USD-quoted crypto pair`);
}

/**
 * Reads the symbol forms the supported sites use:
 * `BINANCE:BTCUSDT.P`, `BYBIT:BTCUSDT.P`, `BINANCE:BTCUSDT`, `BTCUSDT`, `btc-usdt-swap`, `BTC-USDT`, `BTC/USDT`, `BTC`.
 * A bare coin (Hyperliquid) is a USD perpetual.
 */
export function parseChartSymbol(input: string): ChartSymbol {
  const raw = input.trim();
  if (!raw) return unsupported(input, 'no symbol on this page');
  if (raw.includes('+') || raw.includes('*') || raw.includes('(')) {
    return unsupported(raw, `${raw} is a spread or formula, not a single market`);
  }
  const colon = raw.lastIndexOf(':');
  let body = (colon >= 0 ? raw.slice(colon + 1) : raw).toUpperCase();
  let market: 'perp' | 'spot' | 'unknown' = 'unknown';
  if (body.endsWith('.P')) {
    market = 'perp';
    body = body.slice(0, -2);
  } else if (body.endsWith('PERP')) {
    market = 'perp';
    body = body.replace(/[-_]?PERP$/, '');
  }
  const dashed = /^([A-Z0-9]+)[-/_]([A-Z0-9]+)(?:[-_](SWAP|PERP))?$/.exec(body);
  if (dashed) {
    const swap = dashed[3] ? 'perp' : market;
    return fromBaseQuote(raw, dashed[1] as string, dashed[2] as string, swap);
  }
  if (!/^[A-Z0-9]+$/.test(body)) return unsupported(raw, `${raw} is not a crypto pair LiqLens knows`);
  const pair = splitPair(raw, body, market);
  // ETHBTC named a quote, just not a USD one: that is an answer, not a bare coin.
  const namedQuote = KNOWN_QUOTES.some((q) => body.length > q.length && body.endsWith(q));
  if (pair.supported || colon >= 0 || namedQuote) return pair;
  // A bare coin with no quote, as Hyperliquid names its perpetuals.
  if (/^[A-Z0-9]{1,12}$/.test(body) && !/^[0-9]+$/.test(body)) {
    return { supported: true, asset: body, quote: 'USD', market: 'perp', raw };
  }
  return pair;
}
