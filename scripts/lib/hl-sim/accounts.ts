import { createRandom } from '../sim/random';

/** One simulated position, in the venue's own terms. */
export interface SimPosition {
  coin: string;
  szi: number;
  entryPx: number;
  margin: 'cross' | 'isolated';
  leverage: number;
  /** null: no price in reach liquidates it. */
  liquidationPx: number | null;
}

export interface SimAccount {
  address: string;
  positions: SimPosition[];
  accountValue: number;
}

export interface SimMarket {
  coin: string;
  mark: number;
  /** Coins, one side. */
  openInterest: number;
  szDecimals: number;
}

export const SIM_MARKETS: SimMarket[] = [
  { coin: 'BTC', mark: 95_000, openInterest: 30_000, szDecimals: 5 },
  { coin: 'ETH', mark: 3_500, openInterest: 450_000, szDecimals: 4 },
  { coin: 'SOL', mark: 180.5, openInterest: 3_100_000, szDecimals: 2 },
];

/** `0x` + 40 hex digits from an index: stable, readable in a failing test. */
export function simAddress(i: number): string {
  return `0x${i.toString(16).padStart(8, '0').repeat(5)}`;
}

/**
 * Seeded accounts with positions on several coins: about 4 in 5 cross margin, some with a null liquidation
 * price (a cross account with room to spare), some liquidated far outside ±25 %, sizes spread over three
 * orders of magnitude; one account in ten holds nothing.
 */
export function simAccounts(count: number, seed = 13, markets: SimMarket[] = SIM_MARKETS): SimAccount[] {
  const random = createRandom(seed);
  const out: SimAccount[] = [];
  for (let i = 0; i < count; i++) {
    const positions: SimPosition[] = [];
    const held = random() < 0.1 ? 0 : 1 + Math.floor(random() * 3);
    const coins = [...markets].sort(() => random() - 0.5).slice(0, held);
    for (const m of coins) {
      const long = random() < 0.5;
      const leverage = [3, 5, 10, 20, 40][Math.floor(random() * 5)] as number;
      const margin = random() < 0.8 ? 'cross' : 'isolated';
      const notional = 10 ** (2 + random() * 3) * 10;
      const size = Number((notional / m.mark).toFixed(m.szDecimals)) || 10 ** -m.szDecimals;
      const entryPx = m.mark * (1 + (random() - 0.5) * 0.06);
      const distance = (1 / leverage) * (0.6 + random() * 0.8) * (random() < 0.1 ? 8 : 1);
      let liquidationPx: number | null = long ? entryPx * (1 - distance) : entryPx * (1 + distance);
      if (margin === 'cross' && random() < 0.15) liquidationPx = null;
      if (liquidationPx !== null && liquidationPx <= 0) liquidationPx = null;
      positions.push({ coin: m.coin, szi: long ? size : -size, entryPx, margin, leverage, liquidationPx });
    }
    out.push({ address: simAddress(i + 1), positions, accountValue: 1000 + random() * 100_000 });
  }
  return out;
}

const str = (v: number) => String(Number(v.toPrecision(10)));

/** The `clearinghouseState` answer for an account, in the venue's shape (numbers as strings). */
export function clearinghouseState(account: SimAccount | undefined, time: number): unknown {
  const positions = account?.positions ?? [];
  const ntl = positions.reduce((s, p) => s + Math.abs(p.szi) * p.entryPx, 0);
  const value = account?.accountValue ?? 0;
  const summary = {
    accountValue: str(value),
    totalMarginUsed: str(ntl / 10),
    totalNtlPos: str(ntl),
    totalRawUsd: str(value),
  };
  return {
    assetPositions: positions.map((p) => ({
      position: {
        coin: p.coin,
        entryPx: str(p.entryPx),
        leverage: { type: p.margin, value: p.leverage },
        liquidationPx: p.liquidationPx === null ? null : str(p.liquidationPx),
        marginUsed: str((Math.abs(p.szi) * p.entryPx) / p.leverage),
        maxTradeSzs: ['1.0', '1.0'],
        positionValue: str(Math.abs(p.szi) * p.entryPx),
        returnOnEquity: '0.0',
        szi: str(p.szi),
        unrealizedPnl: '0.0',
      },
      type: 'oneWay',
    })),
    crossMarginSummary: summary,
    marginSummary: summary,
    withdrawable: str(value / 2),
    time,
  };
}
